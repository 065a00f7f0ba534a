// Error classes decide what the router does next (the LiteLLM semantics):
//
//   class             retry same deployment   then        counts toward its breaker
//   rate_limit        yes (Retry-After)        fall back   yes
//   transient/timeout yes (backoff)            fall back   yes
//   auth              no                       fall back   yes (the deployment is misconfigured)
//   context_too_long  no                       larger window only   no
//   content_policy    no                       fall back   no
//   invalid_output    no                       fall back   no
//   bad_request       no                       fail        no (our request is wrong)
//   aborted           no                       fail        no (the caller gave up)
import { APICallError, NoObjectGeneratedError, RetryError } from 'ai'
import { BrokenCircuitError, TaskCancelledError } from 'cockatiel'

export const LLM_ERROR_CLASSES = [
  'rate_limit',
  'transient',
  'timeout',
  'auth',
  'context_too_long',
  'content_policy',
  'invalid_output',
  'bad_request',
  'aborted',
  'cooling_down',
] as const
export type LlmErrorClass = (typeof LLM_ERROR_CLASSES)[number]

export interface ClassifiedError {
  errorClass: LlmErrorClass
  message: string
  statusCode: number | undefined
  /** From Retry-After / retry-after-ms, in milliseconds. */
  retryAfterMs: number | undefined
}

const CONTEXT_PATTERN =
  /context[_ ]length|maximum context|context window|prompt is too long|too many tokens|exceeds the (maximum|context)|input length exceeds/i
const POLICY_PATTERN = /content[_ ]policy|content[_ ]filter|safety system|flagged|SAFETY/i

/** Parses Retry-After (seconds or HTTP date) and retry-after-ms headers into milliseconds. */
export function retryAfterMs(headers: Record<string, string> | undefined, nowMs: number): number | undefined {
  if (!headers) return undefined
  const lower = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]))
  const ms = Number(lower.get('retry-after-ms'))
  if (Number.isFinite(ms) && ms >= 0) return ms
  const raw = lower.get('retry-after')
  if (raw === undefined) return undefined
  const seconds = Number(raw)
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000
  const at = Date.parse(raw)
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs)
}

function classOfStatus(status: number, text: string): LlmErrorClass {
  if (status < 400) return 'transient' // a success status with a broken body (cut off, not JSON)
  if (CONTEXT_PATTERN.test(text)) return 'context_too_long'
  if (status === 429) return 'rate_limit'
  if (status === 401 || status === 403) return 'auth'
  if (status === 408 || status >= 500) return 'transient'
  if (POLICY_PATTERN.test(text)) return 'content_policy'
  return 'bad_request'
}

/** Sorts any error from a provider call into one of the router's classes. */
export function classifyError(err: unknown, nowMs: number = Date.now()): ClassifiedError {
  const base = { statusCode: undefined, retryAfterMs: undefined }
  if (RetryError.isInstance(err)) return classifyError(err.lastError, nowMs)
  if (err instanceof BrokenCircuitError)
    return { ...base, errorClass: 'cooling_down', message: 'deployment is cooling down' }
  if (err instanceof TaskCancelledError) return { ...base, errorClass: 'timeout', message: 'call timed out' }
  if (APICallError.isInstance(err)) {
    const text = `${err.message} ${err.responseBody ?? ''}`
    const status = err.statusCode
    const errorClass =
      status === undefined
        ? CONTEXT_PATTERN.test(text)
          ? 'context_too_long'
          : 'transient'
        : classOfStatus(status, text)
    return {
      errorClass,
      message: err.message,
      statusCode: status,
      retryAfterMs: retryAfterMs(err.responseHeaders, nowMs),
    }
  }
  if (NoObjectGeneratedError.isInstance(err)) {
    const filtered = err.finishReason === 'content-filter'
    return { ...base, errorClass: filtered ? 'content_policy' : 'invalid_output', message: err.message }
  }
  if (err instanceof Error && err.name === 'AbortError')
    return { ...base, errorClass: 'aborted', message: 'call aborted' }
  const message = err instanceof Error ? err.message : String(err)
  // Unknown failures (sockets reset mid-body, JSON cut off) are treated as passing faults.
  return { ...base, errorClass: CONTEXT_PATTERN.test(message) ? 'context_too_long' : 'transient', message }
}

/** Whether the same deployment may be tried again for this class. */
export function isRetryableOnSameDeployment(errorClass: LlmErrorClass): boolean {
  return errorClass === 'rate_limit' || errorClass === 'transient' || errorClass === 'timeout'
}

/** Whether the failure says something about the deployment's health (feeds its breaker). */
export function countsAgainstDeployment(errorClass: LlmErrorClass): boolean {
  return errorClass === 'rate_limit' || errorClass === 'transient' || errorClass === 'timeout' || errorClass === 'auth'
}

/** Whether the router should stop instead of trying another deployment. */
export function endsTheCall(errorClass: LlmErrorClass): boolean {
  return errorClass === 'bad_request' || errorClass === 'aborted'
}

/** One failed attempt, as reported in RouterFailed. */
export interface AttemptFailure {
  deploymentId: string
  errorClass: LlmErrorClass
  message: string
  /** The model's raw answer when it was not valid for the schema (for a repair re-ask). */
  output?: string
}

/** No deployment could answer: every candidate was skipped or failed. */
export class RouterFailed extends Error {
  readonly attempts: AttemptFailure[]
  readonly skipped: { deploymentId: string; reason: string }[]
  constructor(summary: string, attempts: AttemptFailure[], skipped: { deploymentId: string; reason: string }[]) {
    super(summary)
    this.name = 'RouterFailed'
    this.attempts = attempts
    this.skipped = skipped
  }

  /** The last answer rejected as invalid structured output, if any. */
  get lastInvalidOutput(): string | undefined {
    return this.attempts.findLast((a) => a.errorClass === 'invalid_output' && a.output !== undefined)?.output
  }
}

/** The error for a call no deployment answered, listing every attempt and skip. */
export function routerFailure(
  taskClass: string,
  hadCandidates: boolean,
  failures: AttemptFailure[],
  skipped: { deploymentId: string; reason: string }[],
): RouterFailed {
  const tried = failures.map((f) => `${f.deploymentId}: ${f.errorClass} (${f.message})`)
  const notTried = skipped.map((s) => `${s.deploymentId}: ${s.reason}`)
  const detail = [...tried, ...notTried].join('; ') || 'no deployments configured'
  const lead = hadCandidates
    ? `every deployment failed for this ${taskClass} call`
    : `no deployment can take this ${taskClass} call`
  return new RouterFailed(`${lead}: ${detail}`, failures, skipped)
}
