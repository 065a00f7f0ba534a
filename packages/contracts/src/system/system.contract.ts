import { access } from '@aipipeline/domain'
import { z } from 'zod'
import { defineRoute } from '../http/route'

export const Health = z
  .object({
    status: z.enum(['ok', 'degraded']),
    version: z.string(),
    database: z.enum(['sqlite', 'postgres']),
    queue: z.enum(['local', 'bullmq']),
    uptimeSeconds: z.number().nonnegative(),
  })
  .meta({ id: 'Health' })
export type Health = z.infer<typeof Health>

export const systemRoutes = {
  health: defineRoute({
    method: 'GET',
    path: '/api/health',
    summary: 'Liveness and configuration summary',
    tags: ['system'],
    access: access.public,
    response: Health,
  }),
}
