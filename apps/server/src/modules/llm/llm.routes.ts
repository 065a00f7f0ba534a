import { llmRoutes } from '@aipipeline/contracts'
import type { FastifyInstance } from 'fastify'
import { bindRoute } from '../../http/route-binder'
import type { TokenService } from '../auth'
import type { LlmSettingsService } from './llm-settings.service'

/** HTTP routes of Settings → Models; each handler is one service call. */
export function registerLlmRoutes(app: FastifyInstance, tokens: TokenService, llm: LlmSettingsService): void {
  bindRoute(app, tokens, llmRoutes.listLlmDeployments, async () => ({ items: await llm.listDeployments() }))
  bindRoute(app, tokens, llmRoutes.createLlmDeployment, ({ body }) => llm.createDeployment(body))
  bindRoute(app, tokens, llmRoutes.updateLlmDeployment, ({ params, body }) => llm.updateDeployment(params.id, body))
  bindRoute(app, tokens, llmRoutes.deleteLlmDeployment, async ({ params }) => {
    await llm.deleteDeployment(params.id)
    return undefined
  })
  bindRoute(app, tokens, llmRoutes.testLlmDeployment, ({ params, body }) => llm.testDeployment(params.id, body.prompt))
  bindRoute(app, tokens, llmRoutes.listLlmPrices, () => llm.listPrices())
  bindRoute(app, tokens, llmRoutes.upsertLlmPrice, ({ body }) => llm.upsertPrice(body))
  bindRoute(app, tokens, llmRoutes.listLlmBudgets, async ({ query, principal }) => ({
    items: await llm.listBudgets(principal, query),
  }))
  bindRoute(app, tokens, llmRoutes.upsertLlmBudget, ({ body, principal }) => llm.upsertBudget(body, principal))
  bindRoute(app, tokens, llmRoutes.listLlmUsage, async ({ query, principal }) => ({
    items: await llm.listUsage(principal, query),
  }))
  bindRoute(app, tokens, llmRoutes.aggregateLlmUsage, ({ query, principal }) =>
    llm.aggregateUsage(principal, query.groupBy, query),
  )
  bindRoute(app, tokens, llmRoutes.estimateLlmCall, ({ body, principal }) => llm.estimate(body, principal))
}
