// GPU agents: agent tokens, heartbeats that register backends and carry GPU metrics, the
// silence watchdog, agent metrics, and output file downloads for browsers and the CLI.
import { join } from 'node:path'
import {
  createAgentBackendRepository,
  createAgentTokenRepository,
  createBackendRepository,
  createRenderJobRepository,
  type DatabaseHandle,
} from '@aipipeline/db'
import type { FastifyInstance } from 'fastify'
import type { Registry } from 'prom-client'
import type { Config } from '../../config'
import type { Logger } from '../../observability/logger'
import type { TokenService } from '../auth'
import type { FarmModule } from '../farm'
import { createAgentHeartbeatService } from './agent-heartbeat.service'
import { startAgentLiveness } from './agent-liveness'
import { createAgentTokenService } from './agent-token.service'
import { registerAgentMetrics } from './farm-agent.metrics'
import { registerFarmAgentRoutes } from './farm-agent.routes'
import { farmBackendsPort } from './farm-backends.adapter'
import type { FarmBackendsPort } from './farm-backends.port'
import { registerFarmOutputRoutes } from './farm-output.routes'

export { hashAgentToken } from './agent-token.service'
export type { FarmBackendsPort } from './farm-backends.port'

export interface FarmAgentModuleDeps {
  app: FastifyInstance
  tokens: TokenService
  database: DatabaseHandle
  farm: Pick<FarmModule, 'backends' | 'jobs' | 'inputs'>
  config: Pick<Config, 'dataDir'>
  registry: Registry
  logger: Logger
  /** Replaces the farm adapter (tests). */
  backends?: FarmBackendsPort
  /** How often silent agents are looked for, ms. */
  livenessCheckMs?: number
}

/** Registers the module's routes, metrics and watchdog; the watchdog stops when the app closes. */
export function registerFarmAgentModule(deps: FarmAgentModuleDeps): void {
  const { app, tokens } = deps
  const db = deps.database.db
  const backends = deps.backends ?? farmBackendsPort(deps.farm, db)
  const agentBackends = createAgentBackendRepository(db)
  const agentTokens = createAgentTokenService({ repo: createAgentTokenRepository(db) })
  const heartbeats = createAgentHeartbeatService({ backends, agentBackends })
  registerFarmAgentRoutes(app, tokens, { agentTokens, heartbeats, inputs: deps.farm.inputs })
  registerFarmOutputRoutes(app, tokens, {
    jobs: createRenderJobRepository(db),
    assertVisible: (principal, jobId) => deps.farm.jobs.assertVisible(jobId, principal),
    storageDir: join(deps.config.dataDir, 'storage'),
  })
  const backendRepo = createBackendRepository(db)
  registerAgentMetrics(deps.registry, { backends: () => backendRepo.list(), agentBackends: () => agentBackends.list() })
  const liveness = startAgentLiveness({
    agentBackends,
    backends,
    logger: deps.logger,
    checkEveryMs: deps.livenessCheckMs ?? 1000,
  })
  app.addHook('onClose', async () => liveness.stop())
}
