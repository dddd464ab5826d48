/**
 * The list view of an order. Kept apart from api.ts so the portal can use it without loading zod.
 */
import type { OrderSummary } from './api.ts';
import type { Order } from './model.ts';

/** What a summary is made of (functions/repositories/orders.ts reads no more for a queue row). */
export type SummarySource = Pick<
  Order,
  | 'number'
  | 'title'
  | 'serviceName'
  | 'department'
  | 'status'
  | 'stage'
  | 'priority'
  | 'requesterId'
  | 'createdAt'
  | 'updatedAt'
  | 'version'
  | 'assigneeId'
  | 'nextDueAt'
>;

export function toSummary(order: SummarySource): OrderSummary {
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
