/**
 * The one set of domain errors. Handlers throw these; the API maps them to HTTP once (app.onError).
 * Messages are written for the person reading them.
 */
export type FieldErrors = Record<string, string>;

export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429;
  readonly fields?: FieldErrors;
  constructor(message: string, fields?: FieldErrors) {
    super(message);
    this.name = new.target.name;
    if (fields) this.fields = fields;
  }
}

export class ValidationError extends DomainError {
  readonly code = 'validation_failed';
  readonly status = 400;
}

export class UnauthorizedError extends DomainError {
  readonly code = 'unauthorized';
  readonly status = 401;
}

export class ForbiddenError extends DomainError {
  readonly code = 'forbidden';
  readonly status = 403;
}

export class NotFoundError extends DomainError {
  readonly code = 'not_found';
  readonly status = 404;
}

/** A write lost a race or the caller acted on a stale version. `current` lets the client refresh. */
export class ConflictError extends DomainError {
  readonly code = 'conflict';
  readonly status = 409;
  readonly current?: unknown;
  constructor(message: string, current?: unknown) {
    super(message);
    if (current !== undefined) this.current = current;
  }
}

/** The request is well-formed but the domain refuses it in the order's current state. */
export class RuleViolationError extends DomainError {
  readonly code = 'rule_violation';
  readonly status = 422;
}
