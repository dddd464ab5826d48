/**
 * The library of service templates: complete services for the common back-office departments, in
 * every portal language. A head adopts one as a draft of their department and edits it before
 * publishing; the draft goes through the same checks as a service written by hand.
 *
 * The templates are data, one JSON document per area (durations in business minutes on the
 * department's calendar, a working day counted as 8 hours). They are read here once, through the
 * service schema and its cross-field checks, so a template that a head could not save fails at load.
 */
import * as z from 'zod/mini';
import { LANGUAGES, type Language } from '../model.ts';
import { loadPatterns } from '../pattern-engine.ts';
import { type ServiceBody, serviceBody, serviceProblems, translation } from '../service-schema.ts';
import { localizeService } from '../translate.ts';
import facilities from './facilities.json' with { type: 'json' };
import finance from './finance.json' with { type: 'json' };
import hr from './hr.json' with { type: 'json' };
import it from './it.json' with { type: 'json' };
import legal from './legal.json' with { type: 'json' };
import {
  type OtherLanguage,
  type ServiceTemplate,
  TEMPLATE_AREAS,
  type TemplateArea,
  type TemplateSummary,
} from './types.ts';

/** A template's own words come in every language but English, which its text is written in. */
const OTHER_LANGUAGES = LANGUAGES.filter((language): language is OtherLanguage => language !== 'en');

export type { ServiceTemplate, TemplateArea, TemplateSummary } from './types.ts';
export { TEMPLATE_AREAS } from './types.ts';

/** A template document: the service without the department's own choices, worded in every other portal language. */
const templateDocument = z.strictObject({
  // Short enough that `<department code>-<id>` is a service id for any code (ten characters at most).
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,48}$/)),
  area: z.enum(TEMPLATE_AREAS),
  service: z.extend(
    z.omit(serviceBody, {
      ownerId: true,
      audience: true,
      reportTo: true,
      bundle: true,
      scheduledStandard: true,
      translations: true,
    }),
    {
      translations: z.record(z.enum(OTHER_LANGUAGES), translation),
    },
  ),
  example: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()])),
});

/**
 * Service documents kept as JSON (the templates, the local stack's demo catalogue): each is parsed
 * with `schema`, then its service (`bodyOf`) is held to the cross-field checks a head's service
 * meets. A bad document throws, naming it, so it fails the first test that loads it.
 */
export function readServiceDocuments<S extends z.ZodMiniType>(
  schema: S,
  documents: unknown,
  source: string,
  bodyOf: (document: z.output<S>) => ServiceBody,
): z.output<S>[] {
  return z
    .array(z.unknown())
    .parse(documents)
    .map((document, i) => {
      const id = (document as { id?: unknown } | null)?.id;
      const name = `${source}, document ${i + 1}${typeof id === 'string' ? ` (${id})` : ''}`;
      const parsed = schema.safeParse(document);
      if (!parsed.success) throw new Error(`${name}: ${z.prettifyError(parsed.error)}`);
      const problems = serviceProblems(bodyOf(parsed.data));
      if (Object.keys(problems).length > 0) throw new Error(`${name}: ${JSON.stringify(problems)}`);
      return parsed.data;
    });
}

// The documents are checked as a head's service is, patterns included.
await loadPatterns();

const templates = (documents: unknown, area: TemplateArea): ServiceTemplate[] =>
  readServiceDocuments(z.extend(templateDocument, { area: z.literal(area) }), documents, `${area}.json`, (t) => ({
    ...t.service,
    ownerId: '',
    audience: [],
    reportTo: [],
  }));

export const SERVICE_TEMPLATES: readonly ServiceTemplate[] = [
  ...templates(hr, 'hr'),
  ...templates(it, 'it'),
  ...templates(finance, 'finance'),
  ...templates(facilities, 'facilities'),
  ...templates(legal, 'legal'),
];

const BY_ID = new Map(SERVICE_TEMPLATES.map((t) => [t.id, t]));

export function findTemplate(id: string): ServiceTemplate | undefined {
  return BY_ID.get(id);
}

/** Every template's id, area, name, summary and contents in `language` (the template's own words where it has none). */
export function templateSummaries(language: Language): TemplateSummary[] {
  return SERVICE_TEMPLATES.map((template) => {
    const { name, summary, form, inputs, deliverables, stages, standard } = localizeService(template.service, language);
    const contains = {
      fields: form.map((f) => f.label),
      inputs: inputs.map((i) => i.label),
      deliverables: deliverables.map((d) => d.label),
      stages: stages.map((s) => s.name),
      standard: {
        firstResponseMinutes: standard.firstResponseMinutes,
        resolutionMinutes: standard.resolutionMinutes,
        always: standard.always,
      },
    };
    return { id: template.id, area: template.area, name, summary, contains };
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
