import { agentRoutes } from '@aipipeline/contracts'
import type { FastifyInstance } from 'fastify'
import { bindRoute } from '../../http/route-binder'
import type { TokenService } from '../auth'
import type { AgentsService } from './agents.service'

/** HTTP routes of the agents module; each handler is one service call. */
export function registerAgentsRoutes(app: FastifyInstance, tokens: TokenService, agents: AgentsService): void {
  bindRoute(app, tokens, agentRoutes.listAgentRuns, async ({ query, principal }) => ({
    items: await agents.listRuns(principal, query),
  }))
  bindRoute(app, tokens, agentRoutes.getAgentRun, ({ params, principal }) => agents.getRun(params.runId, principal))
  bindRoute(app, tokens, agentRoutes.retryAgentStep, async ({ params, principal }) => ({
    run: await agents.retryStep(params.runId, params.stepId, principal),
  }))
  bindRoute(app, tokens, agentRoutes.previewScript, ({ body, principal }) => agents.preview(principal, body))
  bindRoute(app, tokens, agentRoutes.startScriptAnalysis, async ({ body, principal }) => ({
    run: await agents.startScriptAnalysis(principal, body),
  }))
  bindRoute(app, tokens, agentRoutes.reviewScriptAnalysis, ({ params, principal }) =>
    agents.review(params.runId, principal),
  )
  bindRoute(app, tokens, agentRoutes.applyScriptAnalysis, ({ params, body, principal }) =>
    agents.apply(params.runId, principal, body.itemKeys),
  )
  bindRoute(app, tokens, agentRoutes.startPromptEnhancement, async ({ body, principal }) => ({
    run: await agents.startPromptEnhancement(principal, body),
  }))
  bindRoute(app, tokens, agentRoutes.decidePromptEnhancement, ({ params, body, principal }) =>
    agents.decide(params.runId, principal, body.decision),
  )
}
