/**
 * Who may see and do what (SPEC §1). Pure functions over the user's memberships and the order.
 * The API calls these on every request; the portal uses them only to hide buttons.
 */
import type { ActorRole } from './lifecycle.ts';
import type { Order, Service, User } from './model.ts';

export function isAgentOf(user: User, department: string): boolean {
  return user.memberships[department] !== undefined;
}

export function isHeadOf(user: User, department: string): boolean {
  return user.memberships[department] === 'head';
}

/** The roles this user holds on this order; empty when the order is none of their business. */
export function actorRoles(
  user: User,
  order: Pick<Order, 'requesterId' | 'filedById' | 'watchers' | 'department' | 'status'>,
  service?: Pick<Service, 'approval' | 'ownerId'>,
): Set<ActorRole> {
  const roles = new Set<ActorRole>();
  if (order.requesterId === user.id || order.filedById === user.id) roles.add('requester');
  if (order.watchers.includes(user.id)) roles.add('watcher');
  if (isAgentOf(user, order.department)) roles.add('agent');
  if (isHeadOf(user, order.department)) roles.add('head');
  if (service && order.status === 'awaiting_approval') {
    const approval = service.approval;
    if (
      (approval.kind === 'head' && isHeadOf(user, order.department)) ||
      (approval.kind === 'named' && approval.approvers.includes(user.id))
    ) {
      roles.add('approver');
    }
  }
  return roles;
}

export function canViewOrder(
  user: User,
  order: Pick<Order, 'requesterId' | 'filedById' | 'watchers' | 'department' | 'status' | 'ownerId'>,
): boolean {
  return actorRoles(user, order).size > 0 || order.ownerId === user.id;
}

/** Internal notes are for the team only. */
export function canSeeInternal(user: User, order: Pick<Order, 'department'>): boolean {
  return isAgentOf(user, order.department);
}

export function canWorkQueue(user: User, department: string): boolean {
  return isAgentOf(user, department);
}

export function mayOrder(user: User, service: Pick<Service, 'audience' | 'status'>): boolean {
  if (service.status !== 'published') return false;
  if (service.audience.length === 0) return true;
  return user.department !== undefined && service.audience.includes(user.department);
}

/** Heads keep their department's canvas, calendar and contact; admins may too (SPEC §1). */
export function canEditDepartment(user: User, department: string): boolean {
  return user.admin || isHeadOf(user, department);
}

/** Only the department's head edits its catalog and standards. */
export function canEditCatalog(user: User, department: string): boolean {
  return isHeadOf(user, department);
}
