/**
 * Where a request's CPU goes: runs a request in-process many times under the V8 sampling profiler and
 * reports the process CPU time per request (process.cpuUsage) and the main thread's busy samples
 * grouped by area (AWS SDK, Node's HTTP stack, luxon, zod, Hono, JWT, Ordo's own code, …), plus the
 * hottest functions outside the SDK and Node itself.
 */
import { Session } from 'node:inspector/promises';

export interface CpuProfile {
  /** Process CPU (user + system, all threads) per request, ms. */
  cpuMs: number;
  /** Share of the main thread's busy samples per area, 0..1. */
  areas: Record<string, number>;
  /** Hottest functions by self time outside the SDK and Node, with their share of busy samples. */
  hot: Array<{ name: string; share: number }>;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

export const AREAS = [
  'AWS SDK',
  'Node (HTTP, sockets, streams)',
  'Ordo (shared/, functions/)',
  'luxon',
  'zod',
  'Hono',
  'JWT (jose, WebCrypto)',
  'GC',
  'other',
] as const;

function areaOf(url: string, functionName: string): (typeof AREAS)[number] {
  if (functionName === '(garbage collector)') return 'GC';
  if (/node_modules\/(@aws-sdk|@smithy|@aws-crypto|@aws)\//.test(url)) return 'AWS SDK';
  if (/node_modules\/luxon\//.test(url)) return 'luxon';
  if (/node_modules\/zod\//.test(url)) return 'zod';
  if (/node_modules\/jose\//.test(url) || /crypto\/(webcrypto|mac|keys|sig)/.test(url)) {
    return 'JWT (jose, WebCrypto)';
  }
  if (/node_modules\/(hono|@hono)\//.test(url)) return 'Hono';
  if (/\/(shared|functions)\/[^/]+/.test(url) && !url.includes('node_modules')) return 'Ordo (shared/, functions/)';
  if (url.startsWith('node:') || url === '' || /undici/.test(url)) return 'Node (HTTP, sockets, streams)';
  return 'other';
}

export async function profileRequests(run: () => Promise<unknown>, runs: number, warmup = 50): Promise<CpuProfile> {
  for (let i = 0; i < warmup; i++) await run();
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    const before = process.cpuUsage();
    for (let i = 0; i < runs; i++) await run();
    const used = process.cpuUsage(before);
    const { profile } = (await session.post('Profiler.stop')) as {
      profile: { nodes: ProfileNode[]; samples: number[] };
    };
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const areas: Record<string, number> = Object.fromEntries(AREAS.map((a) => [a, 0]));
    const self = new Map<string, number>();
    let busy = 0;
    for (const id of profile.samples) {
      const node = nodes.get(id);
      if (!node) continue;
      const { functionName, url } = node.callFrame;
      if (functionName === '(idle)' || functionName === '(program)' || functionName === '(root)') continue;
      busy++;
      const area = areaOf(url, functionName);
      areas[area] = (areas[area] ?? 0) + 1;
      if (area !== 'AWS SDK' && area !== 'Node (HTTP, sockets, streams)' && area !== 'GC' && area !== 'other') {
        const file = url.includes('node_modules/')
          ? url.replace(/^.*node_modules\//, '').split('/')[0]
          : url.split('/').slice(-2).join('/');
        const key = `${functionName || '(anonymous)'} (${file})`;
        self.set(key, (self.get(key) ?? 0) + 1);
      }
    }
    for (const a of AREAS) areas[a] = busy ? (areas[a] ?? 0) / busy : 0;
    const hot = [...self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([name, n]) => ({ name, share: busy ? n / busy : 0 }));
    return { cpuMs: (used.user + used.system) / 1000 / runs, areas, hot };
  } finally {
    await session.post('Profiler.disable').catch(() => {});
    session.disconnect();
  }
}
