// Composition root: builds the Fastify app from explicit dependencies. Tests call
// buildApp with their own database and config; main.ts adds listening and signals.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { apiRoutes, systemRoutes } from '@aipipeline/contracts'
import {
  createAccountLinkRepository,
  createAgentRunRepository,
  createRefreshTokenRepository,
  createRenderJobRepository,
  createSessionVersionCache,
  createSignInAddressRepository,
  createUserRepository,
  type DatabaseHandle,
  pingDatabase,
  type SessionVersionCache,
} from '@aipipeline/db'
import fastifyStatic from '@fastify/static'
import fastifySwagger from '@fastify/swagger'
import fastifySwaggerUi from '@fastify/swagger-ui'
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify'
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import { Redis } from 'ioredis'
import type { Config } from './config'
import { installErrorHandler, installNotFoundHandler } from './http/error-handler'
import { installJsonBodyParser } from './http/json-body'
import { bindRoute } from './http/route-binder'
import { createJobHandlerRegistry, type JobHandlerRegistry, type JobQueue } from './jobs'
import { configureVideoPoster } from './media/video-poster'
import { registerAgentsModule } from './modules/agents'
import {
  type AuthService,
  createAccountService,
  createAuthService,
  createTokenService,
  registerAuthJobs,
  registerAuthRoutes,
  registerSignInLimits,
  type TokenService,
} from './modules/auth'
import { registerDashboardModule } from './modules/dashboards'
import { type FarmModule, type FarmOptions, registerFarmModule } from './modules/farm'
import { registerFarmAgentModule } from './modules/farm-agent'
import { type LlmModule, registerLlmModule } from './modules/llm'
import { type ProductionModule, registerProductionModule } from './modules/production'
import { registerPromptsModule } from './modules/prompts'
import { type ReportService, registerReportsModule } from './modules/reports'
import { type ReviewModule, type ReviewSeams, registerReviewModule } from './modules/review'
import type { Logger } from './observability/logger'
import { installMetrics, type Metrics } from './observability/metrics'
import { createOffloadPool, type OffloadPool } from './offload/offload-pool'
import { createRealtimeAccess } from './realtime/realtime-access'
import { createRealtimeHub, type RealtimeHub } from './realtime/realtime-hub'
import { connectSessionFanout } from './realtime/session-fanout'

export interface AppDeps {
  config: Config
  database: DatabaseHandle
  logger: Logger
  /** Background jobs (local adapter or BullMQ); the caller owns and closes it. */
  queue: JobQueue
  /** Which JobQueue adapter runs (reported by /api/health). */
  queueKind: 'local' | 'bullmq'
  startedAt?: number
  /** Render farm tunables (tests and benchmarks shorten intervals). */
  farm?: Partial<FarmOptions>
  /** Review parts put in place of the built ones (tests and benchmarks). */
  review?: ReviewSeams
}

export interface Studio {
  app: FastifyInstance
  /** Job handlers registered by modules; run by the embedded worker or `aipipeline worker`. */
  jobs: JobHandlerRegistry
  queue: JobQueue
  auth: AuthService
  tokens: TokenService
  /** Session versions (ending a user's sessions reaches every request and socket at once). */
  sessions: SessionVersionCache
  hub: RealtimeHub
  llm: LlmModule
  metrics: Metrics
  production: ProductionModule
  farm: FarmModule
  reports: ReportService
  review: ReviewModule
  /** Worker threads for heavy parsing; closed with the app. */
  offload: OffloadPool
}

