/**
 * One-off: writes the order search index for orders filed before it existed (and for terms a full
 * transaction left out), department by department, by order number, never a Scan
 * (functions/workflows/orders/backfill-search.ts). Safe to run again, or to stop and go on.
 *
 *   Locally (npm start running):  npm run backfill:search
 *   In AWS (credentials of an operator who may read and write the table):
 *     STAGE=prod TABLE_NAME=<table> AWS_REGION=<region> npm run backfill:search -- [--department=HR] [--from=1001]
 */
import { ServiceRepository } from '../functions/repositories/services.ts';
import { backfillSearch } from '../functions/workflows/orders/backfill-search.ts';
import { flag, operatorCore } from './local/operator.ts';

const core = operatorCore();
const from = flag('from');
const department = flag('department');
const started = performance.now();
const result = await backfillSearch(
  { departments: core.departments, orders: core.orders, services: new ServiceRepository(core.db) },
  {
    ...(department ? { departments: department.split(',') } : {}),
    ...(from ? { from: Number(from) } : {}),
    progress: (p) =>
      console.log(
        `${p.department}: up to ${p.department}-${p.upTo} of ${p.last}, ${p.orders} orders, ${p.terms} terms`,
      ),
  },
);
console.log(
  `Indexed ${result.orders} orders (${result.terms} terms) of ${result.departments} departments in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
);
