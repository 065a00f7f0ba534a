import type { z } from 'zod'
import { ComfyHttpError, ComfyProtocolError } from './client-errors'

/** Minimal typed HTTP access to one ComfyUI base URL; every JSON body is parsed with zod. */
export class ComfyHttp {
  constructor(
    readonly baseUrl: string,
    private readonly fetchImpl: typeof fetch,
    private readonly timeoutMs: number,
  ) {}

  /** Raw request; the caller owns the response body. */
  async request(
    method: string,
    path: string,
    init: { body?: BodyInit; json?: unknown; timeout?: boolean } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = {}
    let body = init.body
    if (init.json !== undefined) {
      headers['content-type'] = 'application/json'
      body = JSON.stringify(init.json)
    }
    const signal = init.timeout === false ? undefined : AbortSignal.timeout(this.timeoutMs)
    return this.fetchImpl(this.baseUrl + path, {
      method,
      headers,
      ...(body === undefined ? {} : { body }),
      ...(signal ? { signal } : {}),
    })
  }

  /** Parses a JSON body with `schema`; throws ComfyProtocolError when it does not match. */
  async parse<T extends z.ZodType>(path: string, res: Response, schema: T): Promise<z.infer<T>> {
    const text = await res.text()
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      throw new ComfyProtocolError(path, `not JSON: ${text.slice(0, 200)}`)
    }
    const parsed = schema.safeParse(json)
    if (!parsed.success) throw new ComfyProtocolError(path, parsed.error.message.slice(0, 1000))
    return parsed.data
  }

  async getJson<T extends z.ZodType>(path: string, schema: T): Promise<z.infer<T>> {
    const res = await this.request('GET', path)
    if (!res.ok) throw new ComfyHttpError('GET', path, res.status, await res.text())
    return this.parse(path, res, schema)
  }

  /** POST a JSON body to a route that answers an empty 200. */
  async postEmpty(path: string, json: unknown): Promise<void> {
    const res = await this.request('POST', path, { json })
    const text = await res.text()
    if (!res.ok) throw new ComfyHttpError('POST', path, res.status, text)
  }
}
