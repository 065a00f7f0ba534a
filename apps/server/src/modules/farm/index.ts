// The render farm module: backends, render jobs, workflow templates, the dispatcher with its
// leader election, live events and metrics. buildApp registers it; startStudio starts and
// stops the dispatcher around listen/close.
import { join } from 'node:path'
import { MAX_RENDER_INPUT_BYTES, MAX_RENDER_INPUT_SIDE } from '@aipipeline/contracts'
import { defaultCatalog } from '@aipipeline/cpe'
import {
  createBackendHealthRepository,
  createBackendRepository,
  createProductionRepositories,
  createRenderGroupRepository,
  createRenderInputRepository,
  createRenderJobRepository,
  createWorkflowTemplateRepository,
  type DatabaseHandle,
} from '@aipipeline/db'
import { NotFound } from '@aipipeline/domain'
import type { FastifyInstance } from 'fastify'
import type { Registry } from 'prom-client'
import type { Config } from '../../config'
import type { JobHandlerRegistry, JobQueue } from '../../jobs'
import type { Logger } from '../../observability/logger'
import type { OffloadPool } from '../../offload/offload-pool'
import type { RealtimeHub } from '../../realtime/realtime-hub'
import type { TokenService } from '../auth'
import { type BackendService, createBackendService } from './backend.service'
import { farmClient } from './backend-pool'
import { type ControlMapService, createControlMapService } from './derive/control-map.service'
import { registerDeriveRoutes } from './derive/derive.routes'
import { createDeriveService, type DeriveService } from './derive/derive.service'
import { createRenderInputService, type RenderInputService } from './derive/render-input.service'
import { createVersionSource } from './derive/version-source'
import { createFarmMetrics } from './farm.metrics'
import { type FarmOptions, farmOptions } from './farm.options'
import { registerFarmRoutes } from './farm.routes'
import { FarmDispatcher } from './farm-dispatcher'
import { createFarmEvents } from './farm-events'
import { createLeaderElection, type LeaderElection } from './leader-election'
import { createObjectInfoCache } from './object-info-cache'
import { createRenderGroupService, type RenderGroupService } from './render-group.service'
import { createRenderJobService, type RenderJobService } from './render-job.service'
import { createRenderJobAccess, type ProjectAccessResolver, type RenderJobAccess } from './render-job-access'
import { createShotRenderService, type ShotRenderService } from './shot-render.service'
import { createVersionIngest, type VersionIngest } from './version-ingest.job'
import type { VersionPort } from './version-port'
import { createWorkflowTemplateService, type WorkflowTemplateService } from './workflow-template.service'

export { DEFAULT_FARM_OPTIONS, type FarmOptions } from './farm.options'
export { startDemoFarm } from './farm-demo'
export type { RenderJobAccess } from './render-job-access'
export type { FarmJobVersions, FarmOutputFile, VersionPort } from './version-port'

export interface FarmModuleDeps {
  app: FastifyInstance
  tokens: TokenService
  database: DatabaseHandle
  hub: Pick<RealtimeHub, 'emit'> | null
  config: Pick<Config, 'dataDir' | 'sweepMaxCombinations' | 'workflowMaxNodes'>
  logger: Logger
  registry: Registry
  /** Project membership, shared with the production routes: jobs on shots follow it. */
  projects: ProjectAccessResolver
  /** Where large workflows are read, off the event loop. */
  offload: OffloadPool
  /** Outputs of succeeded task jobs become versions through this port, in background jobs. */
  versions: VersionPort
  queue: JobQueue
  jobHandlers: JobHandlerRegistry
  options?: Partial<FarmOptions>
}

export interface FarmModule {
  backends: BackendService
  jobs: RenderJobService
  templates: WorkflowTemplateService
  /** Renders from shots (preview and job groups) and group progress. */
  renders: ShotRenderService
  groups: RenderGroupService
  /** Input files of renders from versions (uploads, masks, control images), by content. */
  inputs: RenderInputService
  /** Renders from a version: refine, inpaint, outpaint, guide, upscale, interpolate. */
  derive: DeriveService
  /** Preprocessor jobs on versions whose outputs become control inputs. */
  controlMaps: ControlMapService
  /** Who may see and steer which job (routes and realtime alike). */
  access: RenderJobAccess
  dispatcher: FarmDispatcher
  election: LeaderElection
  /** Render outputs → versions: the ingest job and the start-up reconcile. */
  versions: VersionIngest
  /** Overrides options before start() (tests and benchmarks shorten intervals). */
  tune(overrides: Partial<FarmOptions>): void
  /** Starts leader election; the leader dispatches. */
  start(): void
  /** Stops dispatching (prompts keep running on their backends and are reconciled on the next start). */
  stop(): Promise<void>
}

