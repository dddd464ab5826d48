/**
 * API tokens of service accounts.
 * Access patterns: token by id on every token request (GetItem APITOKEN#id/TOKEN, not cached, so a
 * revocation holds from the next request); a department's tokens (Query byCollection
 * DEPT#code#APITOKENS); last use (conditional UpdateItem, at most once a minute per token).
 * A token is written together with its service account's profile (USER#apitoken-id, in no list), so
 * the order pages name orders filed through it after the token.
 */
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { type ApiToken, LAST_USED_EVERY_MS, serviceAccountId } from '#shared/integrations.ts';
import type { User } from '#shared/model.ts';
import type { Db } from '../storage/client.ts';
import { fromItem, keys, partitions } from '../storage/keys.ts';
import { inPartition, queryAll, queryPage } from '../storage/query-all.ts';
import { updatedWhere, updateWhere } from './conditional.ts';

export interface StoredToken extends ApiToken {
  hash: string;
}

/** The profile a token's service account has: a name, no email, no roles. */
export function serviceAccountOf(token: Pick<ApiToken, 'id' | 'name'>): User {
  return { id: serviceAccountId(token.id), name: `${token.name} (API)`, email: '', memberships: {}, admin: false };
}

/** How long a token's record is kept after it expires (listed as expired), then the table's TTL removes it. */
const KEEP_EXPIRED_DAYS = 90;

/**
 * The token of a stored item. Its expiry is stored as `validUntil`: `expiresAt` is the table's TTL
 * attribute (epoch seconds), which is set to remove the record a while after the token expired.
 */
function tokenOf(item: Record<string, unknown>): StoredToken {
  const { validUntil, ...rest } = fromItem<Omit<StoredToken, 'expiresAt'> & { validUntil: string }>(item);
  return { ...rest, expiresAt: validUntil };
}

function withoutHash(stored: StoredToken): ApiToken {
  const { hash: _hash, ...token } = stored;
  return token;
}

export class TokenRepository {
  constructor(private readonly db: Db) {}

  async get(id: string): Promise<StoredToken | undefined> {
    const { Item } = await this.db.doc.send(new GetCommand({ TableName: this.db.tableName, Key: keys.apiToken(id) }));
    return Item ? tokenOf(Item) : undefined;
  }

  async create(token: ApiToken, hash: string): Promise<void> {
    const account = serviceAccountOf(token);
    await this.db.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: this.db.tableName,
              Item: {
                ...keys.apiToken(token.id),
                ...keys.apiTokenListed(token.department, token.createdAt, token.id),
                type: 'apiToken',
                ...token,
                validUntil: token.expiresAt,
                expiresAt: Math.floor(Date.parse(token.expiresAt) / 1000) + KEEP_EXPIRED_DAYS * 86_400,
                hash,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: this.db.tableName,
              Item: { ...keys.user(account.id), type: 'serviceAccount', ...account },
            },
          },
        ],
      }),
    );
  }

  async ofDepartment(department: string): Promise<ApiToken[]> {
    const items = await queryAll(this.db, inPartition(partitions.apiTokensOfDepartment(department)));
    return items.map((item) => withoutHash(tokenOf(item)));
  }

  /** Revokes the token (kept, listed as revoked); answers it, or undefined when it is not the department's. */
  async revoke(department: string, id: string, by: string, at: string): Promise<ApiToken | undefined> {
    const revoked = await updatedWhere(this.db, {
      Key: keys.apiToken(id),
      UpdateExpression: 'SET revokedAt = if_not_exists(revokedAt, :at), revokedBy = if_not_exists(revokedBy, :by)',
      ConditionExpression: 'attribute_exists(pk) AND department = :department',
      ExpressionAttributeValues: { ':at': at, ':by': by, ':department': department },
    });
    return revoked ? withoutHash(tokenOf(revoked)) : undefined;
  }

  /**
   * The person with this email, for filing on their behalf: reads the people list (byCollection
   * USERS) with a filter, page by page, so its cost grows with the number of profiles (a Query, never
   * a Scan); an email index would make it one read.
   */
  async personByEmail(email: string): Promise<User | undefined> {
    const wanted = email.trim().toLowerCase();
    const everyone = inPartition(partitions.allUsers());
    let start: Record<string, unknown> | undefined;
    do {
      const out = await queryPage(this.db, {
        ...everyone,
        FilterExpression: 'email = :email OR email = :given',
        ExpressionAttributeValues: { ...everyone.ExpressionAttributeValues, ':email': wanted, ':given': email.trim() },
        ExclusiveStartKey: start,
      });
      const found = out.Items?.[0];
      if (found) return fromItem<User>(found);
      start = out.LastEvaluatedKey;
    } while (start);
    return undefined;
  }

  /** Records a use unless one was recorded in the last minute (then it writes nothing). */
  async touch(token: ApiToken, now: Date): Promise<void> {
    if (token.lastUsedAt && now.getTime() - Date.parse(token.lastUsedAt) < LAST_USED_EVERY_MS) return;
    const before = new Date(now.getTime() - LAST_USED_EVERY_MS).toISOString();
    await updateWhere(this.db, {
      Key: keys.apiToken(token.id),
      UpdateExpression: 'SET lastUsedAt = :now',
      // Another request of the same minute may have written it already.
      ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(lastUsedAt) OR lastUsedAt < :before)',
      ExpressionAttributeValues: { ':now': now.toISOString(), ':before': before },
    });
  }
}
