import { AGENT_TOKEN_HEADER, farmAgentRoutes } from '@aipipeline/contracts'
import type { AgentTokenRecord } from '@aipipeline/db'
import { Unauthenticated } from '@aipipeline/domain'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { bindRoute } from '../../http/route-binder'
import type { TokenService } from '../auth'
import type { FarmModule } from '../farm'
import type { AgentHeartbeatService } from './agent-heartbeat.service'
import type { AgentTokenService } from './agent-token.service'

/** HTTP routes of agent tokens and the agent heartbeat; each handler is one service call. */
export function registerFarmAgentRoutes(
  app: FastifyInstance,
  tokens: TokenService,
  services: {
    agentTokens: AgentTokenService
    heartbeats: AgentHeartbeatService
    /** Render input bytes by hash, for agents that place inputs on their ComfyUI themselves. */
    inputs: Pick<FarmModule['inputs'], 'bytes'>
  },
): void {
  const { agentTokens, heartbeats, inputs } = services
  // The authenticated agent of each request, set by authenticateAgent before the handler runs.
  const agents = new WeakMap<FastifyRequest, AgentTokenRecord>()
  const authenticateAgent = async (request: FastifyRequest): Promise<void> => {
    const secret = request.headers[AGENT_TOKEN_HEADER]
    if (typeof secret !== 'string' || secret === '') {
      throw new Unauthenticated(`agent token required in the ${AGENT_TOKEN_HEADER} header`)
    }
    agents.set(request, await agentTokens.authenticate(secret))
  }

  bindRoute(app, tokens, farmAgentRoutes.createAgentToken, ({ body, principal }) =>
    agentTokens.create(body.name, principal.userId),
  )
  bindRoute(app, tokens, farmAgentRoutes.listAgentTokens, async () => ({ items: await agentTokens.list() }))
  bindRoute(app, tokens, farmAgentRoutes.revokeAgentToken, ({ params }) => agentTokens.revoke(params.id))
  bindRoute(
    app,
    tokens,
    farmAgentRoutes.agentHeartbeat,
    async ({ body, request }) => {
      const agent = agents.get(request)
      if (agent === undefined) throw new Unauthenticated('agent token required')
      return heartbeats.beat(agent, body, request.ip)
    },
    authenticateAgent,
  )
  bindRoute(
    app,
    tokens,
    farmAgentRoutes.agentRenderInput,
    async ({ params }) => {
      const file = await inputs.bytes(params.hash)
      return {
        sha256: params.hash,
        mediaType: file.mediaType,
        fileName: file.fileName,
        contentBase64: file.data.toString('base64'),
      }
    },
    authenticateAgent,
  )
}
