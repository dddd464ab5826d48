/**
 * Users and their memberships.
 * Access patterns: get by id (GetItem USER#id/PROFILE); get many (BatchGetItem);
 * list all (Query byCollection USERS) for the local sign-in picker and admin screens;
 * members of a department (Query DEPT#code, sk begins_with MEMBER#) — membership items are written
 * in the same transaction as the user, so the two never disagree.
 * Profiles are read on every request, so they are cached per process for a short time.
 * Each writer changes only its own attributes (sign-in: the identity provider's; preferences: the
 * person's; role changes: the roles), so none can bring back what another removed.
 */
import { BatchGetCommand, GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Member } from '#shared/api.ts';
import { NotFoundError } from '#shared/errors.ts';
import type { Language, User } from '#shared/model.ts';
import type { ProfileClaims } from '#shared/profile.ts';
import type { Db } from '../storage/client.ts';
import { fromItem, keys, partitions } from '../storage/keys.ts';
import { INDEX } from '../storage/table-definition.ts';

/** How long a profile read is reused by this process; a role change elsewhere is seen after at most this. */
export const PROFILE_CACHE_MS = 30_000;

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
          ExpressionAttributeValues: { ':pk': partitions.allUsers().gsi1pk },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of out.Items ?? []) users.push(fromItem<User>(item));
      start = out.LastEvaluatedKey;
    } while (start);
    return users;
  }

  async members(department: string): Promise<Member[]> {
    const members = partitions.membersOfDepartment(department);
    const out = await this.db.doc.send(
      new QueryCommand({
        TableName: this.db.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :member)',
        ExpressionAttributeValues: { ':pk': members.pk, ':member': members.skPrefix },
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
   * Sign-in: creates the profile from the identity provider's claims the first time, refreshes those
   * claims later. Roles are only initialised, never changed, and a language the person chose in
   * Ordo wins over the provider's. One UpdateItem.
   */
  async signIn(id: string, claims: ProfileClaims): Promise<User> {
    const set = [
      '#type = :type',
      'id = :id',
      '#name = :name',
      'email = :email',
      'emailVerified = :verified',
      'gsi1pk = :collection',
      'gsi1sk = :sortName',
      'memberships = if_not_exists(memberships, :none)',
      'admin = if_not_exists(admin, :false)',
    ];
    const collection = keys.usersCollection(claims.name);
    const values: Record<string, unknown> = {
      ':type': 'user',
      ':id': id,
      ':name': claims.name,
      ':email': claims.email,
      ':verified': claims.emailVerified,
      ':collection': collection.gsi1pk,
      ':sortName': collection.gsi1sk,
      ':none': {},
      ':false': false,
    };
    const names: Record<string, string> = { '#type': 'type', '#name': 'name' };
    if (claims.language) {
      set.push('#language = if_not_exists(#language, :language)');
      names['#language'] = 'language';
      values[':language'] = claims.language;
    }
    for (const field of ['department', 'location', 'jobRole'] as const) {
      const value = claims[field];
      if (value === undefined) continue;
      set.push(`#${field} = :${field}`);
      names[`#${field}`] = field;
      values[`:${field}`] = value;
    }
    const out = await this.db.doc.send(
      new UpdateCommand({
        TableName: this.db.tableName,
        Key: keys.user(id),
        UpdateExpression: `SET ${set.join(', ')}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ReturnValues: 'ALL_NEW',
      }),
    );
    const user = fromItem<User>(out.Attributes ?? {});
    this.remember(user);
    return user;
  }

  /** The person's own settings, and nothing else of the profile (conditional: the profile must exist). */
  async savePreferences(id: string, prefs: { mutedEvents?: string[]; language?: Language }): Promise<User> {
    const set: string[] = [];
    const values: Record<string, unknown> = {};
    if (prefs.mutedEvents) {
      set.push('mutedEvents = :muted');
      values[':muted'] = prefs.mutedEvents;
    }
    if (prefs.language) {
      set.push('#language = :language');
      values[':language'] = prefs.language;
    }
    try {
      const out = await this.db.doc.send(
        new UpdateCommand({
          TableName: this.db.tableName,
          Key: keys.user(id),
          UpdateExpression: `SET ${set.join(', ')}`,
          ConditionExpression: 'attribute_exists(pk)',
          ...(prefs.language ? { ExpressionAttributeNames: { '#language': 'language' } } : {}),
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }),
      );
      const user = fromItem<User>(out.Attributes ?? {});
      this.remember(user);
      return user;
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException')
        throw new NotFoundError('There is no such person.');
      throw error;
    }
  }

  /** Reads the stored profile, bypassing this process's cache (before changing it). */
  async fresh(id: string): Promise<User | undefined> {
    this.cache.delete(id);
    return this.get(id);
  }

  /**
   * Changes a person's roles with an audit entry in the same transaction: no change without its trace.
   * Only the roles are written on the profile, so a concurrent sign-in or preference change is kept;
   * `previous` should be a fresh read (its memberships decide which member items to delete).
   */
  async changeRoles(
    actorId: string,
    previous: User,
    next: Pick<User, 'memberships' | 'admin'>,
    at: string,
  ): Promise<void> {
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
    const items: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']> = [
      {
        Update: {
          TableName: this.db.tableName,
          Key: keys.user(previous.id),
          UpdateExpression: 'SET memberships = :memberships, admin = :admin',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':memberships': next.memberships, ':admin': next.admin },
        },
      },
      ...Object.entries(next.memberships).map(([department, role]) => ({
        Put: {
          TableName: this.db.tableName,
          Item: {
            ...keys.member(department, previous.id),
            type: 'member',
            userId: previous.id,
            name: previous.name,
            role,
          },
        },
      })),
      ...Object.keys(previous.memberships)
        .filter((department) => !(department in next.memberships))
        .map((department) => ({ Delete: { TableName: this.db.tableName, Key: keys.member(department, previous.id) } })),
      { Put: { TableName: this.db.tableName, Item: audit } },
    ];
    try {
      await this.db.doc.send(new TransactWriteCommand({ TransactItems: items }));
    } finally {
      this.cache.delete(previous.id);
    }
  }

  /** Role changes of one month, oldest first (Query AUDIT#yyyy-mm). */
  async audit(month: string): Promise<Record<string, unknown>[]> {
    const out = await this.db.doc.send(
      new QueryCommand({
        TableName: this.db.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': partitions.auditOfMonth(month).pk },
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
    this.cache.set(user.id, { user, until: this.now() + PROFILE_CACHE_MS });
  }
}
