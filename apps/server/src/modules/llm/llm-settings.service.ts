// Settings → Models: deployments (keys sealed on the way in, never out), the price table,
// monthly budgets with spend, the usage ledger, the test call and the pre-call estimate.
import type {
  CreateLlmDeploymentRequest,
  LlmBudget,
  LlmDeployment,
  LlmEstimateRequest,
  UpdateLlmDeploymentRequest,
  UpsertLlmBudgetRequest,
  UpsertLlmPriceRequest,
} from '@aipipeline/contracts'
import type {
  LlmBudgetRecord,
  LlmBudgetRepository,
  LlmDeploymentInput,
  LlmDeploymentRecord,
  LlmDeploymentRepository,
  LlmPriceRepository,
  LlmUsageGroup,
  LlmUsageRepository,
} from '@aipipeline/db'
import { Conflict, Forbidden, NotFound, RuleViolation } from '@aipipeline/domain'
import {
  budgetState,
  type CredentialVault,
  keyHint,
  RouterFailed,
  SEED_PRICES,
  SEED_PRICES_AS_OF,
  type SmartRouter,
  usdPerMillionToMicros,
} from '@aipipeline/llm'
import type { z } from 'zod'
import type { Principal } from '../auth'
import type { DatabaseCatalog } from './llm-catalog'
import { resolvePrices } from './llm-catalog'
import { monthRange } from './llm-ledger'
import type { LlmProjectScope } from './llm-project-scope'

export interface LlmSettingsDeps {
  deployments: LlmDeploymentRepository
  prices: LlmPriceRepository
  budgets: LlmBudgetRepository
  usage: LlmUsageRepository
  vault: CredentialVault
  catalog: DatabaseCatalog
  router: SmartRouter
  /** Which projects' budgets and usage a caller may see and edit. */
  scope: LlmProjectScope
  now?: () => number
}

type CreateInput = z.output<typeof CreateLlmDeploymentRequest>
type UpdateInput = z.output<typeof UpdateLlmDeploymentRequest>

