/**
 * The services' month rows for report rows written before month rows existed (shared/report-months.ts):
 * a one-off job, department by department, that reads the department's report partition (its month
 * rows, then its day rows: two Queries, never a Scan) and puts each month row as the sum of its days.
 *
 * Idempotent: a month row is put with the same sums whenever it is computed, so a second run changes
 * nothing. Safe beside live traffic: each month row is put only if no change added to it since it was
 * read (its count of changes, `writes`), read before the day rows; when a change came in between, the
 * department is read and put again. Run it once every writer adds month rows (after the deploy).
 */
import { monthRowsOf } from '#shared/report-months.ts';
import type { DepartmentRepository } from '../repositories/departments.ts';
import { monthRowId, type StatsRepository } from '../repositories/stats.ts';
import { fewAtOnce } from './few-at-once.ts';

export interface MonthBackfillDeps {
  departments: Pick<DepartmentRepository, 'list'>;
  stats: Pick<StatsRepository, 'monthSnapshot' | 'putMonthRow'>;
}

export interface MonthBackfillOptions {
  /** Only these departments (codes); all by default. */
  departments?: readonly string[];
  /** Told after each department. */
  progress?: (done: { department: string; dayRows: number; monthRows: number; attempts: number }) => void;
}

export interface MonthBackfillResult {
  departments: number;
  monthRows: number;
}

/** Reads of a department before giving up when changes keep coming in between (a busy minute). */
const ATTEMPTS = 5;

export async function backfillReportMonths(
  deps: MonthBackfillDeps,
  options: MonthBackfillOptions = {},
): Promise<MonthBackfillResult> {
  const wanted = options.departments ? new Set(options.departments) : undefined;
  const departments = (await deps.departments.list()).filter((d) => !wanted || wanted.has(d.code));
  const result: MonthBackfillResult = { departments: departments.length, monthRows: 0 };
  for (const { code } of departments) {
    for (let attempt = 1; ; attempt++) {
      const { months, days } = await deps.stats.monthSnapshot(code);
      const rows = monthRowsOf(days);
      const put = await fewAtOnce(rows, (row) =>
        deps.stats.putMonthRow(code, row, months.get(monthRowId(row.month, row.key)) ?? 'absent'),
      );
      if (!put.includes(false)) {
        result.monthRows += rows.length;
        options.progress?.({ department: code, dayRows: days.length, monthRows: rows.length, attempts: attempt });
        break;
      }
      if (attempt >= ATTEMPTS) throw new Error(`${code}: month rows kept changing during ${ATTEMPTS} reads; run again`);
    }
  }
  return result;
}
