// A unit of CPU-bound work (parsing a screenplay, converting a large workflow, reading a
// spreadsheet) that may run on a worker thread. A task is a plain function exported from a
// module that imports only pure code, so a worker can load it by URL and export name; the
// same function runs inline for small inputs, which is why results are identical either way.
import {
  Conflict,
  type DomainError,
  type FieldIssue,
  InvalidTransition,
  PayloadTooLarge,
  RuleViolation,
  ValidationFailed,
  XmlTooDeep,
} from '@aipipeline/domain'
import { z } from 'zod'

const TASK = Symbol.for('aipipeline.offload-task')

export interface OffloadTask<I, O> {
  readonly [TASK]: true
  /** URL of the module that exports the task (its `import.meta.url`). */
  readonly module: string
  /** The export's name in that module. */
  readonly name: string
  run(input: I): O | Promise<O>
}

/** Declares a task; `moduleUrl` is the defining module's `import.meta.url`, `name` its export name. */
export function defineOffloadTask<I, O>(
  moduleUrl: string,
  name: string,
  run: (input: I) => O | Promise<O>,
): OffloadTask<I, O> {
  return { [TASK]: true, module: moduleUrl, name, run }
}

export function isOffloadTask(value: unknown): value is OffloadTask<unknown, unknown> {
  return typeof value === 'object' && value !== null && TASK in value
}

/** What the main thread sends a worker. */
export const OffloadMessage = z.object({ module: z.string(), name: z.string(), input: z.unknown() })
export type OffloadMessage = z.infer<typeof OffloadMessage>

const TransportedError = z.object({
  code: z.string(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
})

/** What a worker answers: the task's value, or the DomainError it threw (classes do not survive a thread hop). */
export const OffloadOutcome = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: TransportedError }),
])
export type OffloadOutcome = z.infer<typeof OffloadOutcome>

/** A DomainError as data, to cross to the main thread. */
export function transportError(err: DomainError): z.infer<typeof TransportedError> {
  const issues: FieldIssue[] | undefined = err instanceof ValidationFailed ? err.issues : undefined
  return {
    code: err.code,
    message: err.message,
    ...(err.details !== undefined ? { details: err.details } : {}),
    ...(issues !== undefined ? { issues } : {}),
  }
}

/** The DomainError a worker threw, rebuilt as the same class so the error handler maps it the same way. */
export function rebuildError(e: z.infer<typeof TransportedError>): Error {
  switch (e.code) {
    case 'validation_failed':
      return new ValidationFailed(e.message, e.issues ?? [])
    case 'rule_violation':
      return new RuleViolation(e.message, e.details)
    case 'payload_too_large':
      return new PayloadTooLarge(e.message, e.details)
    case 'conflict':
      return new Conflict(e.message, e.details)
    case 'invalid_transition':
      return new InvalidTransition(e.message, e.details)
    case 'xml_too_deep': {
      const maxDepth = typeof e.details?.maxDepth === 'number' ? e.details.maxDepth : 0
      const path = typeof e.details?.path === 'string' ? e.details.path : 'text'
      return new XmlTooDeep(maxDepth, path)
    }
    default:
      return new Error(`offloaded task failed with ${e.code}: ${e.message}`)
  }
}
