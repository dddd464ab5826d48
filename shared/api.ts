/**
 * The API's contract: request schemas (validated by the API, reused by the portal) and response shapes.
 * Paths live under /api/v1.
 */
import { z } from 'zod';
import { ACTIONS, type Action } from './lifecycle.ts';
import type { Department, Order, OrderStatus, Priority, Service, TimelineEvent, User } from './model.ts';
import { PRIORITIES } from './model.ts';

export const API_PREFIX = '/api/v1';

const id = z.string().trim().min(1, 'Required.').max(100, 'Too long.');
const answerValue = z.union([
  z.string().max(10_000, 'Too long.'),
  z.number(),
  z.boolean(),
  z.array(z.string().max(500, 'Too long.')).max(100, 'Too many values.'),
  z.null(),
]);

export const devSignInBody = z.strictObject({ userId: id });

export const createOrderBody = z.strictObject({
  serviceId: id,
  answers: z.record(z.string().max(100), answerValue).refine((a) => Object.keys(a).length <= 200, 'Too many answers.'),
  priority: z.enum(PRIORITIES).optional(),
  /** File on behalf of a colleague. */
  requesterId: id.optional(),
});
export type CreateOrderBody = z.infer<typeof createOrderBody>;

export const transitionBody = z.strictObject({
  action: z.enum(ACTIONS),
  /** The order version the caller saw; a stale one gets 409. */
  version: z.number().int().min(1),
  comment: z.string().trim().max(5_000, 'Too long.').optional(),
  reason: z.string().trim().max(200, 'Too long.').optional(),
  assigneeId: id.optional(),
});
export type TransitionBody = z.infer<typeof transitionBody>;

export const tickDeliverableBody = z.strictObject({
  version: z.number().int().min(1),
  done: z.boolean(),
  note: z.string().trim().max(2_000, 'Too long.').optional(),
});
export type TickDeliverableBody = z.infer<typeof tickDeliverableBody>;

export const commentBody = z.strictObject({
  text: z.string().trim().min(1, 'Write something.').max(5_000, 'Too long.'),
  visibility: z.enum(['public', 'internal']).default('public'),
});
export type CommentBody = z.infer<typeof commentBody>;

export const pageQuery = z.strictObject({
  cursor: z.string().max(1_000).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const orderNumberParam = z.string().regex(/^[A-Z][A-Z0-9]{1,9}-\d{1,9}$/, 'Not an order number.');
export const departmentCodeParam = z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/, 'Not a department code.');

// ---- responses ----

export interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

export interface Me {
  user: User;
}

export interface DemoUser {
  id: string;
  name: string;
  email: string;
  summary: string;
}

export interface ServiceSummary {
  id: string;
  department: string;
  name: string;
  summary: string;
  tags: string[];
  standard: Service['standard'];
}

export interface DepartmentPage {
  department: Department;
  services: ServiceSummary[];
}

export interface OrderSummary {
  number: string;
  title: string;
  serviceName: string;
  department: string;
  status: OrderStatus;
  stage: string;
  priority: Priority;
  requesterId: string;
  assigneeId?: string;
  createdAt: string;
  updatedAt: string;
  nextDueAt?: string;
  /** Lets a list act on the order (e.g. claim) without loading it first. */
  version: number;
}

export interface OrderView {
  order: Order;
  timeline: TimelineEvent[];
  /** Actions this caller may take now. */
  actions: Action[];
  /** Display names of the people mentioned on the order. */
  people: Record<string, string>;
}

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}
