/**
 * An AWS SDK client made the first time it is needed: its package is imported only then, so a cold
 * start that never uses it does not load it (esbuild keeps the `import()` in a chunk of its own).
 */
import type { Instrument } from './observability/tracer.ts';

/** Answers the SDK and its client, made by `make` on the first call and traced with `instrument` (Lambda). */
export function clientOnFirstUse<Sdk, Client>(
  importSdk: () => Promise<Sdk>,
  make: (sdk: Sdk) => Client,
  instrument: Instrument | undefined,
): () => Promise<{ sdk: Sdk; client: Client }> {
  let loading: Promise<{ sdk: Sdk; client: Client }> | undefined;
  return () =>
    (loading ??= importSdk().then((sdk) => {
      const client = make(sdk);
      return { sdk, client: instrument?.(client) ?? client };
    }));
}

/** Where an S3 client reaches the local S3 stand-in (s3rver), which checks signatures against fixed credentials. */
export function s3StandIn(endpoint: string) {
  return {
    endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  };
}
