/**
 * Users and their memberships.
 * Access patterns: get by id (GetItem USER#id/PROFILE); get many (BatchGetItem);
 * list all (Query byCollection USERS) for the local sign-in picker and admin screens.
 * Profiles are read on every request, so they are cached per process for a short time.
 */
import { BatchGetCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { User } from '#shared/model.ts';
import type { Db } from '../storage/client.ts';
import { fromItem, keys } from '../storage/keys.ts';
import { INDEX } from '../storage/table-definition.ts';

const CACHE_MS = 30_000;

export class UserRepository {
  private readonly cache = new Map<string, { user: User; until: number }>();
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  async get(id: string): Promise<User | undefined> {
    const hit = this.cache.get(id);
    if (hit && hit.until > this.now()) return hit.user;
    const { Item } = await this.db.doc.send(new GetCommand({ TableName: this.db.tableName, Key: keys.user(id) }));
    if (!Item) return undefined;
    const user = fromItem<User>(Item);
    this.remember(user);
    return user;
  }

  /** Looks up several users, reading only those not cached. Unknown ids are left out. */
  async getMany(ids: Iterable<string>): Promise<Map<string, User>> {
    const found = new Map<string, User>();
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const hit = this.cache.get(id);
      if (hit && hit.until > this.now()) found.set(id, hit.user);
      else missing.push(id);
    }
    for (let i = 0; i < missing.length; i += 100) {
      const chunk = missing.slice(i, i + 100);
      let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = {
        [this.db.tableName]: { Keys: chunk.map((id) => keys.user(id)) },
      };
      while (request && Object.keys(request).length > 0) {
        const out = await this.db.doc.send(new BatchGetCommand({ RequestItems: request }));
        for (const item of out.Responses?.[this.db.tableName] ?? []) {
          const user = fromItem<User>(item);
          this.remember(user);
          found.set(user.id, user);
        }
        request = out.UnprocessedKeys as typeof request;
      }
    }
    return found;
  }

  async list(): Promise<User[]> {
    const users: User[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.db.doc.send(
        new QueryCommand({
          TableName: this.db.tableName,
          IndexName: INDEX.byCollection.name,
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': 'USERS' },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of out.Items ?? []) users.push(fromItem<User>(item));
      start = out.LastEvaluatedKey;
    } while (start);
    return users;
  }

  async put(user: User): Promise<void> {
    await this.db.doc.send(
      new PutCommand({
        TableName: this.db.tableName,
        Item: { ...keys.user(user.id), ...keys.usersCollection(user.name), type: 'user', ...user },
      }),
    );
    this.cache.delete(user.id);
  }

  private remember(user: User): void {
    this.cache.set(user.id, { user, until: this.now() + CACHE_MS });
  }
}
