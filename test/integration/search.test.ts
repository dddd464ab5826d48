/**
 * Order search (GET /orders/search, GET /departments/:code/search) on the index items written with
 * the orders: only orders the caller may see here, whatever the words; a changed answer is found by
 * its new words only; a few calls per search, never a Scan.
 */

import { BatchWriteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '#functions/storage/keys.ts';
import { backfillSearch } from '#functions/workflows/orders/backfill-search.ts';
import type { OrderView } from '#shared/api.ts';
import { orderTerms, type SearchAnswer } from '#shared/search.ts';
import { type Caller, createHarness, type Harness } from './harness.ts';

let h: Harness;
const callers: Record<string, Caller> = {};
const numbers = { annaFac: '', carlFac: '', annaIt: '', carlIt: '' };

// A word no demo order has, in every order below: the search must sort them by who may see what.
const WORD = 'Quokkaflux';

beforeAll(async () => {
  h = await createHarness();
  for (const id of ['anna', 'carl', 'ben', 'felix', 'fatima', 'ivan', 'iris', 'hana', 'ada'])
    callers[id] = await h.as(id);
  const file = async (who: string, serviceId: string, answers: Record<string, unknown>) => {
    const res = await callers[who]!.json<OrderView>('POST', '/api/v1/orders', { serviceId, answers });
    expect(res.status).toBe(201);
    return res.body.order.number;
  };
  numbers.annaFac = await file('anna', 'fac-repair', {
    location: 'Kraków, Żółta room',
    problem: `The lamp flickers (${WORD} model).`,
  });
  numbers.carlFac = await file('carl', 'fac-repair', { location: 'Gdańsk hall', problem: `${WORD} heater is cold.` });
  numbers.annaIt = await file('anna', 'it-access', {
    system: 'CRM',
    role: 'Viewer',
    reason: `Reports for the ${WORD} project.`,
  });
  numbers.carlIt = await file('carl', 'it-access', { system: 'CRM', role: 'Editor', reason: `${WORD} budget.` });
});
afterAll(() => h?.close());

async function found(who: string, path: string, q: string): Promise<string[]> {
  const res = await callers[who]!.json<SearchAnswer>('GET', `/api/v1${path}?q=${encodeURIComponent(q)}`);
  expect(res.status).toBe(200);
  return res.body.items.map((o) => o.number).sort();
}
const sorted = (...list: string[]) => [...list].sort();

/**
 * The calls a search made since the count was reset. The caller's profile is kept 30 s from the read
 * that kept it: a read of it when that lapses, under a loaded machine, is not the search's.
 */
function searchCalls(): Record<string, number> {
  const { GetItemCommand: profile = 0, ...search } = h.deps.db.calls.snapshot();
  expect(profile).toBeLessThanOrEqual(1);
  return search;
}

describe('My orders search', () => {
  it('finds only the caller’s own orders, in every department, never another person’s with the same words', async () => {
    expect(await found('anna', '/orders/search', WORD)).toEqual(sorted(numbers.annaFac, numbers.annaIt));
    expect(await found('carl', '/orders/search', WORD)).toEqual(sorted(numbers.carlFac, numbers.carlIt));
    // Someone with no orders of these words finds none, team member or not.
    expect(await found('ben', '/orders/search', WORD)).toEqual([]);
    expect(await found('felix', '/orders/search', WORD)).toEqual([]);
  });

  it('ignores case and accents and finds words by their beginning, in the title, the answers and the name', async () => {
    expect(await found('anna', '/orders/search', 'quokk')).toEqual(sorted(numbers.annaFac, numbers.annaIt));
    expect(await found('anna', '/orders/search', 'zolta KRAKOW')).toEqual([numbers.annaFac]);
    expect(await found('anna', '/orders/search', 'kowalska quokka')).toEqual(sorted(numbers.annaFac, numbers.annaIt));
    expect(await found('anna', '/orders/search', 'quokka gdansk')).toEqual([]);
  });

  it('an order number is that order only if it is the caller’s', async () => {
    expect(await found('anna', '/orders/search', numbers.annaIt.toLowerCase())).toEqual([numbers.annaIt]);
    expect(await found('anna', '/orders/search', numbers.carlIt)).toEqual([]);
  });
});

describe('department search (queue and head)', () => {
  it('finds the department’s orders of every requester, never another department’s', async () => {
    for (const who of ['felix', 'fatima'])
      expect(await found(who, '/departments/FAC/search', WORD)).toEqual(sorted(numbers.annaFac, numbers.carlFac));
    for (const who of ['ivan', 'iris'])
      expect(await found(who, '/departments/IT/search', WORD)).toEqual(sorted(numbers.annaIt, numbers.carlIt));
  });

  it('is refused (404) to anyone outside the department, administrators included, as the queue is', async () => {
    for (const who of ['ivan', 'hana', 'anna', 'ada']) {
      const res = await callers[who]!.json('GET', `/api/v1/departments/FAC/search?q=${WORD}`);
      expect(res.status).toBe(404);
    }
  });

  it('an order number of another department finds nothing; a bare number is the department’s order', async () => {
    expect(await found('felix', '/departments/FAC/search', numbers.annaIt)).toEqual([]);
    const digits = numbers.annaFac.split('-')[1]!;
    expect(await found('felix', '/departments/FAC/search', digits)).toContain(numbers.annaFac);
    expect(await found('ivan', '/departments/IT/search', digits)).not.toContain(numbers.annaFac);
  });

  it('reads one Query per word and one BatchGetItem, and never Scans', async () => {
    await found('felix', '/departments/FAC/search', `${WORD} heater`);
    h.deps.db.calls.reset();
    expect(await found('felix', '/departments/FAC/search', `${WORD} heater`)).toEqual([numbers.carlFac]);
    expect(searchCalls()).toEqual({ QueryCommand: 2, BatchGetItemCommand: 1 });
  });
});

describe('the index follows the order', () => {
  it('a changed answer is found by its new words and no longer by the old ones', async () => {
    const act = (who: string, body: Record<string, unknown>) =>
      callers[who]!.json<OrderView>('GET', `/api/v1/orders/${numbers.annaFac}`).then(({ body: view }) =>
        callers[who]!.json<OrderView>('POST', `/api/v1/orders/${numbers.annaFac}/transitions`, {
          ...body,
          version: view.order.version,
        }),
      );
    expect((await act('felix', { action: 'claim' })).status).toBe(200);
    expect(
      (await act('felix', { action: 'request_clarification', comment: 'Which lamp?', fields: ['problem'] })).status,
    ).toBe(200);
    const answered = await act('anna', {
      action: 'answer_clarification',
      comment: 'The desk lamp.',
      answers: { problem: 'The wombatine desk lamp flickers.' },
    });
    expect(answered.status).toBe(200);
    expect(await found('anna', '/orders/search', WORD)).toEqual([numbers.annaIt]);
    expect(await found('felix', '/departments/FAC/search', WORD)).toEqual([numbers.carlFac]);
    expect(await found('anna', '/orders/search', 'wombatine')).toEqual([numbers.annaFac]);
    expect(await found('fatima', '/departments/FAC/search', 'wombat')).toEqual([numbers.annaFac]);
  });
});

describe('the cost of a search is its rarest word’s', () => {
  it('a word the index entries rule out reads no order at all', async () => {
    h.deps.db.calls.reset();
    expect(await found('carl', '/orders/search', `${WORD} krakow`)).toEqual([]);
    expect(searchCalls()).toEqual({ QueryCommand: 2 });
  });

  it('entries written before they carried their order’s terms still find it; the order decides', async () => {
    const order = (await callers.carl!.json<OrderView>('GET', `/api/v1/orders/${numbers.carlIt}`)).body.order;
    const legacy = orderTerms(order).map((term) => ({
      PutRequest: { Item: { ...keys.searchTerm(order, term), type: 'searchTerm' } },
    }));
    for (let i = 0; i < legacy.length; i += 25)
      await h.deps.db.doc.send(
        new BatchWriteCommand({ RequestItems: { [h.deps.db.tableName]: legacy.slice(i, i + 25) } }),
      );
    h.deps.db.calls.reset();
    expect(await found('carl', '/orders/search', `${WORD} budget`)).toEqual([numbers.carlIt]);
    expect(await found('carl', '/orders/search', `${WORD} gdansk`)).toEqual([numbers.carlFac]);
    expect(h.deps.db.calls.snapshot()).toMatchObject({ QueryCommand: 4, BatchGetItemCommand: 2 });
    // The backfill writes them again with their terms: idempotent, and the filter is back.
    await h.deps.orders.search.reindex([{ order }]);
    await h.deps.orders.search.reindex([{ order }]);
    h.deps.db.calls.reset();
    expect(await found('carl', '/orders/search', `${WORD} budget`)).toEqual([numbers.carlIt]);
    expect(searchCalls()).toEqual({ QueryCommand: 2, BatchGetItemCommand: 1 });
  });

  it('two common words that rarely meet: at most 1,000 entries of the rarest read, then “more”, never a timeout', async () => {
    // 1,050 orders with one made-up word and 210 with another, none with both (index entries only).
    const filed = (word: string, n: number, from: number) =>
      Array.from({ length: n }, (_, i) => ({
        order: {
          number: `FAC-${from + i}`,
          department: 'FAC',
          requesterId: 'bulk',
          createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
          title: word,
          requesterName: '',
          answers: {},
        },
      }));
    await h.deps.orders.search.reindex([...filed('wyvernmoss', 1050, 900_000), ...filed('wyrmo', 210, 910_000)]);
    h.deps.db.calls.reset();
    const res = await callers.felix!.json<SearchAnswer>('GET', '/api/v1/departments/FAC/search?q=wyrmo%20wyvernmoss');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ items: [], more: true });
    // Both words' first pages, then two more pages of the rarer-looking (longer) one, and no order read.
    expect(searchCalls()).toEqual({ QueryCommand: 4 });
  });
});

