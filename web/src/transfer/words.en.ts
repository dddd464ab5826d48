/**
 * Words of a department's catalog export and import page, in English.
 * i18n/en.ts joins them into the dictionary; words.<lang>.ts say them in the other languages.
 */

export const transferWords = {
  transfer: {
    link: 'Export and import',
    title: (code: string) => `Export and import the catalog of ${code}`,
    intro:
      'Move the department’s settings and services to another stage or company as one file, or start from a spreadsheet.',
    headOnly: 'Only the department’s head exports and imports its catalog.',
    exportTitle: 'Export',
    exportHint:
      'The file holds the department’s name, contact address, calendar and canvas, and every service (drafts and retired ones too) with the ids of the people it names: its owner, approvers and who hears of each order. The head, goals and figures stay here. An import elsewhere refuses ids nobody has there.',
    download: 'Download the catalog (JSON)',
    downloaded: (name: string) => `Saved as ${name}.`,
    importTitle: 'Import',
    importHint:
      'Choose a catalog file exported from Ordo (JSON), or a list of services as a spreadsheet (CSV, or XLSX: its first sheet) with a header row naming the columns name and summary (both required), and if you like description, tags, owner (email or id) and resolution (working hours such as 16h, or working days such as 3d, a day being one of your working days). Each row becomes a draft service. You see what would change before anything is written.',
    example: 'Download an example list (CSV)',
    exampleRows: [
      ['Contract review', 'A lawyer reviews a contract before you sign it.', 'contracts'],
      ['Power of attorney', 'A power of attorney drafted and signed for you.', 'documents'],
    ] as ReadonlyArray<readonly [name: string, summary: string, tags: string]>,
    file: 'Catalog file (JSON, CSV or XLSX)',
    reading: 'Reading the file…',
    notJson:
      'This file is not JSON. Choose a catalog file exported from Ordo, or a list of services as CSV or XLSX (the file name ending in .csv or .xlsx).',
    notWorkbook:
      'This file cannot be read as an Excel workbook. Save it again as .xlsx (Excel Workbook) or as CSV, and choose it again.',
    cell: (row: number, column: string) => `Row ${row}, column ${column}`,
    row: (row: number) => `Row ${row}`,
    column: (column: string) => `Header row, column ${column}`,
    header: 'Header row (the columns Ordo reads: name, summary, description, tags, owner, resolution, id)',
    wholeFile: 'The file',
    previewTitle: 'What the import would change',
    problemsTitle: 'Nothing is imported until these are corrected in the file:',
    department: 'Department settings',
    caption: 'The services in the file, in its order',
    service: 'Service',
    change: 'Change',
    fields: 'What changes',
    added: 'Added as a draft',
    changed: 'Changed',
    unchanged: 'Unchanged',
    counts: (added: number, changed: number, unchanged: number) =>
      `Added: ${added}. Changed: ${changed}. Unchanged: ${unchanged}.`,
    fieldNames: {
      name: 'Name',
      summary: 'Summary',
      description: 'Description',
      tags: 'Tags',
      ownerId: 'Owner',
      audience: 'Who may order',
      form: 'Form',
      inputs: 'What the requester hands over',
      deliverables: 'What we hand back',
      stages: 'Stages',
      approval: 'Approval',
      titleTemplate: 'Order title',
      standard: 'Time standard',
      scheduledStandard: 'Scheduled standard',
      survey: 'Survey',
      reportTo: 'Who hears of each order',
      bundle: 'Bundle',
      translations: 'Translations',
      retention: 'Keeping personal data',
      contactEmail: 'Contact address',
      calendar: 'Business calendar',
      canvas: 'Service canvas',
    } as Record<string, string>,
    apply: 'Apply the import',
    applying: 'Importing…',
    applied: 'Imported. New services are drafts: check and publish them on the services page.',
  },
};
