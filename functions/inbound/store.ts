/**
 * Mail in's objects: raw messages in the inbound bucket (written by SES in AWS, by the local SMTP
 * stand-in locally) and the files taken from them into the attachments bucket, under the same keys
 * uploads get (`uploads/<person>/<uuid>/<name>`), so an order refers to them like to any upload.
 */
import type { Instrument } from '../observability/tracer.ts';
import { clientOnFirstUse, s3StandIn } from '../sdk-on-first-use.ts';

export interface InboundStore {
  /** The raw message, or undefined when there is no such object. */
  raw(key: string): Promise<Buffer | undefined>;
  putRaw(key: string, body: Buffer): Promise<void>;
  /** Stores a file for `owner` and returns its attachment key. */
  putAttachment(owner: string, file: { name: string; contentType: string; content: Buffer }): Promise<string>;
}

export function createInboundStore(opts: {
  region: string;
  inboundBucket: string;
  attachmentsBucket?: string;
  endpoint?: string;
  instrument?: Instrument;
}): InboundStore {
  const load = clientOnFirstUse(
    () => import('@aws-sdk/client-s3'),
    (s3) => new s3.S3Client({ region: opts.region, ...(opts.endpoint ? s3StandIn(opts.endpoint) : {}) }),
    opts.instrument,
  );
  return {
    async raw(key) {
      const { client, sdk: s3 } = await load();
      try {
        const out = await client.send(new s3.GetObjectCommand({ Bucket: opts.inboundBucket, Key: key }));
        return out.Body ? Buffer.from(await out.Body.transformToByteArray()) : Buffer.alloc(0);
      } catch (error) {
        const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
        if (e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404) return undefined;
        throw error;
      }
    },
    async putRaw(key, body) {
      const { client, sdk: s3 } = await load();
      await client.send(
        new s3.PutObjectCommand({ Bucket: opts.inboundBucket, Key: key, Body: body, ContentType: 'message/rfc822' }),
      );
    },
    async putAttachment(owner, file) {
      if (!opts.attachmentsBucket) throw new Error('No attachments bucket is configured.');
      const { client, sdk: s3 } = await load();
      const safeName = file.name.replace(/[^\w.\- ]+/g, '_').slice(0, 120) || 'attachment';
      const key = `uploads/${owner}/${crypto.randomUUID()}/${safeName}`;
      await client.send(
        new s3.PutObjectCommand({
          Bucket: opts.attachmentsBucket,
          Key: key,
          Body: file.content,
          ContentType: file.contentType,
        }),
      );
      return key;
    },
  };
}
