/**
 * Memory of process trees on Linux, from /proc: PSS (proportional set size, /proc/<pid>/smaps_rollup,
 * readable by root or the owner) and RSS. PSS divides each shared page among the processes that map
 * it, so forked workers sharing copy-on-write pages are not counted several times over.
 */
import { closeSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';

export interface ProcMemory {
  pid: number;
  /** A short name for the process (program and its first telling argument). */
  name: string;
  pssMiB: number;
  rssMiB: number;
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function kib(text: string | undefined, field: string): number | undefined {
  const match = text ? new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text) : null;
  return match ? Number(match[1]) : undefined;
}

export function parentOf(pid: number): number | undefined {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

export function commandLine(pid: number): string[] {
  return (read(`/proc/${pid}/cmdline`) ?? '').split('\0').filter(Boolean);
}

/** `pid` and all its descendants that are alive now. */
export function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = parentOf(Number(entry));
    if (parent === undefined) continue;
    children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const out: number[] = [];
  const walk = (p: number) => {
    if (read(`/proc/${p}/stat`) === undefined) return;
    out.push(p);
    for (const c of children.get(p) ?? []) walk(c);
  };
  walk(pid);
  return out;
}

/** A readable name: `java (DynamoDBLocal.jar)`, `node (aws-ses-v2-local)`, `postgres: walwriter`. */
export function processName(pid: number): string {
  const argv = commandLine(pid);
  const program = (argv[0] ?? '?').split('/').pop() ?? '?';
  if (program === 'java') return `java (${argv.find((a) => a.endsWith('.jar')) ?? 'JVM'})`;
  if (program === 'node') {
    const script = argv.slice(1).find((a) => !a.startsWith('-') && !a.startsWith('file:') && !a.endsWith('.cjs'));
    return `node (${script?.split('node_modules/').pop() ?? 'node'})`;
  }
  if (argv.length === 1 && argv[0]!.includes(':')) return argv[0]!; // PostgreSQL retitles its processes
  return [program, ...argv.slice(1, 3)].join(' ');
}

export function memoryOf(pid: number): ProcMemory | undefined {
  const status = read(`/proc/${pid}/status`);
  const rss = kib(status, 'VmRSS');
  if (rss === undefined) return undefined;
  const pss = kib(read(`/proc/${pid}/smaps_rollup`), 'Pss');
  return { pid, name: processName(pid), pssMiB: (pss ?? Number.NaN) / 1024, rssMiB: rss / 1024 };
}

export function treeMemory(pid: number): ProcMemory[] {
  return processTree(pid)
    .map(memoryOf)
    .filter((m): m is ProcMemory => m !== undefined);
}

export const sumPss = (list: ProcMemory[]) => list.reduce((sum, m) => sum + m.pssMiB, 0);
export const sumRss = (list: ProcMemory[]) => list.reduce((sum, m) => sum + m.rssMiB, 0);

/**
 * The memory a group of processes would hold on a machine of its own: every physical page any of them
 * maps, counted once (from /proc/<pid>/pagemap, root only). PSS divides a shared page among all the
 * processes that map it, including other programs' (another Node or Java process shares the runtime's
 * code), so it depends on what else runs; this does not. Returns NaN when pagemap cannot be read.
 */
export function ownPagesMiB(pids: number[]): number {
  const seen = new Set<number>();
  const entry = Buffer.alloc(8 * 4096);
  for (const pid of pids) {
    const smaps = read(`/proc/${pid}/smaps`);
    if (!smaps) continue;
    let fd: number;
    try {
      fd = openSync(`/proc/${pid}/pagemap`, 'r');
    } catch {
      return Number.NaN;
    }
    try {
      let range: [number, number] | undefined;
      for (const line of smaps.split('\n')) {
        const header = /^([0-9a-f]+)-([0-9a-f]+) /.exec(line);
        if (header) {
          range = [Number.parseInt(header[1]!, 16), Number.parseInt(header[2]!, 16)];
          continue;
        }
        if (!range || !line.startsWith('Rss:') || / 0 kB/.test(line)) continue;
        for (let page = range[0] / 4096; page < range[1] / 4096; page += 4096) {
          const count = Math.min(4096, range[1] / 4096 - page);
          const got = readSync(fd, entry, 0, count * 8, page * 8);
          for (let i = 0; i + 8 <= got; i += 8) {
            const high = entry.readUInt32LE(i + 4);
            if ((high & 0x80000000) === 0) continue; // not present
            const pfn = (high & 0x7fffff) * 2 ** 32 + entry.readUInt32LE(i);
            if (pfn === 0) return Number.NaN; // PFNs hidden: not root
            seen.add(pfn);
          }
        }
        range = undefined;
      }
    } finally {
      closeSync(fd);
    }
  }
  return (seen.size * 4096) / 2 ** 20;
}
