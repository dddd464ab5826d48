/**
 * Mail in for the department's head: the inbound mail with its outcomes, and the department's
 * inbound address with its intake service. Routes and schemas: shared/inbound-routes.ts.
 * Access patterns: repositories/inbound.ts (a Query of the department's list; GetItem of the intake;
 * setting the intake is one transaction that also claims the address; a raw message: GetItem of its
 * record, then a presigned GET of its object in the inbound bucket, which the API may only read).
 */
import { ConflictError, NotFoundError, RuleViolationError } from '#shared/errors.ts';
import type { InboundMailView, MailIntakeView } from '#shared/inbound-routes.ts';
import type { Deps } from '../deps.ts';
import type { On } from '../http/routes.ts';
import { onFirstUse } from '../on-first-use.ts';
import type { InboundRecord, MailIntake } from '../repositories/inbound.ts';

/** A raw message's link lives this long (seconds). */
const RAW_LINK_SECONDS = 5 * 60;

function viewOf(record: InboundRecord): InboundMailView {
  const { id, receivedAt, outcome, detail, from, subject, orderNumber, personId, size, answered } = record;
  return {
    id,
    receivedAt,
    ...(outcome ? { outcome } : {}),
    ...(detail ? { detail } : {}),
    ...(from ? { from } : {}),
    ...(subject ? { subject } : {}),
    ...(orderNumber ? { orderNumber } : {}),
    ...(personId ? { personId } : {}),
    ...(size !== undefined ? { size } : {}),
    ...(answered !== undefined ? { answered } : {}),
    ...(record.attachments
      ? {
          attachments: record.attachments.map((a) => ({
            name: a.name,
            size: a.size,
            attached: Boolean(a.key && !a.note),
          })),
        }
      : {}),
  };
}

export function inboundRoutes(deps: Deps, on: On): void {
  // The inbound mail's repository loads with the first of these routes (mail in writes it; the API only reads it).
  const inbound = onFirstUse(async () => new (await import('../repositories/inbound.ts')).InboundRepository(deps.db));
  const domain = deps.config.inbound?.domain;
  const intakeView = (intake: MailIntake): MailIntakeView => ({
    localPart: intake.localPart,
    serviceId: intake.serviceId,
    ...(domain ? { address: `${intake.localPart}@${domain}` } : {}),
  });

  on('GET /departments/:code/inbound', async (_c, { params, query }) => {
    const [page, intake] = await Promise.all([
      inbound.ofDepartment(params.code, query.cursor, query.limit),
      inbound.intakeOf(params.code),
    ]);
    return {
      items: page.items.map(viewOf),
      ...(page.cursor ? { nextCursor: page.cursor } : {}),
      ...(intake ? { intake: intakeView(intake) } : {}),
      ...(deps.rawMail ? { raw: true } : {}),
    };
  });

  on('GET /departments/:code/inbound/:id/raw', async (c, { params, query }) => {
    const store = deps.rawMail;
    if (!store) throw new RuleViolationError('attachments_off');
    const record = await inbound.get(params.id);
    // Only the department's own messages: another's, or one routed nowhere, is as unknown as none.
    if (!record || record.department !== params.code) throw new NotFoundError('file_not_found');
    const url = await store.downloadUrl(record.rawKey, RAW_LINK_SECONDS, {
      fileName: `${record.id}.eml`,
      contentType: 'message/rfc822',
    });
    return query.as === 'json' ? { url } : c.redirect(url, 302);
  });

  on('PUT /departments/:code/mail-intake', async (_c, { params, body }) => {
    const service = await deps.services.get(body.serviceId);
    // A service of another department is as unknown here as one that does not exist.
    if (!service || service.department !== params.code)
      throw new NotFoundError('service_not_found', { id: body.serviceId });
    const intake = { department: params.code, localPart: body.localPart, serviceId: service.id };
    if (!(await inbound.setIntake(intake))) throw new ConflictError('conflict');
    return intakeView(intake);
  });
}