describe('the backfill for orders filed before the index', () => {
  it('walks each department’s orders by number, writes their entries, and a second run changes nothing', async () => {
    // An order as if filed before the index: its entries gone.
    const res = await callers.ben!.json<OrderView>('POST', '/api/v1/orders', {
      serviceId: 'fac-repair',
      answers: { location: 'Poznań annex', problem: 'Pangolinite door hinge squeaks.' },
    });
    expect(res.status).toBe(201);
    const order = res.body.order;
    const entries = orderTerms(order).map((term) => {
      const { pk, sk } = keys.searchTerm(order, term);
      return { DeleteRequest: { Key: { pk, sk } } };
    });
    for (let i = 0; i < entries.length; i += 25)
      await h.deps.db.doc.send(
        new BatchWriteCommand({ RequestItems: { [h.deps.db.tableName]: entries.slice(i, i + 25) } }),
      );
    expect(await found('felix', '/departments/FAC/search', 'pangolinite')).toEqual([]);
    expect(await found('ben', '/orders/search', 'pangolinite poznan')).toEqual([]);

    const deps = { departments: h.deps.departments, orders: h.deps.orders, services: h.deps.services };
    h.deps.db.calls.reset();
    const first = await backfillSearch(deps, { departments: ['FAC'] });
    const calls = h.deps.db.calls.snapshot();
    expect(calls.ScanCommand).toBeUndefined();
    expect(first.orders).toBeGreaterThanOrEqual(3);
    expect(await found('felix', '/departments/FAC/search', 'pangolinite')).toEqual([order.number]);
    expect(await found('ben', '/orders/search', 'pangolinite poznan')).toEqual([order.number]);

    const before = await indexEntries(order);
    const again = await backfillSearch(deps, { departments: ['FAC'] });
    expect(again).toEqual(first);
    expect(await indexEntries(order)).toEqual(before);
    expect(await found('felix', '/departments/FAC/search', 'pangolinite')).toEqual([order.number]);
  });
});

/** The index entries of an order in its department's partitions, as stored. */
async function indexEntries(order: Parameters<typeof orderTerms>[0] & Parameters<typeof keys.searchTerm>[0]) {
  const out = [];
  for (const term of orderTerms(order)) {
    const { pk, sk } = keys.searchTerm(order, term);
    const got = await h.deps.db.doc.send(new GetCommand({ TableName: h.deps.db.tableName, Key: { pk, sk } }));
    out.push(got.Item);
  }
  return out;
}

describe('bad searches', () => {
  it('an empty or overlong search is a 400 on q', async () => {
    for (const q of ['', '%20', 'x'.repeat(201)]) {
      const res = await callers.anna!.json('GET', `/api/v1/orders/search?q=${q}`);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain('"q"');
    }
  });

  it('a search of nothing but punctuation finds nothing', async () => {
    expect(await found('anna', '/orders/search', '!!! ,')).toEqual([]);
  });
});
