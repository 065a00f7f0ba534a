// A small HTTP client for CLI commands talking to a running studio: contract routes with a
// bearer token, responses parsed with the contract's schema, errors carrying the server's
// message, field issues and details (node errors) so the command can print them.
import { ErrorBody, type RouteContract } from '@aipipeline/contracts'
import type { z } from 'zod'

/** The studio answered with an error; `lines` is what the user should read. */
export class StudioError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly lines: string[],
  ) {
    super(message)
  }
}

/** Formats an ErrorBody as lines: the message, then each field issue and node error. */
function errorLines(body: ErrorBody): string[] {
  const lines = [body.error.message]
  for (const issue of body.error.issues ?? []) lines.push(`  ${issue.path}: ${issue.message}`)
  const nodeErrors = body.error.details?.nodeErrors
  if (Array.isArray(nodeErrors)) for (const n of nodeErrors) lines.push(`  node ${JSON.stringify(n)}`)
  return lines
}

export class StudioClient {
  constructor(
    readonly baseUrl: string,
    private token: string | null = null,
  ) {}

  setToken(token: string): void {
    this.token = token
  }

  get accessToken(): string | null {
    return this.token
  }

  /** Performs a contract route; params fill the path. */
  async call<R extends z.ZodType>(
    route: RouteContract<z.ZodType, z.ZodType, z.ZodType, R>,
    input: { params?: Record<string, string>; body?: unknown; query?: Record<string, string> } = {},
  ): Promise<z.output<R>> {
    const res = await this.fetch(route.method, this.path(route.path, input.params, input.query), input.body)
    const json: unknown = await res.json().catch(() => undefined)
    if (route.response === null) throw new Error(`${route.path} has no response body`)
    const parsed = route.response.safeParse(json)
    if (!parsed.success) throw new Error(`${route.method} ${route.path}: the answer does not match the contract`)
    return parsed.data
  }

  /** GET of a raw path (file downloads); throws StudioError on error statuses. */
  async download(path: string): Promise<Response> {
    return this.fetch('GET', path, undefined)
  }

  private path(template: string, params: Record<string, string> = {}, query?: Record<string, string>): string {
    const path = template.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''))
    const search = query ? `?${new URLSearchParams(query).toString()}` : ''
    return `${path}${search}`
  }

  private async fetch(method: string, path: string, body: unknown): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json' }
    if (this.token !== null) headers.authorization = `Bearer ${this.token}`
    if (body !== undefined) headers['content-type'] = 'application/json'
    let res: Response
    try {
      res = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
    } catch (err) {
      const reason = err instanceof Error && err.cause instanceof Error ? err.cause.message : String(err)
      throw new StudioError(`cannot reach the studio at ${this.baseUrl}: ${reason}`, 0, [
        `cannot reach the studio at ${this.baseUrl}: ${reason}`,
      ])
    }
    if (res.ok) return res
    const parsed = ErrorBody.safeParse(await res.json().catch(() => undefined))
    const lines = parsed.success ? errorLines(parsed.data) : [`HTTP ${res.status} ${res.statusText}`]
    throw new StudioError(lines[0] ?? `HTTP ${res.status}`, res.status, lines)
  }
}
