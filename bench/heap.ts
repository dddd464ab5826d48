/**
 * A summary of a V8 heap snapshot (the `.heapsnapshot` JSON that `v8.writeHeapSnapshot` writes): self
 * sizes by node type (compiled code, strings, objects…), the constructors holding the most, and the
 * largest strings with their first characters (module sources show up there).
 */
import { readFileSync } from 'node:fs';

export interface HeapSummary {
  totalMiB: number;
  nodes: number;
  byType: Array<{ type: string; mib: number; count: number }>;
  topObjects: Array<{ name: string; mib: number; count: number }>;
  /** Strings of 64 KiB or more: how many, their total, and the first few. */
  bigStrings: { count: number; mib: number; samples: Array<{ kib: number; start: string }> };
}

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

const MIB = 2 ** 20;

export function summarizeHeap(file: string): HeapSummary {
  const snap = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  const fields = snap.snapshot.meta.node_fields;
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const types = snap.snapshot.meta.node_types[0];
  const byType = new Map<string, { bytes: number; count: number }>();
  const byName = new Map<string, { bytes: number; count: number }>();
  const big: Array<{ bytes: number; start: string }> = [];
  let total = 0;
  const add = (map: Map<string, { bytes: number; count: number }>, key: string, bytes: number) => {
    const entry = map.get(key) ?? { bytes: 0, count: 0 };
    entry.bytes += bytes;
    entry.count++;
    map.set(key, entry);
  };
  const { nodes, strings } = snap;
  for (let i = 0; i < nodes.length; i += width) {
    const type = types[nodes[i + typeAt]!] ?? 'unknown';
    const name = strings[nodes[i + nameAt]!] ?? '';
    const bytes = nodes[i + sizeAt]!;
    total += bytes;
    add(byType, type, bytes);
    if (type === 'object' || type === 'closure' || type === 'regexp') add(byName, `${name} (${type})`, bytes);
    if ((type === 'string' || type === 'concatenated string') && bytes >= 64 * 1024) {
      big.push({ bytes, start: name.slice(0, 70).replace(/\s+/g, ' ') });
    }
  }
  big.sort((a, b) => b.bytes - a.bytes);
  const top = <T>(map: Map<string, T>, value: (t: T) => number, n: number) =>
    [...map].sort((a, b) => value(b[1]) - value(a[1])).slice(0, n);
  return {
    totalMiB: total / MIB,
    nodes: nodes.length / width,
    byType: top(byType, (e) => e.bytes, 12).map(([type, e]) => ({ type, mib: e.bytes / MIB, count: e.count })),
    topObjects: top(byName, (e) => e.bytes, 12).map(([name, e]) => ({ name, mib: e.bytes / MIB, count: e.count })),
    bigStrings: {
      count: big.length,
      mib: big.reduce((s, b) => s + b.bytes, 0) / MIB,
      samples: big.slice(0, 5).map((b) => ({ kib: b.bytes / 1024, start: b.start })),
    },
  };
}
