/**
 * The order search index: one small item per search term of an order (shared/search.ts orderTerms),
 * keyed for its department and its requester at once (keys.searchTerm), written in the order's own
 * transaction by OrderRepository (only the terms a write adds or removes), so an order and its
 * index entries never disagree.
 * Access patterns:
 * - a department's orders with a term beginning with a word: Query pk = SEARCH#D#code#<2 letters>,
 *   sk begins_with the word, newest last (read descending, Limit; the rarest word paged on)
 * - a requester's orders with a term beginning with a word: Query byCollection gsi1pk = SEARCH#R#id,
 *   gsi1sk begins_with the word
 * - the orders a search found: BatchGetItem ORDER#n/ORDER, up to 100 keys per call
 * - backfill of orders stored before the index: BatchWriteItem of their term items
 */
import { BatchGetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Order } from '#shared/model.ts';
import { orderTerms, termChanges, type WordHits } from '#shared/search.ts';
import { writeInBatches } from '../storage/batch-write.ts';
import type { Db } from '../storage/client.ts';
import { fromItem, keys, partitions, searchHitOf } from '../storage/keys.ts';
import { INDEX } from '../storage/table-definition.ts';
import type { TransactItems } from './orders.ts';

/** Where a search looks: a department's orders, or one requester's. */
export type SearchScope = { department: string } | { requesterId: string };

/** Index entries read per word of a search (one Query page of small items, ~25 KB). */
export const HITS_PER_WORD = 200;

type Indexed = Pick<
  Order,
  'number' | 'department' | 'requesterId' | 'createdAt' | 'title' | 'requesterName' | 'answers'
>;

/**
 * One term's index item. It carries all the order's terms (`terms`, space-separated: ~100–250 bytes,
 * so the item stays under 1 KB and one write unit), so a search checks its other words on the
 * entries of its rarest word without reading the orders.
 */
function termItem(order: Indexed, term: string, all: readonly string[]): Record<string, unknown> {
  return { ...keys.searchTerm(order, term), type: 'searchTerm', terms: all.join(' ') };
}

/** Every index item of an order (the backfill's and a bulk loader's; a write adds only what changed). */
export function searchTermItems(order: Indexed, unindexed?: ReadonlySet<string>): Record<string, unknown>[] {
  const terms = orderTerms(order, unindexed);
  return terms.map((term) => termItem(order, term, terms));
}

/**
 * The transaction items that bring an order's index entries from `before` (undefined: a new order)
 * to `after`: a Put per term added, a Delete per term gone; nothing when the terms did not change,
 * which is every write but filing and a changed answer. `unindexed`: the answers never indexed (the
 * sensitive fields of the order's form); a write without it indexes every answer, which only matters
 * where the answers change. Deletes come first, then Puts, most telling
 * term first, so a caller short of room in its transaction keeps the best of them.
 */
export function searchChanges(
  tableName: string,
  before: Indexed | undefined,
  after: Indexed,
  unindexed?: ReadonlySet<string>,
): TransactItems {
  // Department, requester and filing time never change; if they did, every entry moves.
  const moved =
    before !== undefined &&
    (before.department !== after.department ||
      before.requesterId !== after.requesterId ||
      before.createdAt !== after.createdAt);
  const old = before ? orderTerms(before, unindexed) : [];
  const now = orderTerms(after, unindexed);
  const { added, removed } = moved ? { added: now, removed: old } : termChanges(old, now);
  // Every item carries all the terms: when they change, the items that stay are written again too
  // (after the new ones, so a transaction short of room keeps the new words findable).
  const kept = added.length + removed.length > 0 ? now.filter((t) => !added.includes(t)) : [];
  const was = before ?? after;
  return [
    ...removed.map((term) => ({ Delete: { TableName: tableName, Key: pick(keys.searchTerm(was, term)) } })),
    ...[...added, ...kept].map((term) => ({ Put: { TableName: tableName, Item: termItem(after, term, now) } })),
  ];
}

