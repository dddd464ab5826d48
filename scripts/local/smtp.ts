/**
 * The local stand-in for SES receiving: an SMTP server (`smtp-server`) on 127.0.0.1 that does what
 * the receipt rule does in AWS — store the raw message in the inbound bucket (the S3 stand-in), then
 * invoke mail in with the envelope's recipients — and what Lambda does for an asynchronous
 * invocation that fails: try again later (twice), so a failed attempt loses nothing.
 *
 * No TLS and no sign-in: it listens on the loopback interface only. The SPF/DKIM/DMARC verdicts of a
 * message can be simulated with an `Authentication-Results: amazonses.com; dmarc=fail …` header.
 */
import { randomUUID } from 'node:crypto';
import { SMTPServer } from 'smtp-server';
import type { InboundDelivery } from '../../functions/inbound/mail-in.ts';
import type { InboundStore } from '../../functions/inbound/store.ts';
import { assertPortFree } from './ports.ts';
import { onShutdown } from './processes.ts';

/** SES receiving takes messages up to 40 MB; mail in refuses those above its own limit with an answer. */
const SMTP_MAX_BYTES = 40 * 1024 * 1024;

export interface SmtpStandInOptions {
  port: number;
  store: InboundStore;
  /** Key prefix of raw messages in the inbound bucket (as the receipt rule's S3 action has it). */
  prefix?: string;
  receive: (delivery: InboundDelivery) => Promise<unknown>;
  /** Waits before each retry of a failed attempt; Lambda's asynchronous retries by default (1 and 2 min). */
  retryDelaysMs?: number[];
  log?: (line: string) => void;
}

export interface SmtpStandIn {
  port: number;
  /** Resolves when every message received so far has been processed or has run out of retries. */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

export async function startSmtpStandIn(options: SmtpStandInOptions): Promise<SmtpStandIn> {
  await assertPortFree(options.port, 'SMTP stand-in', 'ORDO_SMTP_PORT');
  const delays = options.retryDelaysMs ?? [60_000, 120_000];
  const log = options.log ?? (() => {});
  const running = new Set<Promise<void>>();
  const timers = new Set<NodeJS.Timeout>();
  let stopping = false;

  const attempt = async (delivery: InboundDelivery) => {
    for (let i = 0; ; i++) {
      try {
        await options.receive(delivery);
        return;
      } catch (error) {
        const wait = delays[i];
        log(
          `mail in failed for ${delivery.key}: ${(error as Error).message}${wait === undefined ? ' (no retries left)' : ''}`,
        );
        if (wait === undefined || stopping) return;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            timers.delete(timer);
            resolve();
          }, wait);
          timers.add(timer);
        });
        if (stopping) return;
      }
    }
  };

  const server = new SMTPServer({
    name: 'ordo-smtp-stand-in',
    banner: 'Ordo mail in (local stand-in for SES receiving)',
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    size: SMTP_MAX_BYTES,
    logger: false,
    onData(stream, session, callback) {
      // The envelope is cleared once this callback returns: copy it first.
      const recipients = session.envelope.rcptTo.map((r) => r.address);
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (error) => callback(error));
      stream.on('end', () => {
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) {
          callback(Object.assign(new Error('Message too large'), { responseCode: 552 }));
          return;
        }
        const key = `${options.prefix ?? ''}${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID()}`;
        // Stored = accepted, as with SES: the sender hears 250 only once the raw message is kept.
        options.store.putRaw(key, Buffer.concat(chunks)).then(
          () => {
            callback(null, `Queued as ${key}`);
            const job = attempt({ key, recipients }).finally(() => running.delete(job));
            running.add(job);
          },
          (error: Error) => callback(Object.assign(error, { responseCode: 451 })),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;

  let stopped: Promise<void> | undefined;
  let unregister = () => {};
  const stop = () => {
    stopped ??= (async () => {
      unregister();
      stopping = true;
      for (const timer of timers) clearTimeout(timer);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.allSettled([...running]);
    })();
    return stopped;
  };
  unregister = onShutdown(stop, 'SMTP stand-in');
  return {
    port,
    async settled() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
    stop,
  };
}

/** Creates the inbound bucket in the S3 stand-in when missing (SES writes to a bucket the stack made). */
export async function ensureInboundBucket(endpoint: string, bucket: string): Promise<void> {
  const s3 = await import('@aws-sdk/client-s3');
  const client = new s3.S3Client({
    region: 'us-east-1',
    endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  try {
    await client.send(new s3.CreateBucketCommand({ Bucket: bucket }));
  } catch (error) {
    const name = (error as Error).name;
    if (name !== 'BucketAlreadyOwnedByYou' && name !== 'BucketAlreadyExists') throw error;
  } finally {
    client.destroy();
  }
}
