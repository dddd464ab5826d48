/**
 * Orders: file, list mine, view, change status, hand over inputs, tick deliverables, move stages,
 * hand off, comment, watchers, attachments; a department's queue; and answers by signed link.
 */
import { Hono } from 'hono';
import * as z from 'zod';
import {
  clarificationAnswerBody,
  commentBody,
  createOrderBody,
  departmentCodeParam,
  handInputBody,
  handoffBody,
  orderNumberParam,
  pageQuery,
  priorityBody,
  stageBody,
  tickDeliverableBody,
  transitionBody,
  uploadRequestBody,
  watchersBody,
} from '#shared/api.ts';
import { NotFoundError, RuleViolationError, ValidationError } from '#shared/errors.ts';
import type { Deps } from '../deps.ts';
import type { Guard } from '../http/access.ts';
import type { AppEnv } from '../http/context.ts';
import { jsonBody, parse, query } from '../http/validate.ts';
import { attachmentKeys, isUploadKey } from '../storage/attachments.ts';

const itemId = z.string().min(1).max(100);
const attachmentQuery = z.strictObject({
  key: z.string().min(1).max(1_024),
  as: z.enum(['json', 'redirect']).default('redirect'),
});

/**
 * Makes the uploads a request attaches permanent before the order refers to them (see
 * AttachmentStore.keep); a file never uploaded, or left unattached too long, is a 400 on its field.
 * `owner` is the caller; a signed link does not name one, and the workflow checks the owner anyway.
 */
async function keepUploads(
  deps: Deps,
  owner: string | undefined,
  body: {
    answers?: Record<string, unknown> | undefined;
    inputs?: Record<string, { attachment?: string | undefined }> | undefined;
    attachment?: string | undefined;
  },
): Promise<void> {
  if (!deps.attachments) return;
  const fields = new Map<string, string>();
  for (const [id, value] of Object.entries(body.answers ?? {}))
    if (isUploadKey(value, owner)) fields.set(value, `answers.${id}`);
  for (const [id, handed] of Object.entries(body.inputs ?? {}))
    if (isUploadKey(handed.attachment, owner)) fields.set(handed.attachment, `inputs.${id}`);
  if (isUploadKey(body.attachment, owner)) fields.set(body.attachment, 'attachment');
  if (fields.size === 0) return;
  const missing = await deps.attachments.keep(fields.keys());
  if (missing.length > 0) {
    throw new ValidationError(
      'A file to attach is not there.',
      Object.fromEntries(
        missing.map((key) => [
          fields.get(key) ?? 'attachment',
          'This file was not uploaded, or it waited too long to be attached. Upload it again.',
        ]),
      ),
    );
  }
}

