/**
 * Users and their memberships.
 * Access patterns: get by id (GetItem USER#id/PROFILE); get many (BatchGetItem);
 * list all (Query byCollection USERS) for the local sign-in picker and admin screens;
 * members of a department (Query DEPT#code, sk begins_with MEMBER#) — membership items are written
 * in the same transaction as the user, so the two never disagree.
 * Profiles are read on every request, so they are cached per process for a short time.
 */
import { BatchGetCommand, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Member } from '#shared/api.ts';
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

  async members(department: string): Promise<Member[]> {
    const out = await this.db.doc.send(
      new QueryCommand({
        TableName: this.db.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :member)',
        ExpressionAttributeValues: { ':pk': `DEPT#${department}`, ':member': 'MEMBER#' },
      }),
    );
    return (out.Items ?? []).map((item) => ({ id: item.userId, name: item.name, role: item.role }) as Member);
  }

  /**
   * Writes the user and their membership items; memberships the user no longer holds (compared with
   * `previous`) are deleted in the same transaction. `extra` items (e.g. an audit record) ride along.
   */
  async save(user: User, previous?: User, extra: Record<string, unknown>[] = []): Promise<void> {
    const items: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']> = [
      {
        Put: {
          TableName: this.db.tableName,
          Item: { ...keys.user(user.id), ...keys.usersCollection(user.name), type: 'user', ...user },
        },
      },
      ...Object.entries(user.memberships).map(([department, role]) => ({
        Put: {
          TableName: this.db.tableName,
          Item: { ...keys.member(department, user.id), type: 'member', userId: user.id, name: user.name, role },
        },
      })),
      ...Object.keys(previous?.memberships ?? {})
        .filter((department) => !(department in user.memberships))
        .map((department) => ({ Delete: { TableName: this.db.tableName, Key: keys.member(department, user.id) } })),
      ...extra.map((Item) => ({ Put: { TableName: this.db.tableName, Item } })),
    ];
    await this.db.doc.send(new TransactWriteCommand({ TransactItems: items }));
    this.cache.delete(user.id);
  }

  /**
   * Changes a person's roles with an audit entry in the same transaction: no change without its trace.
   */
  async changeRoles(actorId: string, previous: User, next: User, at: string): Promise<void> {
    const audit = {
      ...keys.auditEntry(at, crypto.randomUUID()),
      type: 'audit',
      at,
      actorId,
      action: 'roles_changed',
      subjectId: previous.id,
      before: { memberships: previous.memberships, admin: previous.admin },
      after: { memberships: next.memberships, admin: next.admin },
    };
    await this.save(next, previous, [audit]);
  }

  /** Role changes of one month, oldest first (Query AUDIT#yyyy-mm). */
  async audit(month: string): Promise<Record<string, unknown>[]> {
    const out = await this.db.doc.send(
      new QueryCommand({
        TableName: this.db.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `AUDIT#${month}` },
        Limit: 500,
      }),
    );
    return (out.Items ?? []).map((item) => fromItem<Record<string, unknown>>(item));
  }

  /** Drops a cached profile so the next read sees the stored one. */
  forget(id: string): void {
    this.cache.delete(id);
  }

  private remember(user: User): void {
    this.cache.set(user.id, { user, until: this.now() + CACHE_MS });
  }
}
