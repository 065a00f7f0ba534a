import { reviewProxyRoutes as r } from '@aipipeline/contracts'
import type { FastifyInstance } from 'fastify'
import { bindRoute } from '../../../http/route-binder'
import type { TokenService } from '../../auth'
import type { ReviewProxyService } from './review-proxy.service'

/** HTTP routes of review proxies; each handler is one service call. */
export function registerReviewProxyRoutes(app: FastifyInstance, tokens: TokenService, proxies: ReviewProxyService) {
  bindRoute(app, tokens, r.getReviewProxy, ({ principal, params }) => proxies.view(principal, params.versionId))
  bindRoute(app, tokens, r.makeReviewProxy, ({ principal, params }) => proxies.request(principal, params.versionId))
}
