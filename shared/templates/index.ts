/**
 * The library of service templates: complete services for the common back-office departments, in
 * every portal language. A head adopts one as a draft of their department and edits it before
 * publishing; the draft goes through the same checks as a service written by hand.
 */
import type { Language } from '../model.ts';
import type { ServiceBody } from '../service-schema.ts';
import { localizeService } from '../translate.ts';
import { facilitiesTemplates } from './facilities.ts';
import { financeTemplates } from './finance.ts';
import { hrTemplates } from './hr.ts';
import { itTemplates } from './it.ts';
import { legalTemplates } from './legal.ts';
import type { ServiceTemplate, TemplateSummary } from './types.ts';

export type { ServiceTemplate, TemplateArea, TemplateSummary } from './types.ts';
export { TEMPLATE_AREAS } from './types.ts';

export const SERVICE_TEMPLATES: readonly ServiceTemplate[] = [
  ...hrTemplates,
  ...itTemplates,
  ...financeTemplates,
  ...facilitiesTemplates,
  ...legalTemplates,
];

const BY_ID = new Map(SERVICE_TEMPLATES.map((t) => [t.id, t]));

export function findTemplate(id: string): ServiceTemplate | undefined {
  return BY_ID.get(id);
}

/** Every template's id, area, name and summary in `language` (the template's own words where it has none). */
export function templateSummaries(language: Language): TemplateSummary[] {
  return SERVICE_TEMPLATES.map((template) => {
    const { name, summary } = localizeService(template.service, language);
    return { id: template.id, area: template.area, name, summary };
  });
}

/** The id a department's service made from a template gets unless the head chooses one. */
export function defaultServiceId(templateId: string, department: string): string {
  return `${department.toLowerCase()}-${templateId}`;
}

export interface Adoption {
  department: string;
  /** The process owner of the draft (the head adopting it). */
  ownerId: string;
  id?: string;
  /** The service's own name instead of the template's; its translations of the name are dropped with it. */
  name?: string;
}

/**
 * The body of a new service made from a template, exactly what `POST /services` takes: everyone may
 * order it, nobody else is told, and it is owned by the adopting head until they name someone else.
 */
export function serviceFromTemplate(
  template: ServiceTemplate,
  adoption: Adoption,
): ServiceBody & { id: string; department: string } {
  // A copy, so a draft being edited never shares arrays with the library.
  const service = structuredClone(template.service);
  if (adoption.name !== undefined) {
    service.name = adoption.name;
    for (const words of Object.values(service.translations)) delete words.name;
  }
  return {
    ...service,
    id: adoption.id ?? defaultServiceId(template.id, adoption.department),
    department: adoption.department,
    ownerId: adoption.ownerId,
    audience: [],
    reportTo: [],
  };
}