/** Builds the studio's HTTP + realtime app without listening. */
export async function buildApp(deps: AppDeps): Promise<Studio> {
  const { config, database } = deps
  const startedAt = deps.startedAt ?? Date.now()
  const loggerInstance: FastifyBaseLogger = deps.logger
  const app: FastifyInstance = Fastify({
    loggerInstance,
    bodyLimit: config.bodyLimitBytes,
    requestIdHeader: 'x-request-id',
    genReqId: () => crypto.randomUUID(),
    // Only listed proxies may say who the client is (X-Forwarded-For); by default none.
    trustProxy: config.trustedProxies.length > 0 ? config.trustedProxies : false,
  })
  app.decorate('boundRoutes', [])
  app.decorate('allRoutes', [])
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) app.allRoutes.push({ method, path: route.url })
  })
  app.decorateRequest('principal', undefined)
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id)
  })
  installErrorHandler(app)
  installJsonBodyParser(app)
  const metrics = installMetrics(app)
  // Large screenplays, workflows and spreadsheets are parsed here, off the event loop.
  const offload = createOffloadPool({ threads: config.offloadThreads })
  app.addHook('onClose', () => offload.close())

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'AIPipeline API', version: config.version },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    },
    transform: jsonSchemaTransform,
  })
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' })

  const jobs = createJobHandlerRegistry()
  const users = createUserRepository(database.db)
  const sessions = createSessionVersionCache({ load: (userId) => users.sessionState(userId) })
  const tokens = createTokenService({
    masterKey: config.secretKey,
    accessTtlSeconds: config.accessTokenTtlSeconds,
    sessions,
  })
  const refreshTokens = createRefreshTokenRepository(database.db)
  const signInAddresses = createSignInAddressRepository(database.db)
  registerAuthJobs(jobs, refreshTokens)
  const limitsRedis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 1 }) : undefined
  if (limitsRedis)
    app.addHook('onClose', async () => void (await limitsRedis.quit().catch(() => limitsRedis.disconnect())))
  await registerSignInLimits(app, {
    perAccountPerMinute: config.loginRateLimitPerMinute,
    perAddressPerMinute: config.loginRateLimitPerAddressPerMinute,
    isKnownAddress: (email, address) => signInAddresses.isKnown(email, address),
    ...(limitsRedis ? { redis: limitsRedis, redisPrefix: config.redisPrefix } : {}),
  })
  const auth = createAuthService({
    users,
    refreshTokens,
    tokens,
    sessions,
    signInAddresses,
    refreshTtlDays: config.refreshTokenTtlDays,
    onTokenReuse: (userId, familyId) => app.log.warn({ userId, familyId }, 'refresh token reuse: family revoked'),
  })

  bindRoute(app, tokens, systemRoutes.health, async () => {
    let status: 'ok' | 'degraded' = 'ok'
    try {
      await pingDatabase(database.db)
    } catch {
      status = 'degraded'
    }
    return {
      status,
      version: config.version,
      database: database.engine,
      queue: deps.queueKind,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
    }
  })
  const accounts = createAccountService({
    users,
    accountLinks: createAccountLinkRepository(database.db),
    refreshTokens,
    signInAddresses,
    tokens,
    sessions,
    auth,
    refreshTtlDays: config.refreshTokenTtlDays,
    linkTtlDays: config.accountLinkTtlDays,
  })
  registerAuthRoutes(app, tokens, auth, accounts)
  const production = registerProductionModule(app, tokens, {
    database,
    users: createUserRepository(database.db),
    dataDir: config.dataDir,
    emit: (room, event, payload) => hub.emit(room, event, payload),
    sheets: { offload, maxRows: config.spreadsheetMaxRows },
  })
  registerPromptsModule(app, tokens)
  registerDashboardModule(app, { database, tokens, access: production.services.access })

  const renderJobs = createRenderJobRepository(database.db)
  const agentRuns = createAgentRunRepository(database.db)
  const realtimeAccess = createRealtimeAccess({
    projectRoom: production.roomPolicy(() => false),
    resolveProject: (principal, projectId) => production.services.access.resolve(principal, projectId),
    renderJob: (jobId) => renderJobs.get(jobId),
    // The farm registers below; sockets connect only once the app listens.
    mayViewRenderJob: (principal, jobId, job) => farm.access.mayView(principal, jobId, job),
    agentRunProject: async (jobId) => (await agentRuns.findByJobId(jobId))?.projectId,
    // Review registers below; sockets connect only once the app listens.
    reviewRoom: (principal, playlistId) => review.rooms.mayEnter(principal, playlistId),
  })
  const hub = createRealtimeHub({
    httpServer: app.server,
    tokens,
    logger: deps.logger,
    redisUrl: config.redisUrl,
    redisKey: `${config.redisPrefix}:socket.io`,
    gate: realtimeAccess,
  })
  connectSessionFanout({ io: hub.io, sessions, tokens, logger: deps.logger, scaleOut: config.redisUrl !== undefined })
  app.addHook('preClose', async () => {
    await hub.close()
  })
  const llm = await registerLlmModule(app, {
    database,
    masterKey: config.secretKey,
    tokens,
    hub,
    logger: deps.logger,
    projects: production.services.access,
  })
  registerAgentsModule(app, {
    tokens,
    database,
    hub,
    queue: deps.queue,
    jobs,
    router: llm.router,
    production: production.services,
    scripts: { offload, maxChars: config.scriptMaxChars },
  })

  configureVideoPoster({ ffmpegPath: config.ffmpegPath, logger: deps.logger })
  const farm = registerFarmModule({
    app,
    tokens,
    database,
    hub,
    config,
    logger: deps.logger,
    registry: metrics.registry,
    projects: production.services.access,
    offload,
    versions: {
      ingestOutputs: (job, outputs) => production.services.versionIngest.ingestOutputs(job, outputs),
      assertInputVersions: (who, projectId, inputs) =>
        production.services.versions.assertInputVersions(who, projectId, inputs),
    },
    queue: deps.queue,
    jobHandlers: jobs,
    options: { leaseIntervalMs: config.farmLeaseIntervalMs, ...deps.farm },
  })
  registerFarmAgentModule({ app, tokens, database, farm, config, registry: metrics.registry, logger: deps.logger })
  const reports = registerReportsModule({
    app,
    tokens,
    database,
    queue: deps.queue,
    jobs,
    projects: production.services.access,
    dataDir: config.dataDir,
    fontPath: config.reportFontPath,
    logger: deps.logger,
  })

  const review = registerReviewModule({
    app,
    tokens,
    sessions,
    database,
    queue: deps.queue,
    jobs,
    hub,
    production: production.services,
    config,
    logger: deps.logger,
    ...(deps.review ? { seams: deps.review } : {}),
  })

  await serveWebApp(app, config.webDistDir)
  assertEveryContractBound(app)
  return {
    app,
    jobs,
    queue: deps.queue,
    auth,
    tokens,
    sessions,
    hub,
    metrics,
    llm,
    production,
    farm,
    reports,
    review,
    offload,
  }
}

/** Serves the built SPA, if there is one, with history fallback to index.html. */
async function serveWebApp(app: FastifyInstance, dir: string): Promise<void> {
  const built = existsSync(join(dir, 'index.html'))
  if (built) await app.register(fastifyStatic, { root: dir, prefix: '/', wildcard: false, index: ['index.html'] })
  else app.log.info({ dir }, 'web build not found; serving the API only (run npm run build:web)')
  installNotFoundHandler(app, { spaIndex: built })
}

function assertEveryContractBound(app: FastifyInstance): void {
  const bound = new Set(app.boundRoutes.map((r) => `${r.method} ${r.path}`))
  const missing = Object.values(apiRoutes).filter((r) => !bound.has(`${r.method} ${r.path}`))
  if (missing.length > 0) {
    throw new Error(`contract routes without a handler: ${missing.map((r) => `${r.method} ${r.path}`).join(', ')}`)
  }
}
