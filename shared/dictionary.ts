/**
 * A language's words as data: the English dictionary (TypeScript, with typed parameters) gives the
 * shape, and each other language is a catalog (JSON) of the same keys holding plain strings, and
 * messages where English has functions. A message is ICU MessageFormat, as translation tools
 * read it: `{0}` is the function's first argument (`{name}` a property of a single object argument),
 * `{n, plural, =0 {…} one {# …} few {…} many {…} other {…}}` and `{x, select, a {…} other {…}}`
 * choose by value, and `{x, helper}` words a value with one of the language's grammar helpers
 * (a list, a weekday). `'{'` quotes a brace; `''` is an apostrophe.
 *
 * The little that a message cannot say stays code, passed as `code` at the same key. The type
 * checker holds the catalog to the English keys, less the ones the code gives.
 */
import type { Language } from './model.ts';

type Words = (...args: never[]) => string;

/** What a catalog holds for an English entry: a string for a string or a function, the same shape for the rest. */
export type Catalog<E> = E extends Words
  ? string
  : E extends string
    ? string
    : E extends readonly (infer Item)[]
      ? readonly Catalog<Item>[]
      : E extends object
        ? { readonly [K in keyof E]: Catalog<E[K]> }
        : E;

/** Entries a language writes as code: functions at their English keys. */
export type Code<E> = E extends Words ? E : E extends object ? { readonly [K in keyof E]?: Code<E[K]> } : never;

/** The catalog's part of a dictionary: every English key but the functions `C` gives as code. */
export type CatalogBut<E, C> = E extends Words | string | readonly unknown[]
  ? Catalog<E>
  : {
      readonly [K in keyof E as K extends keyof C ? (C[K] extends Words ? never : K) : K]: K extends keyof C
        ? CatalogBut<E[K], C[K]>
        : Catalog<E[K]>;
    };

/** A language's helpers that messages name: `{items, orList}`, `{day, weekday}`; `num` words `#`. */
export interface Grammar {
  readonly locale: string;
  readonly num?: (n: number) => string;
  readonly [helper: string]: unknown;
}

type Part =
  | string
  | { readonly kind: 'pound' }
  | { readonly kind: 'value'; readonly arg: string; readonly helper?: string }
  | { readonly kind: 'plural' | 'select'; readonly arg: string; readonly cases: ReadonlyMap<string, Part[]> };

/** A message that does not parse; the unit tests parse every message of every language. */
export class MessageError extends Error {
  constructor(
    readonly text: string,
    at: number,
    why: string,
  ) {
    super(`${why} at ${at} in ${JSON.stringify(text)}`);
  }
}

/** Parses one message into its parts. */
export function parseMessage(text: string): Part[] {
  let at = 0;
  const fail = (why: string): never => {
    throw new MessageError(text, at, why);
  };
  const skipSpace = () => {
    while (at < text.length && /\s/.test(text[at]!)) at++;
  };
  const word = (): string => {
    skipSpace();
    const start = at;
    while (at < text.length && /[^\s,{}]/.test(text[at]!)) at++;
    if (at === start) fail('a name is missing');
    return text.slice(start, at);
  };
  const parts = (inChoice: boolean, inPlural: boolean): Part[] => {
    const out: Part[] = [];
    let literal = '';
    const flush = () => {
      if (literal) out.push(literal);
      literal = '';
    };
    while (at < text.length) {
      const c = text[at]!;
      if (c === "'" && text[at + 1] === "'") {
        literal += "'";
        at += 2;
      } else if (c === "'" && /[{}#]/.test(text[at + 1] ?? '')) {
        const end = text.indexOf("'", at + 1);
        if (end < 0) fail('a quote is not closed');
        literal += text.slice(at + 1, end);
        at = end + 1;
      } else if (c === '}') {
        if (!inChoice) fail('a brace closes nothing');
        break;
      } else if (c === '#' && inPlural) {
        flush();
        out.push({ kind: 'pound' });
        at++;
      } else if (c === '{') {
        flush();
        at++;
        out.push(argument());
      } else {
        literal += c;
        at++;
      }
    }
    flush();
    return out;
  };
  const argument = (): Part => {
    const arg = word();
    skipSpace();
    if (text[at] === '}') {
      at++;
      return { kind: 'value', arg };
    }
    if (text[at] !== ',') fail('a comma or a brace is missing');
    at++;
    const type = word();
    skipSpace();
    if (type !== 'plural' && type !== 'select') {
      if (text[at] !== '}') fail('a brace is missing');
      at++;
      return { kind: 'value', arg, helper: type };
    }
    if (text[at] !== ',') fail('the cases are missing');
    at++;
    const cases = new Map<string, Part[]>();
    for (;;) {
      skipSpace();
      if (text[at] === '}') break;
      const key = word();
      skipSpace();
      if (text[at] !== '{') fail('a case has no message');
      at++;
      cases.set(key, parts(true, type === 'plural'));
      if (text[at] !== '}') fail('a case is not closed');
      at++;
    }
    at++;
    if (!cases.has('other')) fail('the case "other" is missing');
    return { kind: type, arg, cases };
  };
  const result = parts(false, false);
  if (at < text.length) fail('text after the end');
  return result;
}

const pluralRules = new Map<string, Intl.PluralRules>();
const rulesOf = (locale: string) => {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules;
};

/** Says a parsed message with a function's arguments. */
export function formatMessage(
  parts: readonly Part[],
  args: readonly unknown[],
  grammar: Grammar,
  count?: number,
): string {
  const argument = (arg: string): unknown =>
    /^\d+$/.test(arg) ? args[Number(arg)] : (args[0] as Record<string, unknown> | undefined)?.[arg];
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') out += part;
    else if (part.kind === 'pound') out += grammar.num ? grammar.num(count ?? 0) : String(count);
    else if (part.kind === 'value') {
      const value = argument(part.arg);
      if (!part.helper) out += String(value);
      else {
        const helper = grammar[part.helper];
        if (typeof helper !== 'function') throw new Error(`no helper ${part.helper} in ${grammar.locale}`);
        out += (helper as (value: unknown) => string)(value);
      }
    } else if (part.kind === 'plural') {
      const n = Number(argument(part.arg));
      const chosen =
        part.cases.get(`=${n}`) ?? part.cases.get(rulesOf(grammar.locale).select(n)) ?? part.cases.get('other')!;
      out += formatMessage(chosen, args, grammar, n);
    } else {
      const chosen = part.cases.get(String(argument(part.arg))) ?? part.cases.get('other')!;
      out += formatMessage(chosen, args, grammar, count);
    }
  }
  return out;
}