/** Creates the Settings → Models service. */
export function createLlmSettingsService(deps: LlmSettingsDeps) {
  const now = deps.now ?? Date.now

  /** A project named in a filter must be one the caller manages; without one, only those. */
  async function visibleProjects(who: Principal, projectId: string | undefined): Promise<{ projectIds?: string[] }> {
    if (projectId !== undefined) {
      await deps.scope.assertManages(who, projectId)
      return {}
    }
    const ids = await deps.scope.managedProjectIds(who)
    return ids === undefined ? {} : { projectIds: ids }
  }

  async function view(record: LlmDeploymentRecord): Promise<LlmDeployment> {
    const { prices, source } = resolvePrices(record, await deps.prices.list())
    const health = deps.router.health()[record.id] ?? 'closed'
    const override =
      record.inputMicrosPerMillion !== null && record.outputMicrosPerMillion !== null
        ? { inputMicrosPerMillion: record.inputMicrosPerMillion, outputMicrosPerMillion: record.outputMicrosPerMillion }
        : null
    return {
      ...record,
      provider: parseProvider(record.provider),
      locality: record.locality === 'local' ? 'local' : 'cloud',
      latencyClass: record.latencyClass === 'fast' ? 'fast' : record.latencyClass === 'slow' ? 'slow' : 'standard',
      taskClasses: record.taskClasses.filter(isTaskClass),
      keyHint: record.keyHint === '' ? null : record.keyHint,
      prices,
      priceSource: source,
      priceOverride: override,
      health,
    }
  }

  function seal(deploymentId: string, apiKey: string) {
    return { sealed: deps.vault.seal(apiKey, deploymentId), hint: keyHint(apiKey) }
  }

  async function requirePrice(
    input: Pick<
      LlmDeploymentInput,
      'provider' | 'modelId' | 'locality' | 'inputMicrosPerMillion' | 'outputMicrosPerMillion'
    >,
  ) {
    if (resolvePrices(input, await deps.prices.list()).source === 'missing') {
      throw new RuleViolation(
        `no price for ${input.provider}/${input.modelId}: add it to the price table or set a price override`,
      )
    }
  }

  async function requireNameFree(name: string, exceptId?: string) {
    const clash = (await deps.deployments.list()).find((d) => d.name === name && d.id !== exceptId)
    if (clash) throw new Conflict(`a deployment named "${name}" exists`)
  }

  return {
    /** Adds the seed price rows that are not in the table yet (run at start). */
    async seedPrices(): Promise<number> {
      return deps.prices.seedMissing(
        SEED_PRICES.map((p) => ({
          provider: p.provider,
          modelId: p.modelId,
          inputMicrosPerMillion: usdPerMillionToMicros(p.inputUsdPerMillion),
          outputMicrosPerMillion: usdPerMillionToMicros(p.outputUsdPerMillion),
          contextWindow: p.contextWindow,
          source: 'seed',
          asOf: SEED_PRICES_AS_OF,
        })),
      )
    },

    async listDeployments(): Promise<LlmDeployment[]> {
      return Promise.all((await deps.deployments.list()).map(view))
    },

    async createDeployment(body: CreateInput): Promise<LlmDeployment> {
      const input = toInput(body)
      await requireNameFree(input.name)
      await requirePrice(input)
      const id = crypto.randomUUID()
      const created = await deps.deployments.insert(input, body.apiKey ? seal(id, body.apiKey) : undefined, id)
      deps.catalog.invalidate()
      return view(created)
    },

    async updateDeployment(id: string, body: UpdateInput): Promise<LlmDeployment> {
      const current = await deps.deployments.findById(id)
      if (!current) throw new NotFound('deployment', id)
      const { apiKey, priceOverride, ...rest } = body
      const patch: Partial<LlmDeploymentInput> = {
        ...rest,
        ...(priceOverride !== undefined
          ? {
              inputMicrosPerMillion: priceOverride?.inputMicrosPerMillion ?? null,
              outputMicrosPerMillion: priceOverride?.outputMicrosPerMillion ?? null,
            }
          : {}),
      }
      if (patch.name !== undefined) await requireNameFree(patch.name, id)
      await requirePrice({ ...current, ...patch })
      // Key and fields in one statement: a failed update never leaves a new key on old settings.
      const key = apiKey === undefined ? undefined : apiKey === null ? null : seal(id, apiKey)
      const updated = await deps.deployments.update(id, patch, key)
      if (!updated) throw new NotFound('deployment', id)
      deps.catalog.invalidate()
      deps.router.forget(id)
      return view(updated)
    },

    async deleteDeployment(id: string): Promise<void> {
      if (!(await deps.deployments.delete(id))) throw new NotFound('deployment', id)
      deps.catalog.invalidate()
      deps.router.forget(id)
    },

    /** Runs a small prompt through the router, pinned to one deployment. */
    async testDeployment(id: string, prompt: string) {
      const record = await deps.deployments.findById(id)
      if (!record) throw new NotFound('deployment', id)
      const taskClass = record.taskClasses.find(isTaskClass) ?? 'analysis'
      try {
        const { text, usage } = await deps.router.generateText({
          taskClass: taskClass === 'embed' ? 'analysis' : taskClass,
          messages: [{ role: 'user', content: prompt }],
          maxOutputTokens: 64,
          constraints: { deploymentId: id, timeoutMs: 30_000 },
        })
        const { deploymentId: _d, modelId: _m, ...summary } = usage
        return { ok: true, text, errorClass: null, error: null, usage: summary }
      } catch (err) {
        if (!(err instanceof RouterFailed)) throw err
        const last = err.attempts.at(-1)
        const reason = last?.message ?? err.skipped.find((s) => s.deploymentId === id)?.reason ?? err.message
        return { ok: false, text: null, errorClass: last?.errorClass ?? 'not_routable', error: reason, usage: null }
      }
    },

    async listPrices() {
      return {
        seedAsOf: SEED_PRICES_AS_OF,
        items: (await deps.prices.list()).map((p) => ({ ...p, provider: parseProvider(p.provider) })),
      }
    },

    async upsertPrice(body: z.output<typeof UpsertLlmPriceRequest>) {
      const stored = await deps.prices.upsert({
        ...body,
        source: 'edited',
        asOf: new Date(now()).toISOString().slice(0, 10),
      })
      deps.catalog.invalidate()
      return { ...stored, provider: parseProvider(stored.provider) }
    },

    /** Budgets of the projects the caller manages (admins: all). */
    async listBudgets(
      who: Principal,
      filter: { projectId?: string | undefined; month?: string | undefined },
    ): Promise<LlmBudget[]> {
      const rows = await deps.budgets.list({ ...filter, ...(await visibleProjects(who, filter.projectId)) })
      return Promise.all(rows.map((b) => budgetView(b, deps.usage)))
    },

    /** Sets a budget; only admins may change the override flag. */
    async upsertBudget(body: z.output<typeof UpsertLlmBudgetRequest>, who: Principal): Promise<LlmBudget> {
      await deps.scope.assertManages(who, body.projectId)
      if (body.override !== undefined && who.role !== 'admin') {
        const current = await deps.budgets.find(body.projectId, body.month)
        if ((current?.override ?? false) !== body.override)
          throw new Forbidden('only an admin may change a budget override')
      }
      return budgetView(await deps.budgets.upsert(body), deps.usage)
    },

    /** Usage of the projects the caller manages; studio-wide calls (no project) for admins only. */
    async listUsage(
      who: Principal,
      filter: {
        projectId?: string | undefined
        deploymentId?: string | undefined
        from?: string | undefined
        to?: string | undefined
        limit: number
      },
    ) {
      return deps.usage.list({ ...filter, ...(await visibleProjects(who, filter.projectId)) })
    },

    async aggregateUsage(
      who: Principal,
      groupBy: LlmUsageGroup,
      filter: { projectId?: string | undefined; from?: string | undefined; to?: string | undefined },
    ) {
      const buckets = await deps.usage.aggregate(
        { ...filter, ...(await visibleProjects(who, filter.projectId)) },
        groupBy,
      )
      return { groupBy, totalCostMicros: buckets.reduce((s, b) => s + b.costMicros, 0), buckets }
    },

    /** A project named here shows its budget state, so it must be one the caller manages. */
    async estimate(body: z.output<typeof LlmEstimateRequest>, who: Principal) {
      if (body.projectId !== undefined) await deps.scope.assertManages(who, body.projectId)
      const result = await deps.router.estimate({
        taskClass: body.taskClass,
        messages: body.messages,
        ...(body.system !== undefined ? { system: body.system } : {}),
        ...(body.maxOutputTokens !== undefined ? { maxOutputTokens: body.maxOutputTokens } : {}),
        ...(body.projectId !== undefined ? { project: body.projectId } : {}),
        constraints: { privacy: body.privacy },
      })
      const { context, ...rest } = result
      return { ...rest, parts: context.parts }
    },
  }
}
export type LlmSettingsService = ReturnType<typeof createLlmSettingsService>

