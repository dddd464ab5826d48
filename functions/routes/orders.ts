/**
 * Orders: file, list mine, view, change status, hand over inputs, tick deliverables, move stages,
 * hand off, comment, watchers, attachments; a department's queue; and answers by signed link.
 */
import type { ResponseOf } from '#shared/contract.ts';
import { NotFoundError, RuleViolationError, ValidationError } from '#shared/errors.ts';
import { refusal } from '#shared/refusals.ts';
import type { Deps } from '../deps.ts';
import type { On } from '../http/routes.ts';
import { idempotencyKey } from '../http/validate.ts';
import { attachmentKeys, isUploadKey } from '../storage/attachments.ts';

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
      'invalid_request',
      {},
      Object.fromEntries(missing.map((key) => [fields.get(key) ?? 'attachment', refusal('upload_again')])),
    );
  }
}

export function orderRoutes(deps: Deps, on: On): void {
  const flow = deps.orderWorkflow;
  on('POST /orders', async (c, { body }) => {
    const key = idempotencyKey(c);
    await keepUploads(deps, c.get('user').id, body);
    const { replayed, ...view } = await flow.create(c.get('user'), body, key);
    if (!replayed) deps.metrics.count('OrdersFiled', 1, { department: view.order.department });
    return replayed ? c.json(view satisfies ResponseOf<'POST /orders'>, 200) : view;
  });
  on('GET /orders/mine', async (c, { query }) => flow.mine(c.get('user'), query.cursor, query.limit));
  on('GET /orders/search', (c, { query }) => flow.search(c.get('user'), { mine: true }, query.q));
  on('GET /orders/:number', async (c, { params }) => flow.view(c.get('user'), params.number));
  on('POST /orders/:number/transitions', async (c, { params, body }) => {
    // Only answers carry files here (`inputs` names inputs to hand over again).
    await keepUploads(deps, c.get('user').id, { answers: body.answers });
    const view = await flow.transition(c.get('user'), params.number, body);
    deps.metrics.count('Transitions', 1, { action: body.action });
    return view;
  });
  on('POST /orders/:number/inputs/:inputId', async (c, { params, body }) => {
    await keepUploads(deps, c.get('user').id, body);
    return flow.handInput(c.get('user'), params.number, params.inputId, body);
  });
  on('POST /orders/:number/deliverables/:deliverableId', async (c, { params, body }) => {
    await keepUploads(deps, c.get('user').id, body);
    return flow.tickDeliverable(c.get('user'), params.number, params.deliverableId, body);
  });
  on('POST /orders/:number/stage', (c, { params, body }) => flow.moveStage(c.get('user'), params.number, body));
  on('POST /orders/:number/priority', (c, { params, body }) => flow.setPriority(c.get('user'), params.number, body));
  on('POST /orders/:number/watchers', (c, { params, body }) => flow.changeWatchers(c.get('user'), params.number, body));
  on('POST /orders/:number/handoffs', async (c, { params, body }) => {
    await keepUploads(deps, c.get('user').id, body);
    return flow.handoff(c.get('user'), params.number, body);
  });
  on('POST /orders/:number/comments', (c, { params, body }) => flow.comment(c.get('user'), params.number, body));
  on('GET /orders/:number/attachments', async (c, { params, query }) => {
    const store = deps.attachments;
    if (!store) throw new RuleViolationError('attachments_off');
    const { order, service } = await flow.viewWithService(c.get('user'), params.number);
    // Only files the order refers to, and only for people who may see the order.
    if (!attachmentKeys(order, service?.form ?? []).has(query.key)) throw new NotFoundError('file_not_found');
    const url = await store.downloadUrl(query.key);
    return query.as === 'json' ? { url } : c.redirect(url, 302);
  });
  on('POST /attachments', async (c, { body }) => {
    const store = deps.attachments;
    if (!store) throw new RuleViolationError('attachments_off');
    return store.uploadTicket(c.get('user').id, body, deps.now());
  });
  on('GET /departments/:code/search', (c, { params, query }) =>
    flow.search(c.get('user'), { department: params.code }, query.q),
  );
  on('GET /departments/:code/at-risk', (c, { params }) => flow.atRisk(c.get('user'), params.code));
  on('GET /departments/:code/queue', (c, { params, query }) =>
    flow.queue(c.get('user'), params.code, query.cursor, query.limit),
  );
}

/** Signed-link routes: no sign-in, the token is the authority (and names one order). */
export function clarificationRoutes(deps: Deps, on: On): void {
  const flow = deps.orderWorkflow;
  on('GET /clarifications/:token', (_c, { params }) => flow.clarificationByLink(params.token));
  on('POST /clarifications/:token', async (_c, { params, body }) => {
    await keepUploads(deps, undefined, body);
    return flow.answerByLink(params.token, body);
  });
}
