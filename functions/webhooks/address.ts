/**
 * Where a webhook may be sent: only to public unicast addresses over HTTPS. Private, loopback,
 * link-local (the cloud metadata service), unique-local, carrier-grade NAT, reserved and embedded
 * IPv4 ranges are refused, so a subscription cannot make Ordo call into its own network. The host is
 * resolved and checked when subscribing, and again on every connection (the lookup the request itself
 * uses), so a name that later resolves elsewhere (DNS rebinding) is refused too.
 *
 * `allowLocal` (WEBHOOKS_ALLOW_LOCAL, only on the local and test stages) admits plain http and
 * loopback, for a receiver on the same machine.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

export type TargetRefusal = 'not_https' | 'private_address' | 'unresolvable' | 'bad_url';

export class TargetRefusedError extends Error {
  override readonly name = 'TargetRefusedError';
  constructor(readonly reason: TargetRefusal) {
    super(`The webhook URL is refused: ${reason}.`);
  }
}

export interface TargetPolicy {
  allowLocal: boolean;
}

/** Whether an address is one a webhook may reach. */
export function isPublicAddress(address: string, policy: TargetPolicy): boolean {
  if (!ipaddr.isValid(address)) return false;
  const range = ipaddr.process(address).range();
  if (range === 'unicast') return true;
  return policy.allowLocal && range === 'loopback';
}

/** The URL, if its scheme and (literal) host may be used at all; names are checked on lookup. */
export function parseTarget(raw: string, policy: TargetPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TargetRefusedError('bad_url');
  }
  if (url.username || url.password) throw new TargetRefusedError('bad_url');
  if (url.protocol !== 'https:' && !(policy.allowLocal && url.protocol === 'http:')) {
    throw new TargetRefusedError('not_https');
  }
  const host = hostOf(url);
  if (isIP(host) && !isPublicAddress(host, policy)) throw new TargetRefusedError('private_address');
  return url;
}

/** The host without IPv6 brackets. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/** Resolves the URL's host and checks every address it has (at subscription time). */
export async function checkTarget(raw: string, policy: TargetPolicy): Promise<URL> {
  const url = parseTarget(raw, policy);
  const host = hostOf(url);
  if (isIP(host)) return url;
  const addresses = await new Promise<LookupAddress[]>((resolve, reject) =>
    dnsLookup(host, { all: true }, (error, found) => (error ? reject(error) : resolve(found))),
  ).catch(() => {
    throw new TargetRefusedError('unresolvable');
  });
  if (addresses.length === 0) throw new TargetRefusedError('unresolvable');
  if (addresses.some((a) => !isPublicAddress(a.address, policy))) throw new TargetRefusedError('private_address');
  return url;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http(s).request that refuses to connect when the name resolves to an address a
 * webhook may not reach: the check happens on the very addresses the socket will use.
 */
export function guardedLookup(policy: TargetPolicy) {
  return (hostname: string, options: { all?: boolean; family?: number | string }, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true } as { all: true }, (error, found) => {
      if (error) return callback(error, []);
      const bad = found.find((a) => !isPublicAddress(a.address, policy));
      if (bad || found.length === 0) {
        const refused = Object.assign(new TargetRefusedError('private_address'), { code: 'EWEBHOOKTARGET' });
        return callback(refused as NodeJS.ErrnoException, []);
      }
      if (options.all) return callback(null, found);
      const first = found[0]!;
      return callback(null, first.address, first.family);
    });
  };
}