/** A message as the function English has in its place (taking as many arguments); parsed on first use. */
function said(text: string, grammar: Grammar, arity: number): Words {
  let parts: Part[] | undefined;
  const say = (...args: unknown[]) => {
    parts ??= parseMessage(text);
    return formatMessage(parts, args, grammar);
  };
  return Object.defineProperty(say, 'length', { value: arity }) as Words;
}

/** Every dictionary built so far, for `messageProblems` to check; references only. */
const built: Array<{ english: unknown; catalog: unknown; grammar: Grammar; code: unknown }> = [];

/**
 * A language's dictionary, shaped as the English one: its catalog's strings and messages (as
 * functions where English has functions), with `code` in the places a message cannot fill.
 */
export function dictionary<E, C extends Code<E> = Code<E>>(
  english: E,
  catalog: CatalogBut<E, C>,
  grammar: Grammar,
  code?: C,
): E {
  const build = (shape: unknown, theirs: unknown, own: unknown): unknown => {
    if (typeof own === 'function') return own;
    if (typeof shape === 'function') return said(theirs as string, grammar, shape.length);
    if (Array.isArray(shape) || shape === null || typeof shape !== 'object') return theirs;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(shape)) {
      out[key] = build(
        (shape as Record<string, unknown>)[key],
        (theirs as Record<string, unknown> | undefined)?.[key],
        (own as Record<string, unknown> | undefined)?.[key],
      );
    }
    return out;
  };
  built.push({ english, catalog, grammar, code });
  return build(english, catalog, code) as E;
}

/** The languages said from a catalog: every one but English, which is written in code. */
export type Translated = Exclude<Language, 'en'>;

/** `english` and its dictionary in every other language, each with its grammar and its `code` (if any). */
export function dictionaries<E, C extends Code<E> = Code<E>>(
  english: E,
  catalogs: Record<Translated, CatalogBut<E, C>>,
  grammarOf: (language: Translated) => Grammar,
  code: Partial<Record<Translated, C>> = {},
): Record<Language, E> {
  const said = (language: Translated) => dictionary(english, catalogs[language], grammarOf(language), code[language]);
  return { en: english, pl: said('pl'), ru: said('ru'), nl: said('nl'), zh: said('zh') };
}

/**
 * What is wrong with the catalogs of every dictionary built so far: a key English lacks, a message
 * that does not parse, an argument the English function does not take (`{2}` of two, a named one
 * where English takes several), a helper the language's grammar lacks, a choice without "other". Empty when all is well.
 */
export function messageProblems(): string[] {
  const problems: string[] = [];
  const check = (text: string, arity: number, grammar: Grammar, where: string) => {
    let parts: Part[];
    try {
      parts = parseMessage(text);
    } catch (error) {
      problems.push(`${where}: ${(error as Error).message}`);
      return;
    }
    const visit = (list: readonly Part[]) => {
      for (const part of list) {
        if (typeof part === 'string' || part.kind === 'pound') continue;
        const positional = /^\d+$/.test(part.arg);
        if (positional ? Number(part.arg) >= arity : arity !== 1)
          problems.push(`${where}: {${part.arg}} is no argument`);
        if (part.kind === 'value' && part.helper && typeof grammar[part.helper] !== 'function')
          problems.push(`${where}: no helper ${part.helper} in ${grammar.locale}`);
        if (part.kind === 'plural' || part.kind === 'select') for (const chosen of part.cases.values()) visit(chosen);
      }
    };
    visit(parts);
  };
  const walk = (shape: unknown, theirs: unknown, own: unknown, grammar: Grammar, where: string) => {
    if (typeof own === 'function') return;
    if (typeof shape === 'function') {
      if (typeof theirs === 'string') check(theirs, shape.length, grammar, where);
      else problems.push(`${where}: no message`);
      return;
    }
    if (Array.isArray(shape) || shape === null || typeof shape !== 'object') return;
    for (const key of Object.keys((theirs as object | undefined) ?? {})) {
      if (!(key in shape)) problems.push(`${where}.${key}: not in English`);
    }
    for (const [key, value] of Object.entries(shape)) {
      walk(
        value,
        (theirs as Record<string, unknown> | undefined)?.[key],
        (own as Record<string, unknown> | undefined)?.[key],
        grammar,
        `${where}.${key}`,
      );
    }
  };
  for (const { english, catalog, grammar, code } of built) walk(english, catalog, code, grammar, grammar.locale);
  return problems;
}
