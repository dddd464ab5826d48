/**
 * An order's title from its service and answers (kept apart so the service's words in another
 * language can build the same title: shared/translate.ts). Pure, types only.
 */
import type { Answers, Service } from './model.ts';

/** An answer as it reads in a title. */
function answerText(value: Answers[string] | undefined): string {
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return value === undefined || value === null ? '' : String(value);
}

/**
 * An order's title: the service's name and what tells this order apart — the service's title template
 * filled in with the answers ("{fullName} starts {startDate}"), when at least one of its fields is
 * answered, else the first text answer.
 */
export function orderTitle(service: Pick<Service, 'name' | 'form' | 'titleTemplate'>, answers: Answers): string {
  const template = service.titleTemplate?.trim();
  if (template) {
    let filled = 0;
    const title = template
      .replace(/\{([^{}]*)\}/g, (_, id: string) => {
        const text = answerText(answers[id]).trim();
        if (text) filled++;
        return text;
      })
      .replace(/\s+/g, ' ')
      .trim();
    if (title && (filled > 0 || !/\{[^{}]*\}/.test(template))) return `${service.name}: ${title}`.slice(0, 200);
  }
  const firstText = service.form.find((f) => f.kind === 'text' && typeof answers[f.id] === 'string' && answers[f.id]);
  const detail = firstText ? String(answers[firstText.id]) : '';
  return (detail ? `${service.name}: ${detail}` : service.name).slice(0, 200);
}
