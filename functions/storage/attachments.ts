/**
 * Attachments live in a private S3 bucket; the API only hands out short-lived presigned URLs.
 * Keys: uploads/<userId>/<uuid>/<file name> — the owner is in the key, so an order can only
 * reference files its author uploaded.
 *
 * An upload is put under pending/<userId>/<uuid>/<file name> and copied to its key when a request
 * first attaches it (`keep`), before the order refers to it; the bucket's lifecycle rule deletes
 * what stays pending (never attached) after UPLOAD_STAGING.days. Files attached before this scheme
 * already sit at their key and are left alone.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import type { UploadTicket } from '#shared/api.ts';
import { UPLOAD_STAGING } from '#shared/model.ts';
import type { Instrument } from '../observability/tracer.ts';
import { clientOnFirstUse, s3StandIn } from '../sdk-on-first-use.ts';

const UPLOAD_SECONDS = 15 * 60;
const DOWNLOAD_SECONDS = 5 * 60;

/** The store of `bucket` in the configured region (and local endpoint), or none where no bucket is configured. */
export function bucketStore(
  bucket: string | undefined,
  config: { region: string; s3Endpoint?: string | undefined },
  instrument?: Instrument,
): AttachmentStore | undefined {
  if (!bucket) return undefined;
  return new AttachmentStore(bucket, {
    region: config.region,
    ...(config.s3Endpoint ? { endpoint: config.s3Endpoint } : {}),
    ...(instrument ? { instrument } : {}),
  });
}

export class AttachmentStore {
  /** The S3 client and presigner load on first use: most API calls never touch a file. */
  private readonly sdk: () => Promise<{
    sdk: [typeof import('@aws-sdk/client-s3'), typeof import('@aws-sdk/s3-request-presigner')];
    client: S3Client;
  }>;
  constructor(
    private readonly bucket: string,
    opts: { region: string; endpoint?: string; instrument?: Instrument },
  ) {
    // Traced in Lambda (copies and lookups; presigning sends nothing).
    this.sdk = clientOnFirstUse(
      () => Promise.all([import('@aws-sdk/client-s3'), import('@aws-sdk/s3-request-presigner')]),
      ([s3]) => new s3.S3Client({ region: opts.region, ...(opts.endpoint ? s3StandIn(opts.endpoint) : {}) }),
      opts.instrument,
    );
  }

  private async load() {
    const {
      client,
      sdk: [s3, presigner],
    } = await this.sdk();
    return { client, s3, sign: presigner.getSignedUrl };
  }

  async uploadTicket(
    userId: string,
    file: { fileName: string; contentType: string; size: number },
    now: Date,
  ): Promise<UploadTicket> {
    const safeName = file.fileName.replace(/[^\w.\- ]+/g, '_').slice(0, 120);
    const key = `uploads/${userId}/${crypto.randomUUID()}/${safeName}`;
    // Content type and length are part of the signature, so the upload cannot exceed what was allowed.
    const { client, s3, sign } = await this.load();
    const uploadUrl = await sign(
      client,
      new s3.PutObjectCommand({
        Bucket: this.bucket,
        Key: pendingKey(key),
        ContentType: file.contentType,
        ContentLength: file.size,
      }),
      { expiresIn: UPLOAD_SECONDS, signableHeaders: new Set(['content-type', 'content-length']) },
    );
    return {
      key,
      uploadUrl,
      headers: { 'content-type': file.contentType },
      expiresAt: new Date(now.getTime() + UPLOAD_SECONDS * 1000).toISOString(),
    };
  }

