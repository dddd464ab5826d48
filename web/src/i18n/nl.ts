/**
 * The portal's words in Dutch. Typed `Strings`, so a key missing here (or one too many) fails the
 * typecheck. Counted nouns take the Dutch forms (one / other: "1 dag", "2 dagen").
 */
import type { DueWords } from '#shared/due-words.ts';
import { dutchRefusals } from '#shared/refusal-words.nl.ts';
import { accountWords } from '../account/words.nl.ts';
import { adminWords } from '../admin/words.nl.ts';
import { catalogWords } from '../catalog/words.nl.ts';
import { dashboardWords } from '../dashboard/words.nl.ts';
import { editorWords } from '../editor/words.nl.ts';
import { inboundWords } from '../inbound/words.nl.ts';
import { integrationWords } from '../integrations/words.nl.ts';
import { noteWords } from '../notes/words.nl.ts';
import { orderWords } from '../order/words.nl.ts';
import { queueWords } from '../queue/words.nl.ts';
import { setupWords } from '../setup/words.nl.ts';
import { surveyWords } from '../survey/words.nl.ts';
import { transferWords } from '../transfer/words.nl.ts';
import type { Strings } from './en.ts';
import { form, num, orList, plural } from './nl-grammar.ts';

const due: DueWords = {
  minutes: (n) => `${n} min`,
  hours: (n) => `${n} u`,
  days: (n) => `${n} ${form(n, 'dag', 'dagen')}`,
  workingDays: (n) => `${n} ${form(n, 'werkdag', 'werkdagen')}`,
  due: (when, left) => `uiterlijk ${when}, nog ${left} werktijd`,
  overdueBy: (duration) => `${duration} werktijd over de termijn`,
  overdueSince: (when) => `over de termijn sinds ${when}`,
};

