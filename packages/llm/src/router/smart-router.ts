// The SmartRouter: one entry point for every model call in the studio. It plans which
// deployments may take a call (route-planner), then tries them in order. It is the only
// retry loop (the AI SDK runs with maxRetries: 0): a few retries on the same deployment for
// rate limits and passing faults, with backoff honouring Retry-After, then the next
// deployment; a per-deployment breaker takes failing deployments out for a cooldown.
// Every attempt is written to the usage ledger, successful or not.
import { randomUUID } from 'node:crypto'
import { embedMany, generateText, NoObjectGeneratedError, Output } from 'ai'
import { TimeoutStrategy, timeout } from 'cockatiel'
import { z } from 'zod'
import { BudgetExceeded, budgetState } from '../budgets/budget-status'
import { type ContextReport, estimateTextTokens, inspectContext } from '../context/token-estimator'
import { redactSecrets } from '../vault/credential-vault'
import { type AttemptEntry, recordAttempt, tokensOfFailure } from './attempt-ledger'
import { backoffDelayMs, sleep as realSleep } from './backoff'
import { createDeploymentBreakers } from './deployment-breakers'
import { createDeploymentClients, type DeploymentClients } from './deployment-clients'
import {
  type AttemptFailure,
  type ClassifiedError,
  classifyError,
  endsTheCall,
  isRetryableOnSameDeployment,
  routerFailure,
} from './llm-errors'
import { type PlannedDeployment, planRoute } from './route-planner'
import type { CallUsage, RouteConstraints, RouterCall } from './router.ports'
import {
  DEFAULT_ROUTER_POLICY,
  type EmbedCall,
  type EmbedResult,
  type ObjectCall,
  type RouteEstimate,
  type RouterPolicy,
  type SmartRouterDeps,
} from './smart-router.types'

interface InvokeResult<T> {
  value: T
  inputTokens: number | undefined
  outputTokens: number | undefined
}
type Invoke<T> = (
  clients: DeploymentClients,
  planned: PlannedDeployment,
  signal: AbortSignal,
) => Promise<InvokeResult<T>>

/** Sizes a call is planned by when they do not come from its messages. */
interface PlanSizes {
  inputTokens: number
  windowTokens?: number
}

/** Progress of one router call across its attempts. */
interface AttemptState {
  callId: string
  attempt: number
  failures: AttemptFailure[]
  inputEstimate: number
}

