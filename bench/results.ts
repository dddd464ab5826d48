/** What each benchmark hands back to bench/run.ts, which writes BENCHMARKS.md from it. */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

export type Verdict = 'met' | 'not met' | 'not measured' | 'report';

export interface Row {
  figure: string;
  target: string;
  measured: string;
  verdict: Verdict;
}

export interface Section {
  id: string;
  title: string;
  rows: Row[];
  /** Markdown: how it was measured, the detailed numbers. */
  details: string[];
  /** For every row not met: why, and what would fix it. */
  unmet: string[];
  seconds?: number;
  /**
   * When the section is written again from saved measurements: how they were taken, for the header
   * (the command, start, revision, minutes and load average of the run that measured).
   */
  measured?: {
    command: string;
    at: string;
    revision: string;
    seconds: number;
    load: { before: number[]; after: number[] };
  };
}

export function verdict(ok: boolean): Verdict {
  return ok ? 'met' : 'not met';
}

/** A Markdown table. */
export function table(header: string[], rows: string[][]): string {
  const esc = (cell: string) => cell.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return [
    `| ${header.map(esc).join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.map(esc).join(' | ')} |`),
  ].join('\n');
}

/** A section for a benchmark that could not run, with the reason. */
export function failedSection(id: string, title: string, error: unknown, targets: Array<[string, string]>): Section {
  const message = error instanceof Error ? error.message : String(error);
  return {
    id,
    title,
    rows: targets.map(([figure, target]) => ({ figure, target, measured: 'failed to run', verdict: 'not measured' })),
    details: [`The benchmark failed: \`${message.split('\n')[0]?.slice(0, 400)}\``],
    unmet: [`${title}: the benchmark failed (${message.split('\n')[0]?.slice(0, 200)}); see the log of the run.`],
  };
}

/** The commit measured, and what differed from it. */
export function revision(): string {
  try {
    const git = (...argv: string[]) => execFileSync('git', argv, { cwd: root, encoding: 'utf8', stdio: 'pipe' });
    const head = git('rev-parse', '--short', 'HEAD').trim();
    const changed = git('status', '--porcelain')
      .split('\n')
      .map((line) => line.slice(3).trim())
      .filter((file) => file && !/^(node_modules|\.dynamodb)\/?$/.test(file));
    if (changed.length === 0) return `commit ${head}`;
    return `commit ${head} plus uncommitted changes to ${changed.length <= 4 ? changed.join(', ') : `${changed.length} files`}`;
  } catch {
    return 'an unknown commit';
  }
}
