// Typed errors raised by services and mapped to HTTP once, in the server's error handler.
// Each carries a stable machine code so clients can branch without parsing messages.

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. "body.email" or "camera.lensId". */
  path: string
  message: string
}

export abstract class DomainError extends Error {
  abstract readonly code: string
  readonly details: Record<string, unknown> | undefined
  constructor(message: string, details?: Record<string, unknown>) {
    super(message)
    this.name = new.target.name
    this.details = details
  }
}

/** The input does not have the required shape (HTTP 400). */
export class ValidationFailed extends DomainError {
  readonly code = 'validation_failed'
  readonly issues: FieldIssue[]
  constructor(message: string, issues: FieldIssue[] = []) {
    super(message, { issues })
    this.issues = issues
  }
}

/** The caller is not authenticated or the credentials are invalid (HTTP 401). */
export class Unauthenticated extends DomainError {
  readonly code = 'unauthenticated'
}

/** The caller is known but may not do this (HTTP 403). */
export class Forbidden extends DomainError {
  readonly code = 'forbidden'
}

/** The addressed thing does not exist or is invisible to the caller (HTTP 404). */
export class NotFound extends DomainError {
  readonly code = 'not_found'
  constructor(what: string, id?: string) {
    super(id === undefined ? `${what} not found` : `${what} "${id}" not found`, { what, id })
  }
}

/** The request conflicts with the current state, e.g. a duplicate (HTTP 409). */
export class Conflict extends DomainError {
  readonly code = 'conflict'
}

/** The input is well-formed but breaks a domain rule (HTTP 422). */
export class RuleViolation extends DomainError {
  readonly code = 'rule_violation'
}

/** A status change that the status flags do not allow (HTTP 422). */
export class InvalidTransition extends DomainError {
  readonly code = 'invalid_transition'
}

/** The input is larger than this studio accepts: characters, nodes, rows (HTTP 413). */
export class PayloadTooLarge extends DomainError {
  readonly code = 'payload_too_large'
}

/** Too many requests from one caller (HTTP 429). */
export class RateLimited extends DomainError {
  readonly code = 'rate_limited'
  readonly retryAfterSeconds: number
  constructor(message: string, retryAfterSeconds: number) {
    super(message, { retryAfterSeconds })
    this.retryAfterSeconds = retryAfterSeconds
  }
}

/** Exhaustiveness guard for switches over string unions. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`)
}