export function orderRoutes(deps: Deps, guard: Guard) {
  const flow = deps.orderWorkflow;
  const number = (raw: string) => parse(orderNumberParam, raw, 'order number');
  return new Hono<AppEnv>()
    .post('/orders', guard('POST /orders'), async (c) => {
      const body = await jsonBody(c, createOrderBody);
      const key = c.req.header('idempotency-key');
      if (key !== undefined && !/^[\w-]{8,100}$/.test(key)) {
        throw new ValidationError('The Idempotency-Key header is not valid.', {
          'Idempotency-Key': 'Use 8–100 letters, digits, - or _.',
        });
      }
      await keepUploads(deps, c.get('user').id, body);
      const { replayed, ...view } = await flow.create(c.get('user'), body, key);
      if (!replayed) deps.metrics.count('OrdersFiled', 1, { department: view.order.department });
      return c.json(view, replayed ? 200 : 201);
    })
    .get('/orders/mine', guard('GET /orders/mine'), async (c) => {
      const { cursor, limit } = query(c, pageQuery);
      return c.json(await flow.mine(c.get('user'), cursor, limit));
    })
    .get('/orders/:number', guard('GET /orders/:number'), async (c) =>
      c.json(await flow.view(c.get('user'), number(c.req.param('number')))),
    )
    .post('/orders/:number/transitions', guard('POST /orders/:number/transitions'), async (c) => {
      const body = await jsonBody(c, transitionBody);
      // Only answers carry files here (`inputs` names inputs to hand over again).
      await keepUploads(deps, c.get('user').id, { answers: body.answers });
      const view = await flow.transition(c.get('user'), number(c.req.param('number')), body);
      deps.metrics.count('Transitions', 1, { action: body.action });
      return c.json(view);
    })
    .post('/orders/:number/inputs/:inputId', guard('POST /orders/:number/inputs/:inputId'), async (c) => {
      const body = await jsonBody(c, handInputBody);
      const id = parse(itemId, c.req.param('inputId'), 'input id');
      await keepUploads(deps, c.get('user').id, body);
      return c.json(await flow.handInput(c.get('user'), number(c.req.param('number')), id, body));
    })
    .post(
      '/orders/:number/deliverables/:deliverableId',
      guard('POST /orders/:number/deliverables/:deliverableId'),
      async (c) => {
        const body = await jsonBody(c, tickDeliverableBody);
        const id = parse(itemId, c.req.param('deliverableId'), 'deliverable id');
        await keepUploads(deps, c.get('user').id, body);
        return c.json(await flow.tickDeliverable(c.get('user'), number(c.req.param('number')), id, body));
      },
    )
    .post('/orders/:number/stage', guard('POST /orders/:number/stage'), async (c) => {
      const body = await jsonBody(c, stageBody);
      return c.json(await flow.moveStage(c.get('user'), number(c.req.param('number')), body));
    })
    .post('/orders/:number/priority', guard('POST /orders/:number/priority'), async (c) => {
      const body = await jsonBody(c, priorityBody);
      return c.json(await flow.setPriority(c.get('user'), number(c.req.param('number')), body));
    })
    .post('/orders/:number/watchers', guard('POST /orders/:number/watchers'), async (c) => {
      const body = await jsonBody(c, watchersBody);
      return c.json(await flow.changeWatchers(c.get('user'), number(c.req.param('number')), body));
    })
    .post('/orders/:number/handoffs', guard('POST /orders/:number/handoffs'), async (c) => {
      const body = await jsonBody(c, handoffBody);
      await keepUploads(deps, c.get('user').id, body);
      return c.json(await flow.handoff(c.get('user'), number(c.req.param('number')), body), 201);
    })
    .post('/orders/:number/comments', guard('POST /orders/:number/comments'), async (c) => {
      const body = await jsonBody(c, commentBody);
      return c.json(await flow.comment(c.get('user'), number(c.req.param('number')), body));
    })
    .get('/orders/:number/attachments', guard('GET /orders/:number/attachments'), async (c) => {
      const store = deps.attachments;
      if (!store) throw new RuleViolationError('Attachments are not configured.');
      const { key, as } = query(c, attachmentQuery);
      const { order, service } = await flow.viewWithService(c.get('user'), number(c.req.param('number')));
      // Only files the order refers to, and only for people who may see the order.
      if (!attachmentKeys(order, service?.form ?? []).has(key)) throw new NotFoundError('The order has no such file.');
      const url = await store.downloadUrl(key);
      return as === 'json' ? c.json({ url }) : c.redirect(url, 302);
    })
    .post('/attachments', guard('POST /attachments'), async (c) => {
      const store = deps.attachments;
      if (!store) throw new RuleViolationError('Attachments are not configured.');
      const body = await jsonBody(c, uploadRequestBody);
      return c.json(await store.uploadTicket(c.get('user').id, body, deps.now()), 201);
    })
    .get('/departments/:code/at-risk', guard('GET /departments/:code/at-risk'), async (c) => {
      const code = parse(departmentCodeParam, c.req.param('code'), 'department code');
      return c.json(await flow.atRisk(c.get('user'), code));
    })
    .get('/departments/:code/queue', guard('GET /departments/:code/queue'), async (c) => {
      const code = parse(departmentCodeParam, c.req.param('code'), 'department code');
      const { cursor, limit } = query(c, pageQuery);
      return c.json(await flow.queue(c.get('user'), code, cursor, limit));
    });
}

/** Signed-link routes: no sign-in, the token is the authority (and names one order). */
export function clarificationRoutes(deps: Deps, guard: Guard) {
  const flow = deps.orderWorkflow;
  return new Hono<AppEnv>()
    .get('/:token', guard('GET /clarifications/:token'), async (c) =>
      c.json(await flow.clarificationByLink(c.req.param('token'))),
    )
    .post('/:token', guard('POST /clarifications/:token'), async (c) => {
      const body = await jsonBody(c, clarificationAnswerBody);
      await keepUploads(deps, undefined, body);
      return c.json(await flow.answerByLink(c.req.param('token'), body));
    });
}
