// A route contract: method, path, access rule and the zod schemas of everything that
// crosses the wire. The server binds these to handlers; the web client derives its calls
// from the same objects, so the two ends cannot drift.
import type { AccessRule } from '@aipipeline/domain'
import type { z } from 'zod'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface RouteContract<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  method: HttpMethod
  /** Fastify-style path, e.g. `/api/users/:id`. */
  path: string
  summary: string
  tags: readonly string[]
  access: AccessRule
  params?: P
  query?: Q
  body?: B
  /** Schema of the success body; `null` for 204 No Content. */
  response: R | null
  /** Success status code (default 200). */
  status?: 200 | 201 | 202 | 204
  /**
   * Largest accepted body in bytes, for routes that take files (spreadsheets, screenplays);
   * other routes keep the server-wide BODY_LIMIT_BYTES.
   */
  bodyLimit?: number
}

/** Declares a route contract with full type inference. */
export function defineRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
  route: RouteContract<P, Q, B, R>,
): RouteContract<P, Q, B, R> {
  return route
}
