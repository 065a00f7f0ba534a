import { accountRoutes, authRoutes } from '@aipipeline/contracts'
import type { FastifyInstance } from 'fastify'
import { bindRoute } from '../../http/route-binder'
import type { AccountService } from './account.service'
import type { AuthService } from './auth.service'
import type { TokenService } from './token.service'

/** HTTP routes of the auth module; each handler is one service call. */
export function registerAuthRoutes(
  app: FastifyInstance,
  tokens: TokenService,
  auth: AuthService,
  accounts: AccountService,
): void {
  bindRoute(app, tokens, authRoutes.getFirstRun, () => auth.firstRunState())
  bindRoute(app, tokens, authRoutes.createFirstAdmin, ({ body }) => auth.createFirstAdmin(body))
  bindRoute(app, tokens, authRoutes.login, ({ body, request }) => auth.login({ ...body, clientAddress: request.ip }))
  bindRoute(app, tokens, authRoutes.refresh, ({ body }) => auth.refresh(body.refreshToken))
  bindRoute(app, tokens, authRoutes.logout, async ({ body }) => {
    await auth.logout(body.refreshToken)
    return undefined
  })
  bindRoute(app, tokens, authRoutes.me, ({ principal }) => auth.me(principal.userId))
  bindRoute(app, tokens, authRoutes.updateMe, ({ principal, body }) => auth.updateMe(principal.userId, body))
  bindRoute(app, tokens, authRoutes.listUsers, async () => ({ items: await accounts.listUsers() }))
  bindRoute(app, tokens, authRoutes.createUser, ({ body }) => auth.createUser(body))
  bindRoute(app, tokens, authRoutes.updateUser, ({ params, body }) => auth.updateUser(params.id, body))
  const a = accountRoutes
  bindRoute(app, tokens, a.inviteUser, ({ principal, body }) => accounts.invite(body, principal.userId))
  bindRoute(app, tokens, a.issueAccountLink, ({ principal, params }) =>
    accounts.issueLinkFor(params.id, principal.userId),
  )
  bindRoute(app, tokens, a.inspectAccountLink, ({ body }) => accounts.inspectLink(body.token))
  bindRoute(app, tokens, a.redeemAccountLink, ({ body, request }) =>
    accounts.redeemLink(body.token, body.password, request.ip),
  )
  bindRoute(app, tokens, a.changeMyPassword, ({ principal, body, request }) =>
    accounts.changePassword(principal.userId, body, request.ip),
  )
}
