/**
 * The list view of an order. Kept apart from api.ts so the portal can use it without loading zod.
 */
import type { OrderSummary } from './api.ts';
import type { Order } from './model.ts';

export function toSummary(order: Order): OrderSummary {
  const s: OrderSummary = {
    number: order.number,
    title: order.title,
    serviceName: order.serviceName,
    department: order.department,
    status: order.status,
    stage: order.stage,
    priority: order.priority,
    requesterId: order.requesterId,
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
    version: order.version,
  };
  if (order.assigneeId) s.assigneeId = order.assigneeId;
  if (order.nextDueAt) s.nextDueAt = order.nextDueAt;
  return s;
}
