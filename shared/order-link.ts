/**
 * A hand-off or bundle part as its parent order lists it. Apart from the order's filing so that
 * storage, which keeps these links, does not carry the filing rules along.
 */
import type { Order, OrderLink } from './model.ts';

/** How a parent's page lists a child order (hand-off or bundle part). */
export function linkOf(order: Order): OrderLink {
  return {
    number: order.number,
    department: order.department,
    serviceName: order.serviceName,
    status: order.status,
    stage: order.stage,
    relation: order.relation ?? 'handoff',
    ...(order.clocks?.resolution.dueAt ? { dueAt: order.clocks.resolution.dueAt } : {}),
    ...(order.standardRef ? { standardRef: order.standardRef } : {}),
  };
}
