/**
 * A simple list of services from a spreadsheet (CSV) as a transfer document (transfer.ts), so a CSV
 * import is previewed and applied by the same code as a JSON one. One row per service; columns by
 * their header (any order, any case): `name` and `summary` (required), `id`, `description`, `tags`
 * (separated by `,`, `;` or `|`), `owner` (a person's id or email; an email is looked up by the use
 * case) and `resolution` (the resolution standard in working time as the standards editor reads it:
 * `16h`, `3d`, `2 working days`, a day being the department's working day: its calendar's usual hours
 * per day, 24 h on a 24×7 calendar; a bare number is hours; empty: 5 such days). First response is the
 * resolution's or 4 working hours, whichever is shorter. Each row becomes a service with one stage, no form and no
 * approval, worded in the importer's language; the editor adds the rest. Fields are comma- or
 * semicolon-separated (the header line decides), quoted as RFC 4180 says.
 * Row n (the first after the header is 0) is `services.n` in the refusals.
 */
import { parse } from 'csv-parse/sync';
import { type DurationParse, dayMinutes, parseDuration, workingDay } from './durations.ts';
import type { BusinessCalendar, Language } from './model.ts';
import { type FieldRefusals, refusal } from './refusals.ts';
import { TRANSFER_FORMAT, TRANSFER_VERSION } from './transfer.ts';

export const CSV_COLUMNS = ['id', 'name', 'summary', 'description', 'tags', 'owner', 'resolution'] as const;
type Column = (typeof CSV_COLUMNS)[number];
const REQUIRED: readonly Column[] = ['name', 'summary'];

/** An empty resolution: five of the department's working days. */
const DEFAULT_RESOLUTION_DAYS = 5;
const FIRST_RESPONSE = 4 * 60;

/** The one stage and the survey question of a service made from a row, in the importer's language. */
const ROW_WORDS: Record<Language, { stage: string; question: string }> = {
  en: { stage: 'In progress', question: 'How satisfied are you with how we handled this?' },
  pl: { stage: 'W realizacji', question: 'Jak bardzo jesteś zadowolony z obsługi tego zamówienia?' },
  ru: { stage: 'В работе', question: 'Насколько вы довольны тем, как мы выполнили этот заказ?' },
  nl: { stage: 'In behandeling', question: 'Hoe tevreden bent u over hoe we dit hebben afgehandeld?' },
  zh: { stage: '处理中', question: '您对我们处理此事的方式满意吗？' },
};

/**
 * A resolution cell in business minutes, read as the standards editor reads a duration
 * (shared/durations.ts: `16h`, `3d`, `2 working days`, `2 dni robocze`, in the importer's language
 * or English), a day being the department's working day (its calendar's usual hours per day, 24 h on
 * a 24×7 calendar, 8 h when it has none); a bare number is hours.
 */
export function resolutionMinutes(
  text: string,
  language: Language,
  calendar: BusinessCalendar | undefined,
): DurationParse {
  const cell = text.trim();
  const { hoursPerDay, always } = workingDay(calendar);
  return parseDuration(/^\d+(?:[.,]\d+)?$/.test(cell) ? `${cell} h` : cell, language, hoursPerDay, always);
}

/** A service id from a name: `HR` + "Zaświadczenie o pracy" → `hr-zaswiadczenie-o-pracy`. */
export function idFromName(department: string, name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${department.toLowerCase()}-${words || 'service'}`.slice(0, 60).replace(/-+$/, '');
}

function splitTags(cell: string): string[] {
  return cell
    .split(/[,;|]/)
    .map((tag) => tag.trim())
    .filter((tag) => tag.length > 0);
}

/**
 * The document a CSV stands for (to be read with `readDocument`, so its refusals say `services.n.…`),
 * or the refusals of the file itself (`csv`, `columns`, a row's `resolution`).
 */
export function csvDocument(
  text: string,
  department: string,
  language: Language,
  calendar?: BusinessCalendar,
): { document: unknown; problems: FieldRefusals } {
  const problems: FieldRefusals = {};
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = header.includes(';') && !header.includes(',') ? ';' : ',';
  let rows: string[][];
  try {
    rows = parse(text, {
      bom: true,
      delimiter,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as string[][];
  } catch (error) {
    const line = Number((error as { lines?: number }).lines ?? 1);
    return { document: undefined, problems: { csv: refusal('csv_unreadable', { line }) } };
  }
  const [head = [], ...data] = rows;
  const columns = head.map((name) => name.trim().toLowerCase());
  const unknown = columns.filter((name) => !(CSV_COLUMNS as readonly string[]).includes(name));
  if (unknown.length > 0) problems.columns = refusal('unknown_keys', { keys: unknown });
  for (const name of REQUIRED) if (!columns.includes(name)) problems[`columns.${name}`] = refusal('required');
  if (Object.keys(problems).length > 0) return { document: undefined, problems };
  const words = ROW_WORDS[language];
  const { hoursPerDay, always } = workingDay(calendar);
  const day = dayMinutes(hoursPerDay, always);
  const services = data.map((row, i) => {
    const cell = (name: Column) => {
      const at = columns.indexOf(name);
      return at < 0 ? '' : (row[at] ?? '').trim();
    };
    const given = cell('resolution');
    const read = given ? resolutionMinutes(given, language, calendar) : undefined;
    if (read && !read.ok) problems[`services.${i}.standard.resolutionMinutes`] = refusal(read.code);
    const minutes = read?.ok ? read.minutes : DEFAULT_RESOLUTION_DAYS * day;
    return {
      id: cell('id') || idFromName(department, cell('name')),
      name: cell('name'),
      summary: cell('summary'),
      description: cell('description'),
      tags: splitTags(cell('tags')),
      ownerId: cell('owner'),
      audience: [],
      form: [],
      inputs: [],
      deliverables: [],
      stages: [{ id: 'in-progress', name: words.stage }],
      approval: { kind: 'none' },
      standard: {
        firstResponseMinutes: Math.min(FIRST_RESPONSE, minutes),
        resolutionMinutes: minutes,
        warningAt: 0.8,
        always: false,
      },
      survey: { enabled: true, question: words.question },
      reportTo: [],
    };
  });
  return { document: { format: TRANSFER_FORMAT, version: TRANSFER_VERSION, services }, problems };
}
