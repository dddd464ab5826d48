/**
 * Users and their memberships.
 * Access patterns: get by id (GetItem USER#id/PROFILE); get many (BatchGetItem);
 * list all (Query byCollection USERS) for the local sign-in picker and admin screens;
 * members of a department (Query DEPT#code, sk begins_with MEMBER#) — membership items are written
 * in the same transaction as the user, so the two never disagree;
 * people search (Query PEOPLE#<letter>, sk begins_with a word): one small directory item per word of
 * a person's name and their email (shared/people.ts), carrying the card the search shows. The user
 * item keeps what it is listed under (`listed`), so a sign-in rewrites the items only when the name,
 * email or department changed.
 * Profiles are read on every request, so they are cached per process for a short time.
 * Each writer changes only its own attributes (sign-in: the identity provider's; preferences: the
 * person's; role changes: the roles), so none can bring back what another removed.
 */
import { BatchGetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Member } from '#shared/api.ts';
import { NotFoundError } from '#shared/errors.ts';
import type { Language, User } from '#shared/model.ts';
import {
  listedWords,
  listingOf,
  listingWords,
  matchesSearch,
  PEOPLE_PAGE,
  type PersonCard,
  personCard,
  searchWords,
} from '#shared/people.ts';
import type { ProfileClaims } from '#shared/profile.ts';
import { BriefCache } from '../storage/brief-cache.ts';
import type { Db } from '../storage/client.ts';
import { fromItem, keys, partitions } from '../storage/keys.ts';
import { inPartition, queryAll, queryPage } from '../storage/query-all.ts';
import { updatedWhere } from './conditional.ts';
import { readThrough } from './read-through.ts';

/** How long a profile read is reused by this process; a role change elsewhere is seen after at most this. */
export const PROFILE_CACHE_MS = 30_000;

/** Directory items one search reads at most; the rest of a very common prefix is not shown. */
const SEARCH_READ_LIMIT = 100;

type TransactItems = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>;

export class UserRepository {
  private readonly cache = new BriefCache<User>(PROFILE_CACHE_MS, () => this.now());
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  async get(id: string): Promise<User | undefined> {
    return readThrough(this.db, this.cache, id, keys.user(id));
  }

  /**
   * Looks up several users, reading only those not cached. Unknown ids are left out. The map holds
   * them in the order asked (a BatchGetItem answers in any order, and which are cached varies), so
   * lists made from it, such as an escalation's recipients, do not depend on either.
   */
  async getMany(ids: Iterable<string>): Promise<Map<string, User>> {
    const asked = [...new Set(ids)];
    const found = new Map<string, User>();
    const missing: string[] = [];
    for (const id of asked) {
      const hit = this.cache.get(id);
      if (hit) found.set(id, hit);
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
    if (missing.length === 0) return found;
    const inOrder = new Map<string, User>();
    for (const id of asked) {
      const user = found.get(id);
      if (user) inOrder.set(id, user);
    }
    return inOrder;
  }

  async list(): Promise<User[]> {
    const items = await queryAll(this.db, inPartition(partitions.allUsers()));
    return items.map((item) => fromItem<User>(item));
  }

  async members(department: string): Promise<Member[]> {
    const out = await queryPage(this.db, inPartition(partitions.membersOfDepartment(department)));
    return (out.Items ?? []).map((item) => ({ id: item.userId, name: item.name, role: item.role }) as Member);
  }

  /**
   * Writes the user and their membership items; memberships the user no longer holds (compared with
   * `previous`) are deleted in the same transaction. `extra` items (e.g. an audit record) ride along.
   */
  async save(user: User, previous?: User, extra: Record<string, unknown>[] = []): Promise<void> {
    const { words, listed } = listingOf(user);
    const items: TransactItems = [
      {
        Put: {
          TableName: this.db.tableName,
          Item: { ...keys.user(user.id), ...keys.usersCollection(user.name), type: 'user', ...user, listed },
        },
      },
      ...this.listingWrites(user, words, previous ? listingWords(previous) : []),
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
    const { words, listed } = listingOf(user);
    if (out.Attributes?.listed !== listed) {
      // New name, email or department (or never listed): the directory items follow, once.
      await this.db.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            ...this.listingWrites(user, words, listedWords(out.Attributes?.listed)),
            {
              Update: {
                TableName: this.db.tableName,
                Key: keys.user(id),
                UpdateExpression: 'SET listed = :listed',
                ExpressionAttributeValues: { ':listed': listed },
              },
            },
          ],
        }),
      );
    }
    this.remember(user);
    return user;
  }

  /**
   * People whose name or email has words beginning with each word of `query`, ignoring case and
   * accents; at most PEOPLE_PAGE, by name. One Query on the longest word's prefix (at most
   * SEARCH_READ_LIMIT small items); the other words filter what it read.
   */
  async search(query: string): Promise<PersonCard[]> {
    const words = searchWords(query);
    const lead = words.reduce((a, b) => (b.length > a.length ? b : a), '');
    if (!lead) return [];
    const out = await queryPage(this.db, { ...inPartition(partitions.peopleByWord(lead)), Limit: SEARCH_READ_LIMIT });
    const found = new Map<string, PersonCard>();
    for (const item of out.Items ?? []) {
      const listing = Array.isArray(item.words) ? (item.words as string[]) : [];
      if (found.has(item.userId) || !matchesSearch(listing, words)) continue;
      found.set(item.userId, personCard(item as unknown as PersonCard));
    }
    return [...found.values()].sort((a, b) => a.name.localeCompare(b.name)).slice(0, PEOPLE_PAGE);
  }

  /** The directory items of `user` under `words`, and deletes of those under `before` no longer used. */
  private listingWrites(user: User, words: string[], before: string[]): TransactItems {
    const card = personCard(user);
    return [
      ...words.map((word) => ({
        Put: {
          TableName: this.db.tableName,
          Item: { ...keys.directoryEntry(word, user.id), type: 'person-listing', userId: user.id, ...card, words },
        },
      })),
      ...before
        .filter((word) => !words.includes(word))
        .map((word) => ({ Delete: { TableName: this.db.tableName, Key: keys.directoryEntry(word, user.id) } })),
    ];
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
    const updated = await updatedWhere(this.db, {
      Key: keys.user(id),
      UpdateExpression: `SET ${set.join(', ')}`,
      ConditionExpression: 'attribute_exists(pk)',
      ...(prefs.language ? { ExpressionAttributeNames: { '#language': 'language' } } : {}),
      ExpressionAttributeValues: values,
    });
    if (!updated) throw new NotFoundError('person_not_found', { id });
    const user = fromItem<User>(updated);
    this.remember(user);
    return user;
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
    const items: TransactItems = [
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
    const out = await queryPage(this.db, { ...inPartition(partitions.auditOfMonth(month)), Limit: 500 });
    return (out.Items ?? []).map((item) => fromItem<Record<string, unknown>>(item));
  }

  /** Drops a cached profile so the next read sees the stored one. */
  forget(id: string): void {
    this.cache.delete(id);
  }

  private remember(user: User): void {
    this.cache.set(user.id, user);
  }
}