const pick = ({ pk, sk }: { pk: string; sk: string }) => ({ pk, sk });

export class SearchRepository {
  constructor(private readonly db: Db) {}

  /** For each word, the newest entries of orders in scope with a term beginning with it (one Query per word, in parallel). */
  words(scope: SearchScope, words: readonly string[], limit = HITS_PER_WORD): Promise<WordHits[]> {
    return Promise.all(words.map((word) => this.word(scope, word, limit)));
  }

  /** The next entries of a word read in part (`read.next`), added to those read before. */
  async more(scope: SearchScope, read: WordHits, limit: number): Promise<WordHits> {
    if (read.complete) return read;
    const next = await this.word(scope, read.word, limit, read.next as Record<string, unknown> | undefined);
    return { ...next, hits: [...read.hits, ...next.hits] };
  }

  private async word(
    scope: SearchScope,
    word: string,
    limit: number,
    after?: Record<string, unknown>,
  ): Promise<WordHits> {
    const department = 'department' in scope;
    const partition = department
      ? partitions.searchOfDepartment(scope.department, word)
      : partitions.searchOfRequester(scope.requesterId, word);
    const index = department ? { pk: 'pk', sk: 'sk' } : INDEX.byCollection;
    const out = await this.db.doc.send(
      new QueryCommand({
        TableName: this.db.tableName,
        ...(department ? {} : { IndexName: INDEX.byCollection.name }),
        KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :word)',
        ExpressionAttributeNames: { '#pk': index.pk, '#sk': index.sk, '#terms': 'terms' },
        ExpressionAttributeValues: {
          ':pk': 'pk' in partition ? partition.pk : partition.gsi1pk,
          ':word': partition.skPrefix,
        },
        ProjectionExpression: '#sk, #terms',
        ScanIndexForward: false,
        Limit: limit,
        ...(after ? { ExclusiveStartKey: after } : {}),
      }),
    );
    return {
      word,
      hits: (out.Items ?? []).map((item) => {
        const hit = searchHitOf(String(item[index.sk]));
        return typeof item.terms === 'string' ? { ...hit, terms: item.terms.split(' ') } : hit;
      }),
      complete: out.LastEvaluatedKey === undefined,
      ...(out.LastEvaluatedKey ? { next: out.LastEvaluatedKey } : {}),
    };
  }

  /** The orders of these numbers that exist, in the order asked (BatchGetItem, 100 keys a call). */
  async orders(numbers: readonly string[]): Promise<Order[]> {
    const found = new Map<string, Order>();
    for (let i = 0; i < numbers.length; i += 100) {
      let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = {
        [this.db.tableName]: { Keys: numbers.slice(i, i + 100).map((n) => keys.order(n)) },
      };
      while (request && Object.keys(request).length > 0) {
        const out = await this.db.doc.send(new BatchGetCommand({ RequestItems: request }));
        for (const item of out.Responses?.[this.db.tableName] ?? []) {
          const order = fromItem<Order>(item);
          found.set(order.number, order);
        }
        request = out.UnprocessedKeys as typeof request;
      }
    }
    return numbers.flatMap((n) => {
      const order = found.get(n);
      return order ? [{ ...order, children: order.children ?? [] }] : [];
    });
  }

  /**
   * Backfill: writes every term item of these orders (BatchWriteItem, 25 a call). For orders stored
   * before the index existed, or indexed in a transaction too full for all their terms; writing an
   * entry that exists changes nothing.
   */
  async reindex(orders: ReadonlyArray<{ order: Indexed; unindexed?: ReadonlySet<string> }>): Promise<number> {
    const items = orders.flatMap(({ order, unindexed }) => searchTermItems(order, unindexed));
    await writeInBatches(
      this.db.doc,
      this.db.tableName,
      items.map((Item) => ({ PutRequest: { Item } })),
    );
    return items.length;
  }
}
