/**
 * Words of a department's guided setup and the template picker, in Dutch.
 * Typed by the English ones (words.en.ts), so a missing or extra key fails the typecheck.
 */
import { plural } from '../i18n/nl-grammar.ts';
import type { setupWords as english } from './words.en.ts';

export const setupWords: typeof english = {
  setup: {
    link: 'Stapsgewijs inrichten',
    title: (code) => `Afdeling ${code} inrichten`,
    intro:
      'Beschrijf je afdeling stap voor stap en eindig met diensten die mensen kunnen bestellen. Je antwoorden worden het canvas van de afdeling op haar pagina. Sla een stap over en kom er later op terug: je voortgang blijft bewaard.',
    headOnly: 'Alleen het hoofd van de afdeling richt haar stapsgewijs in.',
    offer:
      'Hier is nog niets gepubliceerd: stapsgewijs inrichten brengt je van het afdelingscanvas naar je eerste diensten.',
    stepsLabel: 'Stappen van het inrichten',
    stepOf: (n, total) => `Stap ${n} van ${total}`,
    state: { done: 'klaar', skipped: 'overgeslagen', todo: 'nog te doen' },
    example: 'Bijvoorbeeld',
    answer: 'Jouw antwoord',
    saveNext: 'Opslaan en verder',
    skip: 'Nu overslaan',
    back: 'Terug',
    saved: 'Opgeslagen.',
    fixMarked:
      'Enkele antwoorden hierboven moeten worden verbeterd (ze zijn gemarkeerd); verbeter ze en sla opnieuw op.',
    resumed: 'Welkom terug: je gaat verder waar je was gebleven.',
    steps: {
      value: {
        name: 'Waarde',
        explain: 'Zeg in een of twee zinnen wat je afdeling voor de rest van het bedrijf doet.',
        example: 'We werven, werken in en zorgen voor onze mensen, zodat elk team de mensen heeft die het nodig heeft.',
      },
      customers: {
        name: 'Klanten',
        explain: 'Noem de mensen en teams die bij je bestellen, en waarin hun behoeften verschillen.',
        example: 'Managers die voor hun team werven; elke medewerker voor verklaringen en verlofvragen.',
      },
      ordering: {
        name: 'Hoe mensen bestellen',
        explain: 'Vertel waar en hoe mensen je iets kunnen vragen.',
        example: 'Bestellen via de catalogus in Ordo; spoed telefonisch op toestel 200.',
      },
      delivery: {
        name: 'Levering',
        explain: 'Beschrijf hoe het resultaat bij de klant komt.',
        example: 'Documenten per e-mail als pdf; apparatuur af te halen bij de receptie.',
      },
      calendar: {
        name: 'Werktijden',
        explain:
          'Tijdnormen tellen alleen de uren dat je werkt. Controleer de voorgestelde tijdzone, werktijden en feestdagen en pas aan wat afwijkt.',
        example: 'Maandag tot en met vrijdag, 09:00–17:00, Warschause tijd, met de Poolse feestdagen.',
      },
      processes: {
        name: 'Processen',
        explain:
          'Noem de belangrijkste dingen die je voor klanten doet. Begin elk vanuit een sjabloon: een concept dat je bewerkt voordat het gepubliceerd wordt.',
        example: 'Een nieuwe medewerker inwerken; een werkgeversverklaring afgeven.',
      },
      quality: {
        name: 'Kwaliteit',
        explain: 'Zeg hoe je controleert dat het werk klopt voordat het de deur uitgaat.',
        example: 'Een tweede persoon controleert elk contract voor ondertekening.',
      },
      standards: {
        name: 'Normen',
        explain:
          'Elke dienst belooft een eerste antwoord en een resultaat binnen een tijd. De sjablonen brengen normen mee die je kunt wijzigen: kies hieronder een concept om het te openen. Noteer hier wat je in het algemeen belooft.',
        example: 'Eerste reactie binnen 4 werkuren; 90 % van de bestellingen op tijd klaar.',
      },
      resources: {
        name: 'Middelen',
        explain: 'Noem de mensen, hulpmiddelen en het budget die het werk vraagt.',
        example: 'Drie HR-specialisten, het salarissysteem, een opleidingsbudget.',
      },
      partners: {
        name: 'Partners',
        explain: 'Noem de afdelingen en leveranciers waarop je rekent.',
        example: 'IT voor accounts en laptops; een extern salarisbureau.',
      },
      publish: {
        name: 'Publiceren',
        explain:
          'Publiceren zet een concept in de catalogus: vanaf dat moment vinden mensen het en kunnen ze het bestellen. Open vóór het publiceren elk concept (de naam) en controleer het formulier, wie mag bestellen en wie de eigenaar is. Concepten die je niet publiceert blijven concepten; je vindt ze later onder Diensten beheren op de pagina van de afdeling.',
        example: 'Publiceer nu „Werkgeversverklaring” en het inwerken na nog één controle.',
      },
    },
    calendar: {
      defaults: 'Voorstel: maandag tot en met vrijdag, 09:00–17:00. Wijzig hieronder wat je wilt.',
      suggestedHolidays: (country, year) =>
        `We hebben de feestdagen van ${country} voor ${year} en ${year + 1} ingevuld: ze staan hieronder bij Feestdagen. Haal een dag weg met ×, of voeg hier een ander land of jaar toe.`,
      country: 'Feestdagen van',
      noCountry: 'Geen land',
      year: 'Jaar',
      addHolidays: 'Feestdagen toevoegen',
      added: (n) => `${plural(n, 'feestdag', 'feestdagen')} toegevoegd.`,
      countries: { PL: 'Polen', DE: 'Duitsland', NL: 'Nederland', GB: 'Verenigd Koninkrijk' },
    },
    drafts: 'Je concepten',
    noDrafts: 'Nog geen concepten: ga terug naar Processen en begin vanuit een sjabloon.',
    adoptedNext: (name) =>
      `„${name}” is nu een concept van je afdeling. Je controleert en publiceert het in de laatste stap, Publiceren.`,
    noTemplate: 'Past geen enkel sjabloon?',
    emptyService: 'Begin een lege dienst',
    fromSheet: 'Een lijst met diensten uit een spreadsheet importeren (CSV of XLSX)',
    nothingPublished: (code) =>
      `Er is nog niets gepubliceerd: mensen zien geen dienst van ${code} in de catalogus tot je er een publiceert.`,
    publishOne: (name) => `„${name}” publiceren`,
    published: (name) => `„${name}” staat in de catalogus.`,
    edit: (name) => `„${name}” bewerken`,
    alreadyPublished: 'Gepubliceerd',
    finish: 'Afronden en de afdelingspagina openen',
  },
  templates: {
    link: 'Beginnen vanuit een sjabloon',
    title: (code) => `Een dienst van ${code} vanuit een sjabloon`,
    intro:
      'Elk sjabloon is een complete dienst: formulier, wat de klant aanlevert, wat die terugkrijgt, fasen en een tijdnorm. Een sjabloon overnemen maakt een concept dat je bewerkt voordat je het publiceert.',
    areas: {
      hr: 'Personeelszaken',
      it: 'ICT',
      finance: 'Financiën',
      facilities: 'Facilitaire dienst',
      legal: 'Juridische zaken',
    },
    fields: 'Vragen op het formulier',
    inputs: 'Wat de klant aanlevert',
    deliverables: 'Wat de klant krijgt',
    stages: 'Fasen',
    standard: 'Tijdnorm',
    none: 'geen',
    adopt: (name) => `„${name}” overnemen`,
    adopting: 'Bezig met overnemen…',
    already: (name) => `„${name}” is al een van de diensten van je afdeling.`,
    openInEditor: 'Openen in de editor',
    otherAreas: 'Sjablonen van andere gebieden',
    contents: 'Wat erin zit',
  },
};
