/**
 * Words of a department's catalog export and import page, in Dutch.
 * Typed by the English ones (words.en.ts), so a missing or extra key fails the typecheck.
 */
import type { transferWords as english } from './words.en.ts';

export const transferWords: typeof english = {
  transfer: {
    link: 'Exporteren en importeren',
    title: (code) => `De catalogus van ${code} exporteren en importeren`,
    intro:
      'Zet de instellingen en diensten van de afdeling als één bestand over naar een andere omgeving of organisatie, of begin met een spreadsheet.',
    headOnly: 'Alleen het hoofd van de afdeling exporteert en importeert de catalogus.',
    exportTitle: 'Exporteren',
    exportHint:
      'Het bestand bevat de naam, het contactadres, de kalender en het canvasmodel van de afdeling en elke dienst (ook concepten en ingetrokken diensten) met de id’s van de mensen die erin genoemd worden: eigenaar, goedkeurders en wie van elke bestelling hoort. Het hoofd, de doelen en de cijfers blijven hier. Een import elders weigert id’s die daar niemand heeft.',
    download: 'De catalogus downloaden (JSON)',
    downloaded: (name) => `Opgeslagen als ${name}.`,
    importTitle: 'Importeren',
    importHint:
      'Kies een catalogusbestand dat uit Ordo is geëxporteerd (JSON), of een lijst met diensten als spreadsheet (CSV, of XLSX: het eerste werkblad) met een kopregel die de kolommen name en summary noemt (beide verplicht) en naar wens description, tags, owner (e-mail of id) en resolution (werkuren zoals 16h, of werkdagen zoals 3d; een dag is een van je werkdagen). Elke regel wordt een concept-dienst. U ziet wat er verandert voordat er iets wordt opgeslagen.',
    example: 'Een voorbeeldlijst downloaden (CSV)',
    exampleRows: [
      ['Contractbeoordeling', 'Een jurist beoordeelt een contract voordat je het tekent.', 'contracten'],
      ['Volmacht', 'Een volmacht opgesteld en getekend voor jou.', 'documenten'],
    ],
    file: 'Catalogusbestand (JSON, CSV of XLSX)',
    reading: 'Het bestand wordt gelezen…',
    notJson:
      'Dit bestand is geen JSON. Kies een catalogusbestand uit Ordo, of een lijst met diensten als CSV of XLSX (de bestandsnaam eindigt op .csv of .xlsx).',
    notWorkbook:
      'Dit bestand is niet te lezen als Excel-werkmap. Sla het opnieuw op als .xlsx (Excel-werkmap) of als CSV en kies het nog eens.',
    cell: (row, column) => `Regel ${row}, kolom ${column}`,
    row: (row) => `Regel ${row}`,
    column: (column) => `Kopregel, kolom ${column}`,
    header: 'Kopregel (de kolommen die Ordo leest: name, summary, description, tags, owner, resolution, id)',
    wholeFile: 'Het bestand',
    previewTitle: 'Wat de import zou veranderen',
    problemsTitle: 'Er wordt niets geïmporteerd tot dit in het bestand is verbeterd:',
    department: 'Instellingen van de afdeling',
    caption: 'De diensten in het bestand, in de volgorde ervan',
    service: 'Dienst',
    change: 'Wijziging',
    fields: 'Wat er verandert',
    added: 'Toegevoegd als concept',
    changed: 'Gewijzigd',
    unchanged: 'Ongewijzigd',
    counts: (added, changed, unchanged) => `Toegevoegd: ${added}. Gewijzigd: ${changed}. Ongewijzigd: ${unchanged}.`,
    fieldNames: {
      name: 'Naam',
      summary: 'Samenvatting',
      description: 'Beschrijving',
      tags: 'Labels',
      ownerId: 'Eigenaar',
      audience: 'Wie mag bestellen',
      form: 'Formulier',
      inputs: 'Wat de aanvrager aanlevert',
      deliverables: 'Wat wij opleveren',
      stages: 'Fasen',
      approval: 'Goedkeuring',
      titleTemplate: 'Titel van de bestelling',
      standard: 'Tijdnorm',
      scheduledStandard: 'Geplande norm',
      survey: 'Enquête',
      reportTo: 'Wie van elke bestelling hoort',
      bundle: 'Bundel',
      translations: 'Vertalingen',
      retention: 'Bewaren van persoonsgegevens',
      contactEmail: 'Contactadres',
      calendar: 'Werkkalender',
      canvas: 'Dienstencanvasmodel',
    },
    apply: 'De import toepassen',
    applying: 'Bezig met importeren…',
    applied: 'Geïmporteerd. Nieuwe diensten zijn concepten: controleer en publiceer ze op de dienstenpagina.',
  },
};
