// Binds a contract route whose success body is a file (exports, version images). The JSON
// route binder serialises through zod; files need the raw reply. The access rule is checked
// in onRequest exactly as bindRoute does, and the route is recorded for the matrix test.
import { createReadStream } from 'node:fs'
import type { RouteContract } from '@aipipeline/contracts'
import { Forbidden, roleSatisfies, Unauthenticated } from '@aipipeline/domain'
import type { FastifyInstance } from 'fastify'
import type { z } from 'zod'
import type { AccessTokenVerifier, Principal } from './principal'
import { authenticate, refuseGuestOutside } from './route-binder'

export interface FileBody {
  /** The bytes, or (for large media such as review proxies) a file streamed from disk. */
  data: Buffer | { absolutePath: string; sizeBytes: number }
  mediaType: string
  fileName: string
  /** `inline` for images shown in the page, `attachment` for downloads. */
  disposition: 'inline' | 'attachment'
}

type Parsed<T> = [NonNullable<T>] extends [z.ZodType] ? z.output<NonNullable<T>> : undefined

/** Registers a GET contract route that answers with file bytes. */
export function bindFileRoute<C extends RouteContract>(
  app: FastifyInstance,
  tokens: AccessTokenVerifier,
  contract: C,
  handler: (input: {
    params: Parsed<C['params']>
    query: Parsed<C['query']>
    principal: Principal
  }) => Promise<FileBody>,
): void {
  app.boundRoutes.push({ method: contract.method, path: contract.path, access: contract.access })
  app.route({
    method: contract.method,
    url: contract.path,
    schema: {
      summary: contract.summary,
      tags: [...contract.tags],
      ...(contract.params ? { params: contract.params } : {}),
      ...(contract.query ? { querystring: contract.query } : {}),
      security: [{ bearer: [] }],
    },
    onRequest: async (request) => {
      const principal = await authenticate(request, tokens)
      request.principal = principal
      refuseGuestOutside(contract, principal, request)
      if (principal === undefined) throw new Unauthenticated('sign in required')
      if (!roleSatisfies(contract.access, principal.role))
        throw new Forbidden(`role ${principal.role} may not ${contract.method} ${contract.path}`)
    },
    handler: async (request, reply) => {
      const principal = request.principal
      if (principal === undefined) throw new Unauthenticated('sign in required')
      // Fastify already parsed params and query with the contract's schemas.
      const input = { params: request.params, query: request.query, principal } as Parameters<typeof handler>[0]
      const file = await handler(input)
      const safeName = file.fileName.replace(/[^\w.-]/g, '_')
      reply
        .header('content-type', file.mediaType)
        .header('content-disposition', `${file.disposition}; filename="${safeName}"`)
        .header('cache-control', 'private, no-store')
        .header('accept-ranges', 'bytes')
      const data = file.data
      const size = Buffer.isBuffer(data) ? data.byteLength : data.sizeBytes
      const range = byteRange(request.headers.range, size)
      if (range === 'unsatisfiable') return reply.code(416).header('content-range', `bytes */${size}`).send()
      const whole = { start: 0, end: size - 1 }
      const part = range ?? whole
      const body = Buffer.isBuffer(data)
        ? data.subarray(part.start, part.end + 1)
        : size === 0
          ? Buffer.alloc(0)
          : createReadStream(data.absolutePath, part)
      if (range === undefined) return reply.header('content-length', size).send(body)
      return reply
        .code(206)
        .header('content-range', `bytes ${range.start}-${range.end}/${size}`)
        .header('content-length', range.end - range.start + 1)
        .send(body)
    },
  })
}

/**
 * The one byte range a `Range: bytes=…` header asks for, inclusive, so a player can seek in a
 * video without reading it all. Several ranges or another unit get the whole file (RFC 9110
 * lets a server ignore Range); a range wholly past the end is unsatisfiable (416).
 */
export function byteRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | 'unsatisfiable' | undefined {
  const m = header === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(header.trim())
  if (!m || (m[1] === '' && m[2] === '')) return undefined
  if (m[1] === '') {
    // `bytes=-N`: the last N bytes.
    const suffix = Number(m[2])
    if (suffix === 0 || size === 0) return 'unsatisfiable'
    return { start: Math.max(size - suffix, 0), end: size - 1 }
  }
  const start = Number(m[1])
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1)
  if (start >= size) return 'unsatisfiable'
  if (end < start) return undefined
  return { start, end }
}
