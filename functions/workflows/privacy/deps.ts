/**
 * What the privacy use cases (export.ts, erase.ts, retention.ts, anonymise.ts) need: the
 * repositories that find a person's items by their keys (never a Scan) and the two buckets.
 */
import type { Logger } from '../../observability/logger.ts';
import type { DepartmentRepository } from '../../repositories/departments.ts';
import type { InboundRepository } from '../../repositories/inbound.ts';
import type { PrivacyRepository } from '../../repositories/privacy.ts';
import type { ServiceRepository } from '../../repositories/services.ts';
import type { UserRepository } from '../../repositories/users.ts';
import type { WebhookRepository } from '../../repositories/webhooks.ts';

/** What the use cases need of a bucket: the attachments bucket, or the inbound bucket's raw messages. */
export interface FileStore {
  list(prefix: string): Promise<string[]>;
  remove(keys: Iterable<string>): Promise<number>;
  putJson(key: string, body: unknown, fileName: string): Promise<void>;
  downloadUrl(key: string, seconds?: number): Promise<string>;
}

export interface PrivacyDeps {
  privacy: PrivacyRepository;
  /** Mail in's records: by sender and by the order they are about. */
  inbound: Pick<InboundRepository, 'fromSender' | 'aboutOrder' | 'rewrite' | 'forgetAnswered'>;
  /** Webhook events in the outbox, by order. */
  webhooks: Pick<WebhookRepository, 'ofOrder' | 'rewritePayload'>;
  services: Pick<ServiceRepository, 'get' | 'getVersion' | 'listByDepartment'>;
  departments: Pick<DepartmentRepository, 'list'>;
  users: Pick<UserRepository, 'fresh' | 'forget'>;
  /** Absent without an attachments bucket: the export is answered inline and no file is deleted. */
  files?: FileStore;
  /** The inbound bucket's raw messages; absent without one (then none is stored either). */
  rawMail?: Pick<FileStore, 'remove' | 'downloadUrl'>;
  log: Logger;
  now: () => Date;
}

/** How long the export's link (and the links inside it) can be used. */
export const EXPORT_LINK_SECONDS = 60 * 60;
