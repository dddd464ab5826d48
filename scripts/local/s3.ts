/**
 * Runs the S3 stand-in (`s3rver`) inside this process.
 * The SDK client needs `forcePathStyle: true` and the credentials in `S3_LOCAL_CREDENTIALS`.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import S3rver from 's3rver';
import { assertPortFree } from './ports.ts';
import { onShutdown } from './processes.ts';

/** s3rver checks signatures against these credentials. */
export const S3_LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

export interface S3LocalOptions {
  port: number;
  /** Where buckets and objects are stored (created when missing). */
  directory: string;
  /** Buckets to create at start (kept if they already exist). */
  buckets?: string[];
  /** Browser origins allowed to GET/PUT/POST/HEAD objects in `buckets` (e.g. presigned uploads from the web app). */
  corsOrigins?: string[];
  /** Environment variable that chooses the port, named in the "port in use" error. */
  portEnvVar?: string;
}

function corsConfiguration(origins: string[]): string {
  const xmlEscape = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const methods = ['GET', 'PUT', 'POST', 'HEAD'].map((method) => `<AllowedMethod>${method}</AllowedMethod>`).join('');
  const rules = origins
    .map(
      (origin) =>
        `<CORSRule><AllowedOrigin>${xmlEscape(origin)}</AllowedOrigin>${methods}` +
        '<AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule>',
    )
    .join('');
  return `<CORSConfiguration>${rules}</CORSConfiguration>`;
}

/** Starts s3rver on 127.0.0.1:`port`. */
export async function startS3Local(options: S3LocalOptions): Promise<{ endpoint: string; stop(): Promise<void> }> {
  const directory = resolve(options.directory);
  mkdirSync(directory, { recursive: true });
  // s3rver's listen error would surface as an uncaught 'error' event; check first for a clear message.
  await assertPortFree(options.port, 'S3 stand-in', options.portEnvVar);
  const server = new S3rver({
    port: options.port,
    address: '127.0.0.1',
    silent: true,
    directory,
    configureBuckets: (options.buckets ?? []).map((name) => ({
      name,
      configs: options.corsOrigins?.length ? [corsConfiguration(options.corsOrigins)] : [],
    })),
  });
  const address = await server.run();

  let stopped: Promise<void> | undefined;
  let unregister = () => {};
  const stop = () => {
    stopped ??= (async () => {
      unregister();
      await server.close();
    })();
    return stopped;
  };
  unregister = onShutdown(stop, 'S3 stand-in');
  return { endpoint: `http://127.0.0.1:${address.port}`, stop };
}