/** Creates the studio's model router. */
export function createSmartRouter(deps: SmartRouterDeps) {
  const policy: RouterPolicy = { ...DEFAULT_ROUTER_POLICY, ...deps.policy }
  const breakers = createDeploymentBreakers({ failures: policy.breakerFailures, cooldownMs: policy.cooldownMs })
  const clients = createDeploymentClients({
    catalog: deps.catalog,
    ...(deps.providerOptions !== undefined ? { providerOptions: deps.providerOptions } : {}),
  })
  const now = deps.now ?? Date.now
  const wait = deps.sleep ?? realSleep
  const random = deps.random ?? Math.random

  async function plan(call: RouterCall, schemaJson: unknown, sizes?: PlanSizes) {
    const at = new Date(now()).toISOString()
    const [deployments, budget] = await Promise.all([
      deps.catalog.deployments(),
      call.project && deps.budgets ? deps.budgets.current(call.project, at) : Promise.resolve(undefined),
    ])
    const context = inspectContext(call.messages, { system: call.system, schema: schemaJson })
    const state = budgetState(budget)
    // An admin override lifts the limit for the month, so nothing counts as over the remainder.
    const remainingMicros =
      budget && !budget.override ? Math.max(0, budget.limitMicros - budget.spentMicros) : undefined
    const route = planRoute({
      deployments,
      call,
      inputTokens: sizes?.inputTokens ?? context.totalTokens,
      ...(sizes?.windowTokens !== undefined ? { windowTokens: sizes.windowTokens } : {}),
      cooling: breakers.cooling(now()),
      budgetState: state,
      remainingMicros,
    })
    return { route, context, budget, state, remainingMicros }
  }

  /** Writes the attempt's ledger row; returns its cost in micro-dollars. */
  const record = (entry: AttemptEntry) => recordAttempt(deps.usage, new Date(now()).toISOString(), entry)

  async function attemptOnce<T>(planned: PlannedDeployment, call: RouterCall, invoke: Invoke<T>) {
    const models = await clients.clientsFor(planned)
    const limitMs =
      call.constraints?.timeoutMs ?? policy.timeoutMs[call.constraints?.latency === 'fast' ? 'fast' : 'any']
    const deadline = timeout(limitMs, TimeoutStrategy.Aggressive)
    const result = await breakers
      .for(planned.deployment.id)
      .execute(
        ({ signal }) => deadline.execute(({ signal: inner }) => invoke(models, planned, inner), signal),
        call.abortSignal,
      )
    return { result }
  }

  type DeploymentOutcome<T> = { ok: true; value: T; usage: CallUsage } | { ok: false; failure: ClassifiedError }

  /** Records a failed attempt and decides whether to retry the same deployment (with the delay). */
  async function afterFailure(
    err: unknown,
    planned: PlannedDeployment,
    call: RouterCall,
    state: AttemptState,
    attempt: { tryNo: number; startedAt: number },
  ): Promise<{ failure: ClassifiedError; delayMs: number | undefined }> {
    const d = planned.deployment
    // A caller that gave up is not a deployment fault, whatever the error looks like.
    const classified = call.abortSignal?.aborted
      ? { ...classifyError(err, now()), errorClass: 'aborted' as const }
      : classifyError(err, now())
    const key = clients.keyOf(d.id)
    const failure = { ...classified, message: redactSecrets(classified.message, key ? [key] : []) }
    const latencyMs = performance.now() - attempt.startedAt
    const tokens = tokensOfFailure(err)
    await record({ call, callId: state.callId, attempt: state.attempt, planned, latencyMs, tokens, failure })
    const output = NoObjectGeneratedError.isInstance(err) ? err.text : undefined
    state.failures.push({
      deploymentId: d.id,
      errorClass: failure.errorClass,
      message: failure.message,
      ...(output !== undefined ? { output } : {}),
    })
    const base = { callId: state.callId, deploymentId: d.id }
    deps.onEvent?.({
      type: 'attempt-failed',
      ...base,
      attempt: state.attempt,
      errorClass: failure.errorClass,
      message: failure.message,
    })
    const retryAfter = failure.retryAfterMs
    const mayRetry =
      isRetryableOnSameDeployment(failure.errorClass) &&
      attempt.tryNo < policy.attemptsPerDeployment &&
      state.attempt < policy.maxAttempts &&
      !breakers.cooling(now()).has(d.id) &&
      (retryAfter === undefined || retryAfter <= policy.maxRetryAfterMs)
    if (!mayRetry) return { failure, delayMs: undefined }
    const delayMs = backoffDelayMs(attempt.tryNo, policy, random, retryAfter)
    deps.onEvent?.({ type: 'retry-scheduled', ...base, delayMs })
    return { failure, delayMs }
  }

  async function tryDeployment<T>(
    planned: PlannedDeployment,
    call: RouterCall,
    invoke: Invoke<T>,
    state: AttemptState,
  ): Promise<DeploymentOutcome<T>> {
    const d = planned.deployment
    for (let tryNo = 1; ; tryNo++) {
      state.attempt += 1
      const started = performance.now()
      try {
        const { result } = await attemptOnce(planned, call, invoke)
        const tokens = { input: result.inputTokens ?? state.inputEstimate, output: result.outputTokens ?? 0 }
        const latencyMs = performance.now() - started
        const cost = await record({ call, callId: state.callId, attempt: state.attempt, planned, latencyMs, tokens })
        const usage: CallUsage = {
          deploymentId: d.id,
          modelId: d.modelId,
          inputTokens: tokens.input,
          outputTokens: tokens.output,
          costMicros: cost,
          latencyMs: Math.round(latencyMs),
          attempts: state.attempt,
        }
        return { ok: true, value: result.value, usage }
      } catch (err) {
        const next = await afterFailure(err, planned, call, state, { tryNo, startedAt: started })
        if (next.delayMs === undefined) return { ok: false, failure: next.failure }
        await wait(next.delayMs, call.abortSignal)
      }
    }
  }

  async function route<T>(
    call: RouterCall,
    schemaJson: unknown,
    invoke: Invoke<T>,
    sizes?: PlanSizes,
  ): Promise<{ value: T; usage: CallUsage }> {
    const { route: planned, budget, state: budgetNow } = await plan(call, schemaJson, sizes)
    if (budgetNow === 'exceeded' && budget && call.project) throw new BudgetExceeded(call.project, budget)
    const state = {
      callId: randomUUID(),
      attempt: 0,
      failures: [] as AttemptFailure[],
      inputEstimate: planned.inputTokens,
    }
    const skipped = [...planned.skipped]
    let tooSmallAt = 0 // a context-length error rules out every window up to that size
    for (const candidate of planned.candidates) {
      const d = candidate.deployment
      if (d.contextWindow <= tooSmallAt) {
        skipped.push({ deploymentId: d.id, reason: `context: a ${tooSmallAt}-token window was already too small` })
        continue
      }
      if (state.attempt >= policy.maxAttempts) break
      const outcome = await tryDeployment(candidate, call, invoke, state)
      if (outcome.ok) return { value: outcome.value, usage: outcome.usage }
      if (outcome.failure.errorClass === 'context_too_long') tooSmallAt = Math.max(tooSmallAt, d.contextWindow)
      if (endsTheCall(outcome.failure.errorClass)) break
    }
    throw routerFailure(call.taskClass, planned.candidates.length > 0, state.failures, skipped)
  }

  const textOf = (call: RouterCall) => ({
    messages: call.messages,
    ...(call.system !== undefined ? { system: call.system } : {}),
    ...(call.temperature !== undefined ? { temperature: call.temperature } : {}),
  })

  return {
    /** Free text from the best deployment for the call. */
    async generateText(call: RouterCall): Promise<{ text: string; usage: CallUsage }> {
      const { value, usage } = await route(call, undefined, async (clients, planned, abortSignal) => {
        const r = await generateText({
          model: clients.language(),
          ...textOf(call),
          maxOutputTokens: planned.outputReserve,
          maxRetries: 0,
          abortSignal,
        })
        return { value: r.text, inputTokens: r.usage.inputTokens, outputTokens: r.usage.outputTokens }
      })
      return { text: value, usage }
    },

    /** A value parsed with `schema` (zod) from a structured-output call. */
    async generateObject<T>(call: ObjectCall<T>): Promise<{ object: T; text: string; usage: CallUsage }> {
      const structured: ObjectCall<T> = { ...call, constraints: { ...call.constraints, needsStructuredOutput: true } }
      const schemaJson = z.toJSONSchema(call.schema, { io: 'input', unrepresentable: 'any' })
      const { value, usage } = await route(structured, schemaJson, async (clients, planned, abortSignal) => {
        const r = await generateText({
          model: clients.language(),
          ...textOf(call),
          output: Output.object({ schema: call.schema, ...(call.schemaName ? { name: call.schemaName } : {}) }),
          maxOutputTokens: planned.outputReserve,
          maxRetries: 0,
          abortSignal,
        })
        return {
          value: { object: call.schema.parse(r.output), text: r.text },
          inputTokens: r.usage.inputTokens,
          outputTokens: r.usage.outputTokens,
        }
      })
      return { object: value.object, text: value.text, usage }
    },

    /**
     * One vector per text, in order, from a deployment whose capabilities include embeddings
     * (task class `embed`), through the same retries, fallbacks, breakers, budget and ledger.
     */
    async embed(call: EmbedCall): Promise<EmbedResult> {
      const shaped: RouterCall = {
        taskClass: 'embed',
        messages: [],
        maxOutputTokens: 0, // embeddings are priced by input only
        ...(call.constraints !== undefined ? { constraints: call.constraints } : {}),
        ...(call.project !== undefined ? { project: call.project } : {}),
        ...(call.job !== undefined ? { job: call.job } : {}),
        ...(call.abortSignal !== undefined ? { abortSignal: call.abortSignal } : {}),
      }
      if (call.texts.length === 0) {
        return {
          embeddings: [],
          usage: {
            deploymentId: '',
            modelId: '',
            inputTokens: 0,
            outputTokens: 0,
            costMicros: 0,
            latencyMs: 0,
            attempts: 0,
          },
        }
      }
      const perText = call.texts.map(estimateTextTokens)
      const sizes = { inputTokens: perText.reduce((a, b) => a + b, 0), windowTokens: Math.max(...perText) }
      const { value, usage } = await route(
        shaped,
        undefined,
        async (clients, _planned, abortSignal) => {
          const r = await embedMany({ model: clients.embedding(), values: call.texts, maxRetries: 0, abortSignal })
          if (r.embeddings.length !== call.texts.length) {
            throw new Error(`expected ${call.texts.length} embeddings, got ${r.embeddings.length}`)
          }
          // A provider that reports no token count leaves NaN: the router's estimate stands in.
          const tokens = Number.isFinite(r.usage.tokens) ? r.usage.tokens : undefined
          return { value: r.embeddings, inputTokens: tokens, outputTokens: 0 }
        },
        sizes,
      )
      return { embeddings: value, usage }
    },

    /** Tokens, candidates and worst-case cost of a call, without calling any model. */
    async estimate(call: RouterCall & { schema?: z.ZodType }): Promise<RouteEstimate> {
      const schemaJson = call.schema ? z.toJSONSchema(call.schema, { io: 'input', unrepresentable: 'any' }) : undefined
      const constraints = call.schema ? { ...call.constraints, needsStructuredOutput: true } : call.constraints
      const {
        route: planned,
        context,
        state,
        remainingMicros,
      } = await plan({ ...call, ...(constraints ? { constraints } : {}) }, schemaJson)
      return {
        inputTokens: planned.inputTokens,
        context,
        estimatedCostMicros: planned.candidates[0]?.estimatedCostMicros ?? null,
        candidates: planned.candidates.map((c) => ({
          deploymentId: c.deployment.id,
          name: c.deployment.name,
          modelId: c.deployment.modelId,
          estimatedCostMicros: c.estimatedCostMicros,
        })),
        skipped: planned.skipped,
        budget: { state, remainingMicros: remainingMicros ?? null },
      }
    },

    /** Estimated tokens of a text (errs high; see token-estimator). */
    estimateTokens(text: string): number {
      return estimateTextTokens(text)
    },

    /** Worst-case cost in micro-dollars of a call of this size on the first candidate; null when none would take it. */
    async estimateCostMicros(call: {
      taskClass: RouterCall['taskClass']
      inputTokens: number
      outputTokens: number
      project?: string | null
      constraints?: RouteConstraints
    }): Promise<number | null> {
      const shaped: RouterCall = {
        taskClass: call.taskClass,
        messages: [],
        maxOutputTokens: call.outputTokens,
        ...(call.project !== undefined ? { project: call.project } : {}),
        ...(call.constraints !== undefined ? { constraints: call.constraints } : {}),
      }
      const { route: planned } = await plan(shaped, undefined, { inputTokens: call.inputTokens })
      return planned.candidates[0]?.estimatedCostMicros ?? null
    },

    /** Tokens per part of a prompt (system, messages, schema). */
    inspectContext(call: Pick<RouterCall, 'messages' | 'system'> & { schema?: z.ZodType }): ContextReport {
      const schemaJson = call.schema ? z.toJSONSchema(call.schema, { io: 'input', unrepresentable: 'any' }) : undefined
      return inspectContext(call.messages, { system: call.system, schema: schemaJson })
    },

    /** Breaker state per deployment that has been called. */
    health(): Record<string, 'closed' | 'open' | 'half-open'> {
      return breakers.states()
    },

    /** Drops cached provider clients (after a deployment or its key changed). */
    forget(deploymentId?: string): void {
      clients.forget(deploymentId)
    },
  }
}

export type SmartRouter = ReturnType<typeof createSmartRouter>
