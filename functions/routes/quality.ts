/**
 * Quality review: surveys (by signed link or on the order page), follow-ups of low ratings, reports,
 * the backlog, and the head's insight views (customers, capacity, goals).
 */
import { Hono } from 'hono';
import {
  capacityQuery,
  closeFollowUpBody,
  customersQuery,
  departmentCodeParam,
  goalsBody,
  orderNumberParam,
  reportQuery,
  surveyAnswerBody,
} from '#shared/api.ts';
import type { Deps } from '../deps.ts';
import type { Guard } from '../http/access.ts';
import type { AppEnv } from '../http/context.ts';
import { jsonBody, parse, query } from '../http/validate.ts';

export function surveyLinkRoutes(deps: Deps, guard: Guard) {
  const flow = deps.surveyWorkflow;
  return new Hono<AppEnv>()
    .get('/:token', guard('GET /surveys/:token'), async (c) => c.json(await flow.viewByLink(c.req.param('token'))))
    .post('/:token', guard('POST /surveys/:token'), async (c) => {
      const body = await jsonBody(c, surveyAnswerBody);
      const view = await flow.rateByLink(c.req.param('token'), body);
      deps.metrics.count('SurveyAnswers');
      return c.json(view);
    });
}

export function qualityRoutes(deps: Deps, guard: Guard) {
  const code = (raw: string) => parse(departmentCodeParam, raw, 'department code');
  return new Hono<AppEnv>()
    .post('/orders/:number/survey', guard('POST /orders/:number/survey'), async (c) => {
      const body = await jsonBody(c, surveyAnswerBody);
      const number = parse(orderNumberParam, c.req.param('number'), 'order number');
      const view = await deps.surveyWorkflow.rate(c.get('user'), number, body);
      deps.metrics.count('SurveyAnswers');
      return c.json(view);
    })
    .get('/departments/:code/follow-ups', guard('GET /departments/:code/follow-ups'), async (c) =>
      c.json(await deps.surveyWorkflow.followUps(c.get('user'), code(c.req.param('code')))),
    )
    .post(
      '/departments/:code/follow-ups/:number/close',
      guard('POST /departments/:code/follow-ups/:number/close'),
      async (c) => {
        const { note } = await jsonBody(c, closeFollowUpBody);
        const number = parse(orderNumberParam, c.req.param('number'), 'order number');
        return c.json(await deps.surveyWorkflow.closeFollowUp(c.get('user'), code(c.req.param('code')), number, note));
      },
    )
    .get('/departments/:code/report', guard('GET /departments/:code/report'), async (c) => {
      const q = query(c, reportQuery);
      const filter = {
        from: q.from,
        to: q.to,
        ...(q.service ? { service: q.service } : {}),
        ...(q.agent ? { agent: q.agent } : {}),
      };
      const report = await deps.reportWorkflow.report(c.get('user'), code(c.req.param('code')), filter);
      if (q.format === 'csv') {
        const table = q.table ?? 'services';
        c.header('content-disposition', `attachment; filename="${report.department}-${table}-${q.from}-${q.to}.csv"`);
        return c.body(deps.reportWorkflow.csv(report, table), 200, { 'content-type': 'text/csv; charset=utf-8' });
      }
      return c.json(report);
    })
    .get('/departments/:code/backlog', guard('GET /departments/:code/backlog'), async (c) =>
      c.json(await deps.reportWorkflow.backlog(c.get('user'), code(c.req.param('code')))),
    )
    .get('/departments/:code/customers', guard('GET /departments/:code/customers'), async (c) =>
      c.json(await deps.insightWorkflow.customers(c.get('user'), code(c.req.param('code')), query(c, customersQuery))),
    )
    .get('/departments/:code/capacity', guard('GET /departments/:code/capacity'), async (c) =>
      c.json(await deps.insightWorkflow.capacity(c.get('user'), code(c.req.param('code')), query(c, capacityQuery))),
    )
    .get('/departments/:code/goals', guard('GET /departments/:code/goals'), async (c) =>
      c.json(await deps.insightWorkflow.goals(c.get('user'), code(c.req.param('code')))),
    )
    .put('/departments/:code/goals', guard('PUT /departments/:code/goals'), async (c) => {
      const body = await jsonBody(c, goalsBody);
      return c.json(await deps.insightWorkflow.setGoals(c.get('user'), code(c.req.param('code')), body));
    });
}
