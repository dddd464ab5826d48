/**
 * One-off: the services' month rows of the report (STATS#code, M#month#S#serviceId) for day rows
 * written before month rows existed, department by department, by Queries of the department's report
 * partition, never a Scan (functions/workflows/backfill-report-months.ts). Safe to run again, and
 * beside live traffic. Run it once the deploy that writes month rows is complete.
 *
 *   Locally (npm start running):  npm run backfill:report-months
 *   In AWS (credentials of an operator who may read and write the table):
 *     STAGE=prod TABLE_NAME=<table> AWS_REGION=<region> npm run backfill:report-months -- [--department=HR,IT]
 */
import { StatsRepository } from '../functions/repositories/stats.ts';
import { backfillReportMonths } from '../functions/workflows/backfill-report-months.ts';
import { flag, operatorCore } from './local/operator.ts';

const core = operatorCore();
const department = flag('department');
const started = performance.now();
const result = await backfillReportMonths(
  { departments: core.departments, stats: new StatsRepository(core.db) },
  {
    ...(department ? { departments: department.split(',') } : {}),
    progress: (p) =>
      console.log(
        `${p.department}: ${p.monthRows} month rows from ${p.dayRows} service day rows${p.attempts > 1 ? ` (read ${p.attempts} times)` : ''}`,
      ),
  },
);
console.log(
  `Put ${result.monthRows} month rows of ${result.departments} departments in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
);
