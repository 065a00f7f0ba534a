// The LLM module: builds the studio's SmartRouter on the database (catalogue, ledger,
// budgets, vault) and serves Settings → Models. Other modules (agents, script analysis,
// prompt enhancement) take `router` from the value registerLlmModule returns.
import {
  createLlmBudgetRepository,
  createLlmDeploymentRepository,
  createLlmPriceRepository,
  createLlmUsageRepository,
  type DatabaseHandle,
} from '@aipipeline/db'
import { createSmartRouter, type ProviderOptions, type RouterPolicy, type SmartRouter } from '@aipipeline/llm'
import type { FastifyInstance } from 'fastify'
import type { Logger } from '../../observability/logger'
import type { RealtimeHub } from '../../realtime/realtime-hub'
import type { TokenService } from '../auth'
import { registerLlmRoutes } from './llm.routes'
import { createDatabaseCatalog, type DatabaseCatalog } from './llm-catalog'
import { createDatabaseLedger } from './llm-ledger'
import { createLlmProjectScope, type ProjectMembership } from './llm-project-scope'
import { createLlmSettingsService, type LlmSettingsService } from './llm-settings.service'
import { openStudioVault } from './llm-vault'

export { openStudioVault, rotateVaultKey } from './llm-vault'

export interface LlmModule {
  router: SmartRouter
  settings: LlmSettingsService
  catalog: DatabaseCatalog
}

export interface LlmModuleDeps {
  database: DatabaseHandle
  masterKey: Buffer
  tokens: TokenService
  hub: Pick<RealtimeHub, 'emit'>
  logger: Logger
  /** Project membership (the production module's access): budgets and usage follow it. */
  projects: ProjectMembership
  /** Tests tune backoff and cooldowns; production uses the defaults. */
  policy?: Partial<RouterPolicy>
  providerOptions?: ProviderOptions
}

/** Builds the router and registers the Settings → Models routes. */
export async function registerLlmModule(app: FastifyInstance, deps: LlmModuleDeps): Promise<LlmModule> {
  const db = deps.database.db
  const vault = await openStudioVault(db, deps.masterKey)
  const repos = {
    deployments: createLlmDeploymentRepository(db),
    prices: createLlmPriceRepository(db),
    budgets: createLlmBudgetRepository(db),
    usage: createLlmUsageRepository(db),
  }
  const catalog = createDatabaseCatalog({ deployments: repos.deployments, prices: repos.prices, vault })
  const ledger = createDatabaseLedger({
    usage: repos.usage,
    budgets: repos.budgets,
    onAlert: (alert) => {
      deps.logger.warn({ projectId: alert.projectId, month: alert.month, percent: alert.percent }, 'LLM budget alert')
      deps.hub.emit(`project:${alert.projectId}`, 'llm:budget-alert', alert)
    },
  })
  const router = createSmartRouter({
    catalog,
    usage: ledger.recorder,
    budgets: ledger.guard,
    ...(deps.policy ? { policy: deps.policy } : {}),
    ...(deps.providerOptions ? { providerOptions: deps.providerOptions } : {}),
    onEvent: (event) => {
      if (event.type === 'attempt-failed') {
        deps.logger.warn(
          {
            callId: event.callId,
            deploymentId: event.deploymentId,
            errorClass: event.errorClass,
            attempt: event.attempt,
          },
          `LLM attempt failed: ${event.message}`,
        )
      }
    },
  })
  const settings = createLlmSettingsService({
    ...repos,
    vault,
    catalog,
    router,
    scope: createLlmProjectScope(deps.projects),
  })
  await settings.seedPrices()
  registerLlmRoutes(app, deps.tokens, settings)
  return { router, settings, catalog }
}