  /**
   * Makes uploads permanent before an order refers to them: each pending upload is copied to its
   * key (a copy inside the bucket; the pending object expires on its own). Returns the keys that
   * are neither attached already nor pending — never uploaded, or left unattached too long.
   */
  async keep(keys: Iterable<string>): Promise<string[]> {
    const missing: string[] = [];
    const { client, s3 } = await this.load();
    for (const key of new Set(keys)) {
      try {
        await client.send(new s3.HeadObjectCommand({ Bucket: this.bucket, Key: key }));
        continue;
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
      try {
        await client.send(
          new s3.CopyObjectCommand({
            Bucket: this.bucket,
            Key: key,
            CopySource: `${this.bucket}/${pendingKey(key).split('/').map(encodeURIComponent).join('/')}`,
          }),
        );
      } catch (error) {
        if (!isMissing(error)) throw error;
        missing.push(key);
      }
    }
    return missing;
  }

  /** A short-lived GET link; `as`: saved under this file name with this content type. */
  async downloadUrl(
    key: string,
    seconds = DOWNLOAD_SECONDS,
    as?: { fileName: string; contentType: string },
  ): Promise<string> {
    const { client, s3, sign } = await this.load();
    return sign(
      client,
      new s3.GetObjectCommand({
        Bucket: this.bucket,
        Key: key,
        ...(as
          ? {
              ResponseContentDisposition: `attachment; filename="${as.fileName.replace(/[^\w.-]+/g, '_')}"`,
              ResponseContentType: as.contentType,
            }
          : {}),
      }),
      { expiresIn: seconds },
    );
  }

  /** Every object key under `prefix` (a person's uploads, their exports). */
  async list(prefix: string): Promise<string[]> {
    const { client, s3 } = await this.load();
    const found: string[] = [];
    let token: string | undefined;
    do {
      const out = await client.send(
        new s3.ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }),
      );
      for (const item of out.Contents ?? []) if (item.Key) found.push(item.Key);
      token = out.IsTruncated ? out.NextContinuationToken : undefined;
    } while (token);
    return found;
  }

  /**
   * Deletes objects for good: the bucket is versioned, so every version and delete marker of the key
   * goes too (a key already gone is fine: deleting is idempotent).
   */
  async remove(keys: Iterable<string>): Promise<number> {
    const { client, s3 } = await this.load();
    let removed = 0;
    for (const key of new Set(keys)) {
      await client.send(new s3.DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
      for (const versionId of await this.versionsOf(key)) {
        await client.send(new s3.DeleteObjectCommand({ Bucket: this.bucket, Key: key, VersionId: versionId }));
      }
      removed++;
    }
    return removed;
  }

  /** The version ids of a key (none on a store without versioning, such as the local stand-in). */
  private async versionsOf(key: string): Promise<string[]> {
    const { client, s3 } = await this.load();
    const ids: string[] = [];
    try {
      let keyMarker: string | undefined;
      let versionMarker: string | undefined;
      do {
        const out = await client.send(
          new s3.ListObjectVersionsCommand({
            Bucket: this.bucket,
            Prefix: key,
            KeyMarker: keyMarker,
            VersionIdMarker: versionMarker,
          }),
        );
        for (const v of [...(out.Versions ?? []), ...(out.DeleteMarkers ?? [])]) {
          if (v.Key === key && v.VersionId && v.VersionId !== 'null') ids.push(v.VersionId);
        }
        keyMarker = out.IsTruncated ? out.NextKeyMarker : undefined;
        versionMarker = out.IsTruncated ? out.NextVersionIdMarker : undefined;
      } while (keyMarker);
    } catch (error) {
      const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
      // The stand-in (s3rver) answers 405 or 501 to listing versions: it keeps none.
      if (
        ['NotImplemented', 'MethodNotAllowed'].includes(e.name ?? '') ||
        [405, 501].includes(e.$metadata?.httpStatusCode ?? 0)
      )
        return [];
      throw error;
    }
    return ids;
  }

  /** Writes a JSON document (a person's export) to be downloaded as a file. */
  async putJson(key: string, body: unknown, fileName: string): Promise<void> {
    const { client, s3 } = await this.load();
    await client.send(
      new s3.PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: JSON.stringify(body, null, 2),
        ContentType: 'application/json',
        ContentDisposition: `attachment; filename="${fileName}"`,
      }),
    );
  }
}

/** A key as `uploadTicket` makes them, of `owner` when given. */
const UPLOAD_KEY = /^uploads\/([^/]+)\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/[^/]+$/;

export function isUploadKey(value: unknown, owner?: string): value is string {
  if (typeof value !== 'string') return false;
  const match = UPLOAD_KEY.exec(value);
  return match !== null && (owner === undefined || match[1] === owner);
}

/** Where the upload of `key` waits until it is attached. */
export function pendingKey(key: string): string {
  return `${UPLOAD_STAGING.prefix}${key.slice('uploads/'.length)}`;
}

function isMissing(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404;
}

/**
 * Every attachment key an order refers to: answers of attachment fields, and files handed over with
 * inputs or deliverables (their authors were checked when they were attached). A key typed into a
 * text answer is not a file of the order.
 */
export function attachmentKeys(
  order: {
    answers: Record<string, unknown>;
    inputs: Array<{ attachment?: string }>;
    deliverables: Array<{ attachment?: string }>;
  },
  form: ReadonlyArray<{ id: string; kind: string }>,
): Set<string> {
  const keys = new Set<string>();
  for (const field of form) {
    const value = order.answers[field.id];
    if (field.kind === 'attachment' && typeof value === 'string') keys.add(value);
  }
  for (const item of [...order.inputs, ...order.deliverables]) if (item.attachment) keys.add(item.attachment);
  return keys;
}
