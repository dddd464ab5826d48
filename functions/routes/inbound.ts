/**
 * Mail in for the department's head: the inbound mail with its outcomes, and the department's
 * inbound address with its intake service. Routes and schemas: shared/inbound-routes.ts.
 * Access patterns: repositories/inbound.ts (a Query of the department's list; GetItem of the intake;
 * setting the intake is one transaction that also claims the address).
 */
import { ConflictError, NotFoundError } from '#shared/errors.ts';
import type { InboundMailView, MailIntakeView } from '#shared/inbound-routes.ts';
import type { Deps } from '../deps.ts';
import type { On } from '../http/routes.ts';
import { type InboundRecord, InboundRepository, type MailIntake } from '../repositories/inbound.ts';

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
  const inbound = new InboundRepository(deps.db);
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
    };
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