/** Builds the farm module and binds its routes. */
export function registerFarmModule(deps: FarmModuleDeps): FarmModule {
  const options = farmOptions(deps.options)
  const db = deps.database.db
  const backendsRepo = createBackendRepository(db)
  const healthRepo = createBackendHealthRepository(db)
  const jobsRepo = createRenderJobRepository(db)
  // The dispatcher's writes are fenced by the leader lease; the API's are not.
  let election: LeaderElection | undefined
  const dispatchJobs = createRenderJobRepository(db, {
    fence: { engine: deps.database.engine, current: () => election?.fence() ?? null },
  })
  const templatesRepo = createWorkflowTemplateRepository(db)
  const events = createFarmEvents(deps.hub, options)
  const metrics = createFarmMetrics(deps.registry, {
    jobCounts: () => jobsRepo.countByState(),
    backends: () => backendsRepo.list(),
  })
  const versions = createVersionIngest({
    jobs: jobsRepo,
    template: (id) => templatesRepo.get(id),
    versions: deps.versions,
    events,
    queue: deps.queue,
    logger: deps.logger,
  })
  versions.register(deps.jobHandlers)
  const storageDir = join(deps.config.dataDir, 'storage')
  const inputsRepo = createRenderInputRepository(db)
  const inputs = createRenderInputService({
    inputs: inputsRepo,
    projects: deps.projects,
    storageDir,
    limits: { maxBytes: MAX_RENDER_INPUT_BYTES, maxSide: MAX_RENDER_INPUT_SIDE },
  })
  // Built after the dispatcher (it queues jobs); the dispatcher tells it of succeeded jobs.
  let controlMaps: ControlMapService | undefined
  const dispatcher = new FarmDispatcher({
    jobs: dispatchJobs,
    backends: backendsRepo,
    events,
    metrics,
    logger: deps.logger,
    options,
    storageDir,
    holdsLease: () => election?.holds() ?? false,
    succeeded: async (job) => {
      await controlMaps?.succeeded(job)
      await versions.succeeded(job)
    },
    inputs,
    health: healthRepo,
  })
  const leader = createLeaderElection({
    database: deps.database,
    // Read on each use: tune() may shorten it before start().
    get intervalMs() {
      return options.leaseIntervalMs
    },
    logger: deps.logger,
    onElected: () => dispatcher.lead(),
    onDemoted: () => dispatcher.resign(),
  })
  election = leader
  const objectInfo = createObjectInfoCache(backendsRepo)
  const reading = { offload: deps.offload, maxNodes: deps.config.workflowMaxNodes }
  const templates = createWorkflowTemplateService({
    repo: templatesRepo,
    objectInfo: () => objectInfo.get(),
    backends: backendsRepo,
    ...reading,
  })
  const backends = createBackendService({
    repo: backendsRepo,
    jobs: jobsRepo,
    dispatcher,
    health: healthRepo,
    get probeTimeoutMs() {
      return options.probeTimeoutMs
    },
    get testTimeoutMs() {
      return options.testConnectionTimeoutMs
    },
  })
  const { shots, tasks, projects } = createProductionRepositories(db)
  const access = createRenderJobAccess({ repos: { shots, tasks }, projects: deps.projects })
  const groupsRepo = createRenderGroupRepository(db)
  const jobs = createRenderJobService({
    maxSweepCombinations: deps.config.sweepMaxCombinations,
    access,
    jobs: jobsRepo,
    backends: backendsRepo,
    dispatcher,
    events,
    template: (id) => templatesRepo.get(id),
    objectInfo: (id) => objectInfo.get(id),
    ...reading,
    versions: deps.versions,
    isLeader: () => dispatcher.isLeader,
    cancelRemote: async (url, promptId) => {
      const client = farmClient(url, 'aipipeline-cancel')
      try {
        await client.cancel(promptId)
      } finally {
        client.close()
      }
    },
  })
  const renders = createShotRenderService({
    repos: { projects, shots, tasks },
    groups: groupsRepo,
    backends: backendsRepo,
    projects: deps.projects,
    template: (id) =>
      templates.get(id).catch((err: unknown) => {
        if (err instanceof NotFound) return null
        throw err
      }),
    catalog: defaultCatalog,
    dispatcher,
    events,
    objectInfo: () => objectInfo.get(),
    maxJobs: deps.config.sweepMaxCombinations,
    ...reading,
  })
  const groups = createRenderGroupService({
    groups: groupsRepo,
    repos: { shots },
    projects: deps.projects,
    access,
    progressOf: (id) => dispatcher.progressOf(id),
  })
  const templateOrNull = (id: string) =>
    templates.get(id).catch((err: unknown) => {
      if (err instanceof NotFound) return null
      throw err
    })
  const sources = createVersionSource({ repos: { projects, shots, tasks }, projects: deps.projects })
  const derive = createDeriveService({
    sources,
    inputs,
    repos: { tasks },
    groups: groupsRepo,
    backends: backendsRepo,
    template: templateOrNull,
    dispatcher,
    events,
    objectInfo: () => objectInfo.get(),
    ...reading,
  })
  controlMaps = createControlMapService({
    sources,
    inputs,
    repo: inputsRepo,
    jobs: jobsRepo,
    tasks,
    projects: deps.projects,
    backends: backendsRepo,
    templateByKey: async (key) => {
      const record = await templatesRepo.getByLibraryKey(key)
      return record === null ? null : templateOrNull(record.id)
    },
    objectInfo: () => objectInfo.get(),
    dispatcher,
    events,
    storageDir,
    logger: deps.logger,
  })
  registerFarmRoutes(deps.app, deps.tokens, { backends, jobs, templates, renders, groups })
  registerDeriveRoutes(deps.app, deps.tokens, { inputs, derive, controlMaps })
  // Stop dispatching before the database and the hub close (idempotent with studio.close).
  deps.app.addHook('preClose', async () => leader.stop())
  return {
    backends,
    jobs,
    templates,
    renders,
    groups,
    inputs,
    derive,
    controlMaps,
    access,
    dispatcher,
    election: leader,
    versions,
    tune: (overrides) => {
      Object.assign(options, farmOptions({ ...options, ...overrides }))
    },
    start: () => leader.start(),
    stop: () => leader.stop(),
  }
}
