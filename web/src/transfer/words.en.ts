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
      'Choose a catalog file exported from Ordo (JSON), or a list of services (CSV) with the columns name, summary, description, tags, owner (email or id) and resolution (working hours such as 16h, or working days such as 3d). You see what would change before anything is written.',
    file: 'Catalog file (JSON or CSV)',
    reading: 'Reading the file…',
    notJson: 'This file is not JSON. Choose a catalog file exported from Ordo, or a list of services as CSV.',
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