const PROVIDERS = ['openai', 'anthropic', 'google', 'ollama', 'openai-compatible'] as const
function parseProvider(value: string): (typeof PROVIDERS)[number] {
  const found = PROVIDERS.find((p) => p === value)
  if (!found) throw new Error(`stored deployment has unknown provider ${value}`)
  return found
}

const TASKS = ['analysis', 'creative', 'enhance', 'summarise', 'embed'] as const
function isTaskClass(value: string): value is (typeof TASKS)[number] {
  return TASKS.some((t) => t === value)
}

function toInput(body: CreateInput): LlmDeploymentInput {
  if ((body.provider === 'ollama' || body.provider === 'openai-compatible') && !body.baseUrl) {
    throw new RuleViolation(`a ${body.provider} deployment needs a base URL`)
  }
  return {
    name: body.name,
    provider: body.provider,
    modelId: body.modelId,
    baseUrl: body.baseUrl ?? null,
    contextWindow: body.contextWindow,
    maxOutputTokens: body.maxOutputTokens,
    inputMicrosPerMillion: body.priceOverride?.inputMicrosPerMillion ?? null,
    outputMicrosPerMillion: body.priceOverride?.outputMicrosPerMillion ?? null,
    capabilities: body.capabilities,
    locality: body.locality ?? (body.provider === 'ollama' ? 'local' : 'cloud'),
    latencyClass: body.latencyClass,
    taskClasses: body.taskClasses,
    priority: body.priority,
    fallbackIds: body.fallbackIds,
    enabled: body.enabled,
  }
}

async function budgetView(b: LlmBudgetRecord, usage: LlmUsageRepository): Promise<LlmBudget> {
  const spentMicros = await usage.spend({ projectId: b.projectId, ...monthRange(b.month) })
  const state = budgetState({ month: b.month, limitMicros: b.limitMicros, spentMicros, override: b.override })
  return {
    projectId: b.projectId,
    month: b.month,
    limitMicros: b.limitMicros,
    spentMicros,
    override: b.override,
    state: state === 'none' ? 'ok' : state,
    percent: b.limitMicros === 0 ? 100 : Math.round((spentMicros * 10_000) / b.limitMicros) / 100,
    updatedAt: b.updatedAt,
  }
}
