// Composes the agents module: repositories, the SmartRouter as language model, production
// tracking as the place results land, the job handler that executes runs, and the routes.
import { createAgentRunRepository, createAgentStepRepository, type DatabaseHandle, isoNow, newId } from '@aipipeline/db'
import type { SmartRouter } from '@aipipeline/llm'
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { JobHandlerRegistry, JobQueue } from '../../jobs'
import type { TokenService } from '../auth'
import type { ProductionServices } from '../production'
import { AGENT_RUN_JOB, createAgentEventSink, type EventEmitter } from './agent-events'
import { registerAgentsRoutes } from './agents.routes'
import { type AgentsService, createAgentsService } from './agents.service'
import { createProductionTrackingAdapter } from './production-tracking.adapter'
import { createRouterLanguageModel } from './router-language-model'
import type { ScriptReading } from './script-preview'

export interface AgentsModuleDeps {
  tokens: TokenService
  database: DatabaseHandle
  hub: EventEmitter
  queue: Pick<JobQueue, 'enqueue'>
  jobs: JobHandlerRegistry
  router: SmartRouter
  production: Pick<ProductionServices, 'projects' | 'shots' | 'breakdown' | 'access' | 'assignments'>
  /** Where large scripts are read, and the longest accepted (SCRIPT_MAX_CHARS). */
  scripts: ScriptReading
}

export interface AgentsModule {
  service: AgentsService
}

/** Builds the agents service, registers its job handler and routes. */
export function registerAgentsModule(app: FastifyInstance, deps: AgentsModuleDeps): AgentsModule {
  const now = () => isoNow()
  const service = createAgentsService({
    runs: createAgentRunRepository(deps.database.db),
    steps: createAgentStepRepository(deps.database.db),
    llm: createRouterLanguageModel(deps.router),
    production: createProductionTrackingAdapter(deps.production),
    queue: deps.queue,
    events: createAgentEventSink(deps.hub, now),
    now,
    newId: () => newId(),
    scripts: deps.scripts,
  })
  // Runs take minutes (one model call per chunk); two at a time keep a local model responsive.
  deps.jobs.registerJobHandler(AGENT_RUN_JOB, z.object({ runId: z.string() }), (job) => service.execute(job), {
    concurrency: 2,
  })
  registerAgentsRoutes(app, deps.tokens, service)
  return { service }
}
