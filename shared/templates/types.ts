/**
 * What a service template is: a complete service (form with conditions, inputs, deliverables,
 * stages with targets, time standard, survey, approval) in English with every other portal language
 * in full, and a filled-in example of its form. Adopting one makes a draft service of a department.
 */
import type { Answers, Language, ServiceTranslation } from '../model.ts';
import type { ServiceBody } from '../service-schema.ts';

export const TEMPLATE_AREAS = ['hr', 'it', 'finance', 'facilities', 'legal'] as const;
export type TemplateArea = (typeof TEMPLATE_AREAS)[number];

/** The portal languages other than the templates' own (English); each template carries all of them. */
export type OtherLanguage = Exclude<Language, 'en'>;

/** A service as a template holds it: who owns it, who may order and who is told are the department's choice. */
export type TemplateService = Omit<
  ServiceBody,
  'ownerId' | 'audience' | 'reportTo' | 'bundle' | 'scheduledStandard' | 'translations'
> & {
  /** A language added to the portal is a type error here until every template is worded in it. */
  translations: Record<OtherLanguage, ServiceTranslation>;
};

export interface ServiceTemplate {
  /** Stable, lower case; a department's service made from it is `<code>-<id>` unless the head names another. */
  id: string;
  /** The kind of department it is written for (any department may adopt it). */
  area: TemplateArea;
  service: TemplateService;
  /** Answers that fill the form as a requester would: the form works as written (and the tests file them). */
  example: Answers;
}

/** A template in a list: what a head reads before adopting it, in the reader's language. */
export interface TemplateSummary {
  id: string;
  area: TemplateArea;
  name: string;
  summary: string;
  /** What adopting it brings, in the reader's language: the form's questions, the inputs to hand over, the deliverables, the stages and the time standard. */
  contains: {
    fields: string[];
    inputs: string[];
    deliverables: string[];
    stages: string[];
    standard: { firstResponseMinutes: number; resolutionMinutes: number; always: boolean };
  };
}
