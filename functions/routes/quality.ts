/**
 * Quality review: surveys (by signed link or on the order page), follow-ups of low ratings, reports,
 * the backlog, and the head's insight views (customers, capacity, goals, the living canvas, the service ranking).
 */
import type { Deps } from '../deps.ts';
import type { On } from '../http/routes.ts';

export function surveyLinkRoutes(deps: Deps, on: On): void {
  const flow = deps.surveyWorkflow;
  on('GET /surveys/:token', (_c, { params }) => flow.viewByLink(params.token));
  on('POST /surveys/:token', async (_c, { params, body }) => {
    const view = await flow.rateByLink(params.token, body);
    deps.metrics.count('SurveyAnswers');
    return view;
  });
}

export function qualityRoutes(deps: Deps, on: On): void {
  on('POST /orders/:number/survey', async (c, { params, body }) => {
    const view = await deps.surveyWorkflow.rate(c.get('user'), params.number, body);
    deps.metrics.count('SurveyAnswers');
    return view;
  });
  on('GET /departments/:code/follow-ups', (c, { params }) => deps.surveyWorkflow.followUps(c.get('user'), params.code));
  on('POST /departments/:code/follow-ups/:number/close', (c, { params, body }) =>
    deps.surveyWorkflow.closeFollowUp(c.get('user'), params.code, params.number, body.note),
  );
  on('GET /departments/:code/report', async (c, { params, query: q }) => {
    const filter = {
      from: q.from,
      to: q.to,
      ...(q.service ? { service: q.service } : {}),
      ...(q.agent ? { agent: q.agent } : {}),
    };
    const report = await deps.reportWorkflow.report(c.get('user'), params.code, filter);
    if (q.format === 'csv') {
      const table = q.table ?? 'services';
      c.header('content-disposition', `attachment; filename="${report.department}-${table}-${q.from}-${q.to}.csv"`);
      return c.body(await deps.reportWorkflow.csv(report, table), 200, { 'content-type': 'text/csv; charset=utf-8' });
    }
    return report;
  });
  on('GET /departments/:code/backlog', (c, { params }) => deps.reportWorkflow.backlog(c.get('user'), params.code));
  on('GET /departments/:code/services/:id/process', (c, { params, query }) =>
    deps.processWorkflow.processMap(c.get('user'), params.code, params.id, query),
  );
  on('GET /departments/:code/services/:id/process/:step', (c, { params }) =>
    deps.orderWorkflow.stepOrders(c.get('user'), params.code, params.id, params.step),
  );
  on('GET /departments/:code/services/:id/sipoc', (c, { params, query }) =>
    deps.processWorkflow.sipoc(c.get('user'), params.code, params.id, query),
  );
  on('GET /handoffs', async (c, { query }) => {
    const view = await deps.processWorkflow.handoffMap(c.get('user'), query);
    if (query.format === 'csv') {
      c.header('content-disposition', `attachment; filename="handoffs-${view.from}-${view.to}.csv"`);
      return c.body(await deps.processWorkflow.handoffCsv(view), 200, { 'content-type': 'text/csv; charset=utf-8' });
    }
    return view;
  });
  on('GET /departments/:code/customers', (c, { params, query }) =>
    deps.insightWorkflow.customers(c.get('user'), params.code, query),
  );
  on('GET /departments/:code/capacity', (c, { params, query }) =>
    deps.insightWorkflow.capacity(c.get('user'), params.code, query),
  );
  on('GET /departments/:code/goals', (c, { params }) => deps.insightWorkflow.goals(c.get('user'), params.code));
  on('PUT /departments/:code/goals', (c, { params, body }) =>
    deps.insightWorkflow.setGoals(c.get('user'), params.code, body),
  );
  on('GET /departments/:code/canvas', (c, { params, query }) =>
    deps.canvasWorkflow.canvas(c.get('user'), params.code, query),
  );
  on('GET /departments/:code/ranking', (c, { params, query }) =>
    deps.canvasWorkflow.ranking(c.get('user'), params.code, query),
  );
  on('PUT /departments/:code/ranking', (c, { params, query, body }) =>
    deps.canvasWorkflow.setRanking(c.get('user'), params.code, query, body),
  );
}
