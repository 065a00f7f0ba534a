// One error type for everything a call can end in, so screens map failures to messages in
// one place instead of inspecting fetch responses.
import { ErrorBody } from '@aipipeline/contracts'

export type ApiFailure =
  /** The server answered with an error status; `code`/`message` come from its ErrorBody. */
  | {
      kind: 'http'
      status: number
      code: string
      message: string
      requestId?: string
      issues?: { path: string; message: string }[]
      /** Values of a coded error (e.g. a limit and a count), for its translated message. */
      details?: Record<string, unknown>
      /** From the Retry-After header of a 429, in seconds. */
      retryAfterSeconds?: number
    }
  /** The request never got an answer: server down, DNS, offline, CORS, aborted. */
  | { kind: 'network'; message: string }
  /** The server answered 2xx with a body the route contract does not describe. */
  | { kind: 'bad-response'; message: string }
  /** Our own input failed the route's body schema, so nothing was sent. */
  | { kind: 'bad-request'; message: string; issues: { path: string; message: string }[] }

export class ApiError extends Error {
  constructor(readonly failure: ApiFailure) {
    super(failure.message)
    this.name = 'ApiError'
  }

  /** HTTP status of an answered error, otherwise undefined. */
  get status(): number | undefined {
    return this.failure.kind === 'http' ? this.failure.status : undefined
  }
}

/** Builds an ApiError from a non-2xx response, whether or not its body is a proper ErrorBody. */
export async function errorFromResponse(res: Response): Promise<ApiError> {
  const text = await res.text().catch(() => '')
  const retryAfter = parseRetryAfter(res.headers.get('retry-after'))
  let json: unknown
  try {
    json = text ? JSON.parse(text) : undefined
  } catch {
    json = undefined
  }
  const parsed = ErrorBody.safeParse(json)
  if (parsed.success) {
    const { code, message, issues, details } = parsed.data.error
    return new ApiError({
      kind: 'http',
      status: res.status,
      code,
      message,
      requestId: parsed.data.requestId,
      ...(issues ? { issues } : {}),
      ...(details ? { details } : {}),
      ...(retryAfter !== undefined ? { retryAfterSeconds: retryAfter } : {}),
    })
  }
  // A proxy or a crashed server can answer with HTML or nothing; keep the status honest.
  return new ApiError({
    kind: 'http',
    status: res.status,
    code: `http_${res.status}`,
    message: res.statusText || `HTTP ${res.status}`,
    ...(retryAfter !== undefined ? { retryAfterSeconds: retryAfter } : {}),
  })
}

/** Retry-After is either delta-seconds or an HTTP date; we only need whole seconds. */
function parseRetryAfter(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds)
  const date = Date.parse(value)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, Math.ceil((date - Date.now()) / 1000))
}
