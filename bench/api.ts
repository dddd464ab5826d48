/**
 * Calls the real Hono app in-process (`app.request`): the full route stack — request context, guard
 * (token, profile, audience, write limit), body validation, workflow, JSON — minus the socket.
 */
import { createApp } from '../functions/app.ts';
import type { Deps } from '../functions/deps.ts';
import { signInWithCodeFlow, type Tokens } from '../scripts/local/oidc-sign-in.ts';
import { benchOidc } from './env.ts';

/** The order the benchmarks file: an HR employment certificate, for the bank. */
export const CERTIFICATE = { serviceId: 'hr-certificate', answers: { purpose: 'Bank' } };

export interface Caller {
  json<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
}

export type BenchApp = ReturnType<typeof createApp>;

export function appFor(deps: Deps): BenchApp {
  return createApp(deps);
}

/**
 * A bearer token for a demo person, accepted by the API built from `deps` (or from the same
 * configuration in another process). Every benchmark signs in through here, so a change of sign-in
 * touches this function only.
 */
export async function tokenFor(deps: Deps, userId: string): Promise<string> {
  return (await tokensFor(deps, userId)).accessToken;
}

/** The code flow at the benchmark's OpenID provider; the demo people's profiles are seeded. */
export async function tokensFor(deps: Deps, userId: string): Promise<Tokens> {
  const provider = await benchOidc();
  if (provider.issuer !== deps.config.auth.issuer) throw new Error('The benchmark API trusts another issuer.');
  return signInWithCodeFlow(provider, userId);
}

export async function callerFor(app: BenchApp, deps: Deps, userId: string): Promise<Caller> {
  const token = await tokenFor(deps, userId);
  return {
    async json<T>(method: string, path: string, body?: unknown) {
      const res = await app.request(`/api/v1${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      return { status: res.status, body: (await res.json()) as T };
    },
  };
}

/** Throws with the answer when a call did not succeed, so a broken route never passes as fast. */
export function expectOk<T>(what: string, res: { status: number; body: T }): T {
  if (res.status < 200 || res.status >= 300) {
    throw new Error(`${what} answered HTTP ${res.status}: ${JSON.stringify(res.body).slice(0, 500)}`);
  }
  return res.body;
}

/** The 90-day report period ending today (UTC dates). */
export function reportPeriod(now: Date, days = 90): { from: string; to: string } {
  const to = now.toISOString().slice(0, 10);
  const from = new Date(now.getTime() - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  return { from, to };
}
