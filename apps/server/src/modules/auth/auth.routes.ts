import { authRoutes } from '@aipipeline/contracts'
import type { FastifyInstance } from 'fastify'
import { bindRoute } from '../../http/route-binder'
import type { AuthService } from './auth.service'
import type { TokenService } from './token.service'

/** HTTP routes of the auth module; each handler is one service call. */
export function registerAuthRoutes(app: FastifyInstance, tokens: TokenService, auth: AuthService): void {
  bindRoute(app, tokens, authRoutes.login, ({ body, request }) => auth.login({ ...body, clientAddress: request.ip }))
  bindRoute(app, tokens, authRoutes.refresh, ({ body }) => auth.refresh(body.refreshToken))
  bindRoute(app, tokens, authRoutes.logout, async ({ body }) => {
    await auth.logout(body.refreshToken)
    return undefined
  })
  bindRoute(app, tokens, authRoutes.me, ({ principal }) => auth.me(principal.userId))
  bindRoute(app, tokens, authRoutes.updateMe, ({ principal, body }) => auth.updateMe(principal.userId, body))
  bindRoute(app, tokens, authRoutes.listUsers, async () => ({ items: await auth.listUsers() }))
  bindRoute(app, tokens, authRoutes.createUser, ({ body }) => auth.createUser(body))
  bindRoute(app, tokens, authRoutes.updateUser, ({ params, body }) => auth.updateUser(params.id, body))
}
