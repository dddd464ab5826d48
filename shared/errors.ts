/**
 * The one set of domain errors. Handlers throw these; the API maps them to HTTP once (app.onError),
 * as problem details. An error carries a code of the refusal catalogue (shared/refusals.ts) with its
 * parameters, never words: the reader's language words it (refusal-words.*.ts). Each class accepts
 * only the codes of its status, so a code answers with the status the catalogue gives it.
 */
import {
  type CodeWithStatus,
  type FieldRefusals,
  type ParamArgs,
  PROBLEM_STATUS,
  type ProblemCode,
  type ProblemStatus,
} from './refusals.ts';

export type { FieldRefusals } from './refusals.ts';

export abstract class DomainError extends Error {
  readonly code: ProblemCode;
  readonly params: Record<string, unknown>;
  readonly status: ProblemStatus;
  readonly fields?: FieldRefusals;
  constructor(code: ProblemCode, params?: object, fields?: FieldRefusals) {
    // The code is the message: logs and stack traces name the refusal without any words.
    super(code);
    this.name = new.target.name;
    this.code = code;
    this.status = PROBLEM_STATUS[code];
    this.params = { ...(params ?? {}) };
    if (fields && Object.keys(fields).length > 0) this.fields = fields;
  }
}

/**
 * A refusal of a request answered with its code's status: the code, its parameters, and the refusals
 * of single fields. `new ValidationError('invalid_request', {}, fields)`, `new NotFoundError('order_not_found', { number })`.
 */
abstract class RefusalError<C extends ProblemCode> extends DomainError {
  constructor(code: C, ...[params, fields]: ParamArgs<C, [fields?: FieldRefusals]>) {
    super(code, params, fields);
  }
}

export class ValidationError<C extends CodeWithStatus<400> = CodeWithStatus<400>> extends RefusalError<C> {}

export class UnauthorizedError<C extends CodeWithStatus<401> = CodeWithStatus<401>> extends RefusalError<C> {}

export class ForbiddenError<C extends CodeWithStatus<403> = CodeWithStatus<403>> extends RefusalError<C> {}

export class NotFoundError<C extends CodeWithStatus<404> = CodeWithStatus<404>> extends RefusalError<C> {}

/** A write lost a race or the caller acted on a stale version. `current` lets the client refresh. */
export class ConflictError<C extends CodeWithStatus<409> = CodeWithStatus<409>> extends DomainError {
  readonly current?: unknown;
  constructor(code: C, ...[params, current]: ParamArgs<C, [current?: unknown]>) {
    super(code, params);
    if (current !== undefined) this.current = current;
  }
}

/** The request is well-formed but the domain refuses it in the order's current state. */
export class RuleViolationError<C extends CodeWithStatus<422> = CodeWithStatus<422>> extends RefusalError<C> {}

/** A body that is not JSON (HTML, a form, another character set) on a route that takes JSON. */
export class UnsupportedMediaTypeError extends DomainError {
  constructor(fields?: FieldRefusals) {
    super('unsupported_media_type', {}, fields);
  }
}

/** A person (or script) sent too many changes in a short time. */
export class TooManyRequestsError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super('too_many_requests', { seconds: retryAfterSeconds });
  }
}
