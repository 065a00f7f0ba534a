// Streams a render job's output file or thumbnail from storage. Not a JSON route, so it is
// bound here with the same access check the route binder applies and recorded for the matrix.
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { isAbsolute, relative, resolve } from 'node:path'
import { FarmOutputFileParams, farmOutputFileRoute } from '@aipipeline/contracts'
import type { RenderJobRepository } from '@aipipeline/db'
import { Forbidden, NotFound, roleSatisfies, Unauthenticated, ValidationFailed } from '@aipipeline/domain'
import type { FastifyInstance } from 'fastify'
import { authenticate, refuseGuestOutside } from '../../http/route-binder'
import type { Principal, TokenService } from '../auth'

/** A stored relative path resolved under the storage root; null if it would escape it. */
function insideStorage(storageDir: string, stored: string): string | null {
  const full = resolve(storageDir, stored)
  const rel = relative(resolve(storageDir), full)
  return rel.startsWith('..') || isAbsolute(rel) ? null : full
}

/** Registers GET /api/farm/jobs/:id/outputs/:outputId/(file|thumbnail). */
export function registerFarmOutputRoutes(
  app: FastifyInstance,
  tokens: TokenService,
  deps: {
    jobs: RenderJobRepository
    storageDir: string
    /** NotFound unless the caller may see the job (its project's members). */
    assertVisible(principal: Principal, jobId: string): Promise<void>
  },
): void {
  const route = farmOutputFileRoute
  app.boundRoutes.push({ method: route.method, path: route.path, access: route.access })
  app.route({
    method: route.method,
    url: route.path,
    schema: { summary: route.summary, tags: [...route.tags], security: [{ bearer: [] }] },
    onRequest: async (request) => {
      const principal = await authenticate(request, tokens)
      refuseGuestOutside(route, principal, request)
      if (principal === undefined) throw new Unauthenticated('sign in required')
      if (!roleSatisfies(route.access, principal.role)) {
        throw new Forbidden(`role ${principal.role} may not ${route.method} ${route.path}`)
      }
      request.principal = principal
    },
    handler: async (request, reply) => {
      const parsed = FarmOutputFileParams.safeParse(request.params)
      if (!parsed.success) {
        throw new ValidationFailed(
          'invalid output address',
          parsed.error.issues.map((i) => ({ path: ['params', ...i.path.map(String)].join('.'), message: i.message })),
        )
      }
      const { id, outputId, variant } = parsed.data
      if (request.principal === undefined) throw new Unauthenticated('sign in required')
      await deps.assertVisible(request.principal, id)
      const output = (await deps.jobs.outputs(id)).find((o) => o.id === outputId)
      if (!output) throw new NotFound('output', outputId)
      const stored = variant === 'file' ? output.path : output.thumbnailPath
      const full = stored === null ? null : insideStorage(deps.storageDir, stored)
      if (full === null) throw new NotFound(`${variant} of output`, outputId)
      const size = await stat(full).then(
        (s) => s.size,
        () => null,
      )
      if (size === null) throw new NotFound(`${variant} of output`, outputId)
      reply.header('content-length', size)
      reply.header('cache-control', 'private, max-age=86400, immutable')
      if (variant === 'thumbnail') reply.type('image/webp')
      else {
        reply.type(output.mime ?? 'application/octet-stream')
        reply.header('content-disposition', `attachment; filename="${output.filename.replace(/["\\\r\n]/g, '_')}"`)
      }
      return reply.send(createReadStream(full))
    },
  })
}
