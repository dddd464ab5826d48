/**
 * Services (catalog items) and their published versions.
 * Access patterns: current version by id (GetItem SVC#id/CURRENT; for filing an order also kept per
 * process for CURRENT_SERVICE_CACHE_MS, see `forFiling`); a published version by id and
 * number (GetItem SVC#id/V#n, immutable so cached forever); services of a department (Query
 * byCollection DEPT#code#SERVICES); the published catalog (Query CATALOG — one small entry per
 * published service, written in the same transaction as the publish).
 */
import { BatchGetCommand, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { ServiceSummary } from '#shared/api.ts';
import type { AuditRecord } from '#shared/audit.ts';
import { ConflictError } from '#shared/errors.ts';
import type { Service } from '#shared/model.ts';
import { BriefCache } from '../storage/brief-cache.ts';
import type { Db } from '../storage/client.ts';
import { fromItem, keys, partitions } from '../storage/keys.ts';
import { inPartition, queryAll, queryPage } from '../storage/query-all.ts';
import { auditPut } from './audit.ts';

export function summarize(service: Service): ServiceSummary {
  return {
    id: service.id,
    department: service.department,
    name: service.name,
    summary: service.summary,
    tags: service.tags,
    standard: service.standard,
    ...(service.translations
      ? {
          translations: Object.fromEntries(
            Object.entries(service.translations).map(([language, words]) => [
              language,
              { ...(words?.name ? { name: words.name } : {}), ...(words?.summary ? { summary: words.summary } : {}) },
            ]),
          ),
        }
      : {}),
  };
}

/**
 * How long this process reuses a service's current item when an order is filed. A service changes
 * only when its head or owner saves it; a save in this process is seen at once, a save in another
 * process (another Lambda container) after at most this long.
 */
export const CURRENT_SERVICE_CACHE_MS = 5_000;

/** Current services kept at most per process (a catalog has tens; ids that name no service are never kept). */
export const CURRENT_SERVICE_CACHE_ENTRIES = 500;

export class ServiceRepository {
  private readonly versions = new Map<string, Service>();
  private readonly current: BriefCache<Service>;
  /** Counts the starts and ends of saves in this process; a read that overlapped one is not kept. */
  private saves = 0;

  constructor(
    private readonly db: Db,
    now: () => number = Date.now,
    keep: { ms: number; entries: number } = { ms: CURRENT_SERVICE_CACHE_MS, entries: CURRENT_SERVICE_CACHE_ENTRIES },
  ) {
    this.current = new BriefCache<Service>(keep.ms, now, keep.entries);
  }

  /** The service as it is now (read from the table every time: editors and checks see the latest). */
  async get(id: string): Promise<Service | undefined> {
    const saves = this.saves;
    const { Item } = await this.db.doc.send(
      new GetCommand({ TableName: this.db.tableName, Key: keys.serviceCurrent(id) }),
    );
    if (!Item) {
      this.current.delete(id);
      return undefined;
    }
    const service = fromItem<Service>(Item);
    if (saves === this.saves) this.current.set(id, service);
    return service;
  }

  /**
   * The service to file an order under: its current item, reused for up to CURRENT_SERVICE_CACHE_MS
   * (one read less on every order filed). A save through this repository drops it at once.
   */
  async forFiling(id: string): Promise<Service | undefined> {
    return this.current.get(id) ?? this.get(id);
  }

  /** The version an order was filed under. */
  async getVersion(id: string, version: number): Promise<Service | undefined> {
    const cacheKey = `${id}@${version}`;
    const hit = this.versions.get(cacheKey);
    if (hit) return hit;
    const { Item } = await this.db.doc.send(
      new GetCommand({ TableName: this.db.tableName, Key: keys.serviceVersion(id, version) }),
    );
    if (!Item) return undefined;
    const service = fromItem<Service>(Item);
    this.versions.set(cacheKey, service);
    return service;
  }

  /** The department of each of these service ids that exists (BatchGetItem of the current items, 100 a call). */
  async departmentsOf(ids: readonly string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += 100) {
      let request: Record<string, { Keys: Record<string, unknown>[]; ProjectionExpression: string }> | undefined = {
        [this.db.tableName]: {
          Keys: unique.slice(i, i + 100).map((id) => keys.serviceCurrent(id)),
          ProjectionExpression: 'id, department',
        },
      };
      while (request && Object.keys(request).length > 0) {
        const out = await this.db.doc.send(new BatchGetCommand({ RequestItems: request }));
        for (const item of out.Responses?.[this.db.tableName] ?? [])
          found.set(String(item.id), String(item.department));
        request = out.UnprocessedKeys as typeof request;
      }
    }
    return found;
  }

  async listByDepartment(department: string): Promise<Service[]> {
    const out = await queryPage(this.db, inPartition(partitions.servicesOfDepartment(department)));
    return (out.Items ?? []).map((item) => fromItem<Service>(item));
  }

  async catalog(): Promise<ServiceSummary[]> {
    const items = await queryAll(this.db, inPartition(partitions.catalog()));
    return items.map((item) => fromItem<ServiceSummary>(item));
  }

  /**
   * Writes a new version of the service, conditional on the version the editor saw. A published
   * version also gets an immutable snapshot (orders point at it) and a catalog entry.
   */
  async save(
    service: Service,
    expectedVersion: number | undefined,
    now: string,
    /** The change's audit record, written in the same transaction. */
    audit?: (saved: Service) => AuditRecord,
  ): Promise<Service> {
    const next: Service = { ...service, version: (expectedVersion ?? 0) + 1, updatedAt: now };
    // Every save of a published service publishes a version; the count is the version people see.
    if (next.status === 'published') next.publication = (service.publication ?? 0) + 1;
    const current = {
      ...keys.serviceCurrent(next.id),
      ...keys.servicesOfDepartment(next.department, next.name),
      type: 'service',
      ...next,
    };
    const items: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']> = [
      {
        Put: {
          TableName: this.db.tableName,
          Item: current,
          ConditionExpression: expectedVersion === undefined ? 'attribute_not_exists(pk)' : 'version = :v',
          ...(expectedVersion === undefined ? {} : { ExpressionAttributeValues: { ':v': expectedVersion } }),
        },
      },
    ];
    if (next.status === 'published') {
      items.push({
        Put: {
          TableName: this.db.tableName,
          Item: { ...keys.serviceVersion(next.id, next.version), type: 'serviceVersion', ...next },
        },
      });
      items.push({
        Put: {
          TableName: this.db.tableName,
          Item: { ...keys.catalogEntry(next.department, next.id), type: 'catalogEntry', ...summarize(next) },
        },
      });
    } else {
      items.push({ Delete: { TableName: this.db.tableName, Key: keys.catalogEntry(next.department, next.id) } });
    }
    if (audit) items.push(auditPut(this.db.tableName, audit(next)));
    this.saves++;
    this.current.delete(service.id);
    try {
      await this.db.doc.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      if ((error as Error).name === 'TransactionCanceledException') {
        throw new ConflictError('service_changed', { id: service.id });
      }
      throw error;
    } finally {
      // Saved, refused or unknown: the next order filed in this process reads the service again.
      this.saves++;
      this.current.delete(service.id);
    }
    return next;
  }
}
