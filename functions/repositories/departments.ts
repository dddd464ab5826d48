/**
 * Departments and their order-number sequence.
 * Access patterns: get by code (GetItem DEPT#code/PROFILE, cached 30 s); list (Query byCollection DEPARTMENTS);
 * next order number (UpdateItem ADD on DEPT#code/ORDER_SEQUENCE — atomic, so numbers never collide);
 * the last number given out (GetItem of the same item: the search backfill walks numbers up to it).
 */
import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditRecord } from '#shared/audit.ts';
import { ConflictError } from '#shared/errors.ts';
import type { Department } from '#shared/model.ts';
import { BriefCache } from '../storage/brief-cache.ts';
import type { Db } from '../storage/client.ts';
import { fromItem, keys, partitions } from '../storage/keys.ts';
import { inPartition, queryPage } from '../storage/query-all.ts';
import { auditPut } from './audit.ts';
import { isWriteRefused } from './conditional.ts';
import { readThrough } from './read-through.ts';

/** Order numbers start here so they look like real case numbers (HR-1001). */
export const FIRST_ORDER_NUMBER = 1001;

/** Departments change rarely and are read on every order filed, so reads are cached briefly per process. */
const CACHE_MS = 30_000;

export class DepartmentRepository {
  private readonly cache = new BriefCache<Department>(CACHE_MS, () => this.now());
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  async get(code: string): Promise<Department | undefined> {
    return readThrough(this.db, this.cache, code, keys.department(code));
  }

  async list(): Promise<Department[]> {
    const out = await queryPage(this.db, inPartition(partitions.allDepartments()));
    return (out.Items ?? []).map((item) => fromItem<Department>(item));
  }

  /**
   * Creates the department (version 1) or replaces it when `expectedVersion` matches; with `audit`,
   * its audit record goes in the same transaction.
   */
  async save(department: Department, expectedVersion?: number, audit?: AuditRecord): Promise<Department> {
    const next = { ...department, version: (expectedVersion ?? 0) + 1 };
    const put = {
      TableName: this.db.tableName,
      Item: {
        ...keys.department(next.code),
        ...keys.departmentsCollection(next.code),
        type: 'department',
        ...next,
      },
      ConditionExpression: expectedVersion === undefined ? 'attribute_not_exists(pk)' : 'version = :v',
      ...(expectedVersion === undefined ? {} : { ExpressionAttributeValues: { ':v': expectedVersion } }),
    };
    try {
      if (audit) {
        await this.db.doc.send(
          new TransactWriteCommand({ TransactItems: [{ Put: put }, auditPut(this.db.tableName, audit)] }),
        );
      } else {
        await this.db.doc.send(new PutCommand(put));
      }
    } catch (error) {
      if (isWriteRefused(error)) {
        throw new ConflictError('department_changed', { code: department.code });
      }
      throw error;
    }
    this.cache.delete(next.code);
    return next;
  }

  /** The last order number the department gave out (GetItem of its sequence), or none yet. */
  async lastOrderNumber(code: string): Promise<number | undefined> {
    const { Item } = await this.db.doc.send(
      new GetCommand({ TableName: this.db.tableName, Key: keys.orderSequence(code), ConsistentRead: true }),
    );
    return typeof Item?.next === 'number' ? Item.next : undefined;
  }

  async nextOrderNumber(code: string): Promise<string> {
    const out = await this.db.doc.send(
      new UpdateCommand({
        TableName: this.db.tableName,
        Key: keys.orderSequence(code),
        UpdateExpression: 'SET #next = if_not_exists(#next, :start) + :one',
        ExpressionAttributeNames: { '#next': 'next' },
        ExpressionAttributeValues: { ':start': FIRST_ORDER_NUMBER - 1, ':one': 1 },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return `${code}-${out.Attributes?.next as number}`;
  }
}