export const nl: Strings = {
  appName: 'Ordo',
  locale: 'nl-NL',
  status: {
    submitted: 'ingediend',
    awaiting_approval: 'wacht op goedkeuring',
    awaiting_inputs: 'wacht op gegevens',
    open: 'open',
    in_progress: 'in behandeling',
    waiting_for_customer: 'wacht op de aanvrager',
    resolved: 'afgehandeld',
    closed: 'gesloten',
    cancelled: 'geannuleerd',
    rejected: 'afgewezen',
  },
  due,
  refusals: dutchRefusals,
  languageNames: { en: 'English', pl: 'Polski', ru: 'Русский', nl: 'Nederlands', zh: '简体中文' },
  common: {
    loading: 'Laden…',
    loadMore: 'Meer laden',
    loadingMore: 'Meer laden…',
    required: 'verplicht',
    optional: 'optioneel',
    none: '—',
    yes: 'Ja',
    no: 'Nee',
    nobody: 'Nog niemand',
    send: 'Verzenden',
    neverMind: 'Annuleren',
    retry: 'Opnieuw proberen',
    requiredNote: 'Velden met een * zijn verplicht.',
    save: 'Opslaan',
    saving: 'Opslaan…',
    add: 'Toevoegen',
    remove: 'Verwijderen',
    removeItem: (what) => `${what} verwijderen`,
    moveUp: (what) => `${what} omhoog verplaatsen`,
    moveDown: (what) => `${what} omlaag verplaatsen`,
    fixBelow: 'Corrigeer eerst het volgende:',
    unsaved: 'Er zijn niet-opgeslagen wijzigingen.',
    leaveUnsaved: 'Er zijn niet-opgeslagen wijzigingen. Deze pagina toch verlaten?',
  },
  nav: {
    label: 'Hoofdmenu',
    skip: 'Naar de inhoud',
    catalog: 'Catalogus',
    myOrders: 'Mijn aanvragen',
    queue: (code) => `Wachtrij ${code}`,
    dashboard: (code) => `Dashboard ${code}`,
    myNumbers: (code) => `Mijn cijfers ${code}`,
    profile: 'Profiel',
    signedInAs: 'Aangemeld als',
    signOut: 'Afmelden',
    admin: 'Beheer',
  },
  errors: {
    network: 'Ordo is nu niet bereikbaar. Controleer de verbinding en probeer het opnieuw.',
    unexpected: 'Er ging bij ons iets mis. Probeer het opnieuw.',
    badRequest: 'Een deel van de gegevens is niet geldig.',
    unauthorized: 'De sessie is verlopen. Meld u opnieuw aan.',
    forbidden: 'Hiervoor ontbreekt de toegang.',
    notFound: 'Dit is niet gevonden. Het is mogelijk verwijderd, of de link klopt niet.',
    conflict: 'Iemand anders heeft dit tegelijkertijd gewijzigd.',
    rule: 'Dit kan nu niet.',
    tooMany: 'Te veel verzoeken. Wacht even en probeer het opnieuw.',
    checkValue: 'Controleer deze waarde.',
  },
  serviceStatus: {
    draft: 'Concept',
    published: 'Gepubliceerd',
    retired: 'Buiten gebruik',
  },
  standard: {
    words: (firstResponse, resolution) => `reactie binnen ${firstResponse}, afgehandeld binnen ${resolution}`,
  },
  duration: {
    minutes: (n) => plural(n, 'minuut', 'minuten'),
    hours: (n, working) => plural(n, working ? 'werkuur' : 'uur', working ? 'werkuren' : 'uur'),
    days: (n, working) => plural(n, working ? 'werkdag' : 'dag', working ? 'werkdagen' : 'dagen'),
  },
  upload: {
    limits: (types, size) => `${types}, tot ${size}.`,
    uploading: (name, percent) => `${name} uploaden: ${percent} %`,
    uploaded: (name, size) => `${name} geüpload (${size}).`,
    kept: 'Er is al een bestand bijgevoegd. Kies een ander bestand om het te vervangen.',
    removeFile: (name) => `${name} verwijderen`,
    failed: 'Het bestand kon niet worden geüpload. Probeer het opnieuw.',
    expired: 'Het uploaden duurde te lang. Kies het bestand opnieuw.',
    empty: 'Dit bestand is leeg.',
    badName: 'Deze bestandsnaam kan niet worden gebruikt. Wijzig de naam van het bestand en probeer het opnieuw.',
    tooBig: (max) => `Dit bestand is te groot. Bestanden mogen maximaal ${max} zijn.`,
    wrongType: (types) => `Dit soort bestand wordt niet geaccepteerd. Toegestaan: ${types}.`,
    typeNames: {
      'application/pdf': 'PDF',
      'image/png': 'PNG',
      'image/jpeg': 'JPEG',
      'text/plain': 'tekstbestand',
      'text/csv': 'CSV',
      'application/zip': 'ZIP',
    },
    orList,
    bytes: (n) => plural(n, 'byte', 'bytes'),
    kilobytes: (n) => `${num(n)} KB`,
    megabytes: (n) => `${num(n)} MB`,
    download: (name) => `${name} openen`,
    newTab: '(opent in een nieuw tabblad)',
    opening: 'Openen…',
    preview: (name) => `Gekozen: ${name} (in het voorbeeld niet geüpload).`,
  },
  priority: {
    low: 'Laag',
    normal: 'Normaal',
    high: 'Hoog',
    urgent: 'Spoed',
  },
  sla: {
    title: 'Termijnen',
    states: {
      running: 'Op schema',
      warning: 'In gevaar',
      breached: 'Te laat',
      paused: 'Gepauzeerd',
      met: 'Gehaald',
    },
    missed: 'Niet gehaald',
    clocks: { first_response: 'Eerste reactie', resolution: 'Afhandeling' },
    metAt: (when, used) => `gehaald ${when}, na ${used} werktijd`,
    missedAt: (when, used) => `niet gehaald: gestopt ${when}, na ${used} werktijd`,
    pausedLeft: (since, left) => `gepauzeerd sinds ${since}, nog ${left} werktijd`,
    pausedShort: (left) => `gepauzeerd, nog ${left} werktijd`,
    dueAt: (when) => `uiterlijk ${when}`,
    noDue: 'nog geen termijn',
    noStandard: 'geen termijn afgesproken',
    allMet: 'termijnen gehaald',
    target: 'Termijn',
    used: 'Gebruikte werktijd',
    paused: 'Gepauzeerd (telt niet mee)',
    version: 'Versie van de termijnen',
    versionNumber: (n) => `v${n}`,
    autoClose: 'Sluit automatisch',
    autoCloseWords: (when) => `${when}, tenzij de afhandeling eerder wordt bevestigd of de aanvraag heropend`,
  },
  search: {
    label: 'Aanvragen zoeken',
    hintMine: 'Een aanvraagnummer, of woorden uit de titel, je antwoorden of een naam. Woorden mogen onaf zijn.',
    hintDepartment: (code: string) =>
      `Een aanvraagnummer (of alleen de cijfers), of woorden uit de titel, de antwoorden of de naam van de aanvrager: alle aanvragen van ${code}, open of afgerond.`,
    searching: 'Zoeken…',
    found: (n: number, more: boolean) =>
      n === 0
        ? more
          ? 'Geen van de nieuwste aanvragen bevat alle woorden; daar stopte de zoekopdracht. Meer of andere woorden verfijnen hem.'
          : 'Geen aanvraag gevonden.'
        : `${plural(n, 'aanvraag gevonden', 'aanvragen gevonden')}${more ? '; de nieuwste getoond, meer woorden verfijnen de zoekopdracht' : ''}.`,
    caption: 'Gevonden aanvragen, nieuwste eerst',
  },
  notFound: {
    title: 'Pagina niet gevonden',
    text: 'Op dit adres staat niets.',
    home: 'Naar de catalogus',
  },
  ...Object.assign({}, accountWords, catalogWords, orderWords),
  ...Object.assign({}, surveyWords, queueWords, dashboardWords),
  ...Object.assign({}, editorWords, adminWords, integrationWords),
  ...noteWords,
  ...inboundWords,
  ...transferWords,
  ...setupWords,
};
