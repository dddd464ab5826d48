/** What the parts of the order page share: the order, its service, names and the one way to write. */
import type { Member, OrderView } from '#shared/api.ts';
import type { Order } from '#shared/model.ts';
import type { ServiceDetail } from '../lib/api.ts';

/**
 * Runs a write against the version on screen, shows `done` on success, handles 409 by showing the
 * latest order, and reports whether it worked.
 */
export type Perform = (
  work: (version: number) => Promise<OrderView>,
  done: string,
  /** Gets the messages of a 400 by path ("answers.fullName"), besides the general message. */
  onFields?: (fields: Record<string, string>) => void,
  /**
   * Where the outcome is sure to be what the person asked for (ticking a box, a priority), the page
   * shows it at once and rolls it back if the API refuses.
   */
  optimistic?: (order: Order) => Order,
  /** What else the change does once it worked (also when it worked on a retry): clear a box, close a form. */
  extra?: WriteExtra,
) => Promise<boolean>;

export interface WriteExtra {
  afterwards?: () => void;
  /** Where the outcome is said: beside the comment box rather than at the top of the page. */
  at?: 'comment';
}

/** One change of the order, as `Perform` takes it. */
export interface OrderWrite {
  work: (version: number) => Promise<OrderView>;
  done: string;
  onFields?: ((fields: Record<string, string>) => void) | undefined;
  optimistic?: ((order: Order) => Order) | undefined;
  extra?: WriteExtra | undefined;
}

export interface OrderContext {
  order: Order;
  service: ServiceDetail | undefined;
  members: Member[] | undefined;
  busy: boolean;
  perform: Perform;
  name: (id?: string) => string;
}

export function checklistDomId(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
