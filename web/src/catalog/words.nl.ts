/**
 * Words of the catalog, a department's page, a service and its order form, in Dutch.
 * Typed by the English ones (words.en.ts), so a missing or extra key fails the typecheck.
 */

import { plural } from '../i18n/nl-grammar.ts';
import type { catalogWords as english } from './words.en.ts';

const days = (n: number) => plural(n, 'dag', 'dagen');

export const catalogWords: typeof english = {
  catalog: {
    title: 'Dienstencatalogus',
    intro: 'Wat de backofficeafdelingen voor u doen, en hoe snel ze beloven het te doen.',
    search: 'Diensten zoeken',
    searchHint: 'Zoek op naam, omschrijving of label.',
    count: (n) => (n === 1 ? '1 dienst' : `${n} diensten`),
    noMatch: (q) => `Geen dienst gevonden voor ‘${q}’.`,
    empty: 'Er zijn nog geen diensten gepubliceerd.',
    aboutDepartment: (name) => `Over ${name}`,
    tags: 'Labels',
    departmentsTitle: 'Afdelingen',
    departmentsIntro: 'Wie wat doet, hoe aan te vragen en hoe elke afdeling werkt.',
    departmentLink: (name, code) => `${name} (${code})`,
  },
  department: {
    contact: 'Contact',
    edit: 'Afdeling bewerken',
    manageServices: 'Diensten beheren',
    editTitle: 'Afdeling bewerken',
    name: 'Naam',
    contactEmail: 'Contact-e-mailadres',
    headLabel: 'Afdelingshoofd',
    headHint: 'Gekozen uit de leden van de afdeling.',
    canvasEdit: 'Werkwijze',
    canvasHint: 'Vertel medewerkers waarvoor de afdeling er is. Regeleinden blijven behouden.',
    saved: 'De afdeling is opgeslagen.',
    conflict: 'Iemand anders heeft deze afdeling intussen opgeslagen.',
    loadTheirs: 'Hun versie laden',
    keepMine: 'Mijn wijzigingen houden en over die van hen opslaan',
    membersError: 'De ledenlijst kon niet worden geladen; typ de gebruikers-id van het hoofd.',
    headId: 'Hoofd (gebruikers-id)',
    services: 'Diensten',
    noServices: 'Deze afdeling heeft nog geen diensten gepubliceerd.',
    canvasTitle: 'Zo werkt deze afdeling',
    canvas: {
      value: 'Wat we leveren',
      customerSegments: 'Voor wie we werken',
      howToOrder: 'Hoe aan te vragen en hoe we de status laten weten',
      channels: 'Kanalen',
      keyProcesses: 'Kernprocessen',
      qualityChecks: 'Hoe we de kwaliteit bewaken',
      standardsAndMetrics: 'Normen en maatstaven',
      resources: 'Middelen',
      partners: 'Partners',
    },
  },
  service: {
    department: 'Afdeling',
    owner: 'Proceseigenaar',
    standard: 'Onze belofte',
    approval: 'Goedkeuring',
    approvalNone: 'Geen goedkeuring nodig',
    approvalHead: 'Het afdelingshoofd keurt de aanvraag goed voordat het werk begint',
    approvalNamed: 'Aangewezen goedkeurders keuren de aanvraag goed voordat het werk begint',
    approvalBy: { head: 'het afdelingshoofd', named: 'aangewezen goedkeurders' },
    approvalWhen: (who, when) =>
      `Goedkeuring door ${who} nodig als ${when}; andere aanvragen gaan direct naar het team`,
    condition: {
      equals: (label, values) => `‘${label}’ ${values} is`,
      above: (label, n) => `‘${label}’ hoger is dan ${n}`,
      below: (label, n) => `‘${label}’ lager is dan ${n}`,
      between: (label, low, high) => `‘${label}’ hoger is dan ${low} en lager dan ${high}`,
      or: ' of ',
    },
    approvalWillBe: (who) => `Deze aanvraag heeft goedkeuring door ${who} nodig voordat het werk begint.`,
    approvalWontBe: (when) => `Geen goedkeuring nodig voor deze aanvraag (die is nodig als ${when}).`,
    inputsTitle: 'Wat u aanlevert',
    inputsEmpty: 'Niets naast het formulier.',
    deliverablesTitle: 'Wat u terugkrijgt',
    deliverablesEmpty: 'Geen checklist voor deze dienst.',
    stagesTitle: 'Hoe het werk verloopt',
    stageTarget: (words) => `doel ${words}`,
    inputKind: {
      attachment: 'een bestand',
      confirmation: 'een bevestiging',
      formField: 'een antwoord in het formulier',
    },
    orderTitle: 'Deze dienst aanvragen',
    promiseLabel: 'Bij aanvraag nu',
    promise: (when) => `Bij aanvraag nu: klaar op ${when}`,
    doneBy: (when) => `klaar op ${when}`,
    notOrderable: 'Deze dienst staat niet open voor aanvragen.',
  },
  form: {
    priority: 'Prioriteit',
    onBehalf: 'Namens een collega',
    onBehalfHint:
      'Leeg laten als de aanvraag voor uzelf is. Typ anders de naam of het e-mailadres van de collega en kies die persoon.',
    choose: 'Kies…',
    submit: 'Aanvraag indienen',
    submitting: 'Indienen…',
    fixErrors: 'Corrigeer de hieronder gemarkeerde velden.',
    kindHint: {
      user: 'Typ de naam of het e-mailadres van de persoon en kies die uit de lijst.',
    },
    dateRules: {
      after: (label, n) =>
        n === 0 ? `Op of na ‘${label}’.` : n === 1 ? `Na ‘${label}’.` : `Minstens ${days(n)} na ‘${label}’.`,
      before: (label, n) =>
        n === 0 ? `Op of vóór ‘${label}’.` : n === 1 ? `Vóór ‘${label}’.` : `Minstens ${days(n)} vóór ‘${label}’.`,
      notPast: 'Niet in het verleden.',
      within: (n) => `Van vandaag tot ${days(n)} vooruit.`,
    },
    handOverTitle: 'Nu aanleveren',
    handOverIntro:
      'Lever deze mee met de aanvraag, dan gaat die direct naar de wachtrij van het team. Aanleveren kan ook later op de aanvraagpagina.',
    confirmInput: (label) => `Ik bevestig: ${label}`,
    inputNote: (label) => `Toelichting bij ‘${label}’`,
    inputFile: (label) => `Bestand voor ‘${label}’`,
    waitUploads: 'Wacht tot de bestanden klaar zijn met uploaden.',
    previewTitle: 'Voorbeeld van het aanvraagformulier',
    previewNote: 'Zo zien aanvragers het formulier. Vanuit het voorbeeld wordt niets verstuurd.',
    previewChecked:
      'De antwoorden doorstaan de controles van het formulier. In het echte formulier zou de aanvraag nu worden verstuurd.',
    previewEmpty: 'Het formulier heeft nog geen velden. Voeg links velden toe om ze hier te zien.',
  },
  workingHours: {
    title: 'Werktijden',
    always: 'Dag en nacht, elke dag: termijnen tellen elk uur.',
    zone: (zone) => `Tijden in ${zone}. Termijnen en beloften tellen alleen deze uren, geen feestdagen.`,
  },
  waysBack: { label: 'Terug naar', catalog: 'Naar de catalogus', myOrders: 'Naar mijn aanvragen' },
  people: {
    placeholder: 'Typ een naam of e-mailadres',
    hint: 'Typ een deel van een naam of e-mailadres en kies de persoon uit de lijst.',
    searching: 'Zoeken…',
    found: (n) =>
      n === 0 ? 'Niemand gevonden.' : `${plural(n, 'persoon', 'personen')} gevonden; kies met de pijltjestoetsen.`,
    none: (q) => `Niemand gevonden voor ‘${q}’. Probeer een voornaam, achternaam of e-mailadres.`,
    failed: 'Zoeken naar personen lukt nu niet. Probeer het zo opnieuw.',
    chosen: (name, email, department) => `Gekozen: ${name}, ${email}${department ? `, ${department}` : ''}`,
    notChosen: 'Kies een persoon uit de lijst.',
    clear: (name) => `${name} wissen`,
    add: 'Toevoegen',
    addTo: (what) => `Persoon toevoegen aan ‘${what}’`,
    unknown: (id) => `Persoon ${id}`,
  },
};
