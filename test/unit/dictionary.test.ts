/**
 * Languages as data: messages in ICU MessageFormat, said with a function's arguments, and every
 * message of every dictionary the portal, the API and the mails build checked against English.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { pausedMail } from '#functions/webhooks/pause-mail.ts';
import {
  dictionary,
  formatMessage,
  type Grammar,
  MessageError,
  messageProblems,
  parseMessage,
} from '#shared/dictionary.ts';
import { composeInboundRefusal } from '#shared/inbound.ts';
import { loadMailWords, mailWords } from '#shared/mail-words.ts';
import { LANGUAGES } from '#shared/model.ts';
import { insightStrings } from '../../web/src/dashboard/insight-words.ts';
import { canvasStrings } from '../../web/src/process/canvas-words.ts';
import { processStrings } from '../../web/src/process/words.ts';
import { PORTALS } from '../support/portals.ts';

// Every language's mail words, as the composing use cases load them before a mail in it.
beforeAll(() => loadMailWords(LANGUAGES));

const { pl, ru, nl, zh } = PORTALS;

const polish: Grammar = {
  locale: 'pl-PL',
  num: (n) => n.toLocaleString('pl-PL', { maximumFractionDigits: 1 }),
  list: (items: string[]) => items.join(', '),
};
const say = (text: string, ...args: unknown[]) => formatMessage(parseMessage(text), args, polish);

describe('a message', () => {
  it('takes arguments by position, or by name from a single object', () => {
    expect(say('Wiersz {0}, kolumna {1}', 3, 'B')).toBe('Wiersz 3, kolumna B');
    expect(say('Nie ma działu {code}.', { code: 'HR' })).toBe('Nie ma działu HR.');
  });

  it('counts in the language’s plural forms, exact values first, # as the language writes numbers', () => {
    const text = '{0, plural, =0 {Nic} one {# usługa} few {# usługi} many {# usług} other {# usługi}}';
    expect([0, 1, 3, 5, 22, 1.5].map((n) => say(text, n))).toEqual([
      'Nic',
      '1 usługa',
      '3 usługi',
      '5 usług',
      '22 usługi',
      '1,5 usługi',
    ]);
  });

  it('chooses by value, nested inside a count, and words values with the grammar’s helpers', () => {
    const text = '{1, select, true {{0, plural, one {# dzień roboczy} other {# dni robocze}}} other {{0, num} dni}}';
    expect(say(text, 1, true)).toBe('1 dzień roboczy');
    expect(say(text, 2.5, false)).toBe('2,5 dni');
    expect(say('Brakuje: {items, list}.', { items: ['a', 'b'] })).toBe('Brakuje: a, b.');
  });

  it('quotes braces and apostrophes as ICU does', () => {
    expect(say("Pole '{'{0}'}' i foto's, ''cytat''", 'x')).toBe("Pole {x} i foto's, 'cytat'");
    expect(say("'#' poza liczbą i {0, plural, other {'#' w niej: #}}", 2)).toBe('# poza liczbą i # w niej: 2');
  });

  it('refuses a message that does not parse, saying where', () => {
    for (const text of ['{0', 'a } b', '{0, plural, one {x}}', '{0, select, a {x} other {y}', "'{ open"]) {
      expect(() => parseMessage(text), text).toThrow(MessageError);
    }
  });
});

describe('a dictionary', () => {
  const english = { title: 'Orders', count: (n: number) => `${n} orders`, nested: { row: (r: number) => `Row ${r}` } };

  it('is shaped as English: strings, messages as functions of the same arity, code where given', () => {
    const words = dictionary(english, { title: 'Zamówienia', nested: { row: 'Wiersz {0}' } }, polish, {
      count: (n: number) => `zamówień: ${n}`,
    });
    expect(words.title).toBe('Zamówienia');
    expect(words.count(4)).toBe('zamówień: 4');
    expect(words.nested.row(7)).toBe('Wiersz 7');
    expect(words.nested.row.length).toBe(1);
  });
});

describe('every dictionary built', () => {
  it('has messages that parse, name only the arguments English takes and only helpers its grammar has', () => {
    // Build every language of every dictionary (the modules build them when they load).
    expect([pl, ru, nl, zh].every((words) => typeof words.appName === 'string')).toBe(true);
    // The mails whose words are kept apart (answers to refused mail, the paused-webhook notice).
    expect([composeInboundRefusal, pausedMail].every((compose) => typeof compose === 'function')).toBe(true);
    for (const language of LANGUAGES) {
      expect(mailWords(language).locale).toBeTruthy();
      expect(insightStrings[language] && canvasStrings[language] && processStrings[language]).toBeTruthy();
    }
    expect(messageProblems()).toEqual([]);
  });

  it('finds a key English lacks, an argument English does not take, or a helper the grammar lacks', () => {
    const catalog = { row: 'Wiersz {1} {0, nowhere}', column: 'Kolumna' };
    const english = { row: (r: number) => `Row ${r}` };
    dictionary<typeof english>(english, catalog, polish);
    expect(messageProblems()).toEqual([
      'pl-PL.column: not in English',
      'pl-PL.row: {1} is no argument',
      'pl-PL.row: no helper nowhere in pl-PL',
    ]);
  });
});
