// Typed agent steps: a name, zod schemas for input and output, and a run function. Steps
// that call a model use `ctx.askObject`, which checks the answer against the schema and,
// once, re-asks with the validation error before giving up (structured-output repair).
import type { AgentError } from '@aipipeline/contracts'
import { DomainError } from '@aipipeline/domain'
import { z } from 'zod'
import {
  type AgentTaskClass,
  InvalidModelOutput,
  type LanguageModelPort,
  type ModelMessage,
  ModelUnavailable,
  type ModelUsage,
} from './language-model.port'

export interface StepUsage {
  model: string | null
  inputTokens: number
  outputTokens: number
  calls: number
  repairs: number
  costMicros: number
}

export const emptyUsage = (): StepUsage => ({
  model: null,
  inputTokens: 0,
  outputTokens: 0,
  calls: 0,
  repairs: 0,
  costMicros: 0,
})

export interface AskObject {
  taskClass: AgentTaskClass
  system: string
  prompt: string
  schemaName: string
  maxOutputTokens?: number
}

export interface StepContext {
  runId: string
  projectId: string
  jobId: string | null
  stepId: string
  signal: AbortSignal
  /** Asks the model for a value of `schema`; one repair re-ask on a mismatch. */
  askObject<T>(schema: z.ZodType<T>, ask: AskObject): Promise<T>
}

export interface AgentStepDefinition<I, O> {
  /** Who does the work, as shown on the Agents page ("scene-analyst"). */
  agent: string
  input: z.ZodType<I>
  output: z.ZodType<O>
  run(ctx: StepContext, input: I): Promise<O>
}

/** Declares a typed step. */
export function defineAgentStep<I, O>(def: AgentStepDefinition<I, O>): AgentStepDefinition<I, O> {
  return def
}

/** A step failed; carries the error recorded in its envelope. */
export class StepFailed extends Error {
  override name = 'StepFailed'
  constructor(
    readonly stepKey: string,
    readonly error: AgentError,
  ) {
    super(`step ${stepKey} failed: ${error.message}`)
  }
}

function addUsage(usage: StepUsage, more: ModelUsage): void {
  usage.model = more.model ?? usage.model
  usage.inputTokens += more.inputTokens
  usage.outputTokens += more.outputTokens
  usage.costMicros += more.costMicros
  usage.calls += 1
}

type Attempt<T> = { ok: true; value: T } | { ok: false; error: string; text: string | null }

/** Builds `askObject` for one step; model usage is added to `usage` as calls happen. */
export function createAskObject(
  llm: LanguageModelPort,
  usage: StepUsage,
  scope: { projectId: string; jobId: string | null; signal: AbortSignal },
): StepContext['askObject'] {
  return async <T>(schema: z.ZodType<T>, ask: AskObject): Promise<T> => {
    const attempt = async (messages: ModelMessage[]): Promise<Attempt<T>> => {
      try {
        const answer = await llm.generateObject({
          taskClass: ask.taskClass,
          system: ask.system,
          messages,
          schema,
          schemaName: ask.schemaName,
          ...(ask.maxOutputTokens !== undefined ? { maxOutputTokens: ask.maxOutputTokens } : {}),
          project: scope.projectId,
          job: scope.jobId,
          abortSignal: scope.signal,
        })
        addUsage(usage, answer.usage)
        const parsed = schema.safeParse(answer.object)
        if (parsed.success) return { ok: true, value: parsed.data }
        return { ok: false, error: z.prettifyError(parsed.error), text: answer.text ?? JSON.stringify(answer.object) }
      } catch (err) {
        if (!(err instanceof InvalidModelOutput)) throw err
        // The router keeps the failed attempt's tokens in its ledger; here it counts as a call.
        if (err.usage !== null) addUsage(usage, err.usage)
        else usage.calls += 1
        return { ok: false, error: err.message, text: err.text }
      }
    }
    const messages: ModelMessage[] = [{ role: 'user', content: ask.prompt }]
    const first = await attempt(messages)
    if (first.ok) return first.value
    usage.repairs += 1
    const repair: ModelMessage[] = [
      ...messages,
      ...(first.text !== null ? [{ role: 'assistant' as const, content: first.text }] : []),
      {
        role: 'user',
        content: `Your answer did not match the required JSON schema "${ask.schemaName}":\n${first.error}\nAnswer again with only the corrected JSON.`,
      },
    ]
    const second = await attempt(repair)
    if (second.ok) return second.value
    throw new InvalidModelOutput(
      `model output did not match "${ask.schemaName}" after one repair: ${second.error}`,
      second.text,
    )
  }
}

/** The error recorded in a step envelope: a stable code, a message and whether a retry may help. */
export function toAgentError(err: unknown): AgentError {
  if (err instanceof StepFailed) return err.error
  if (err instanceof InvalidModelOutput) return { code: 'invalid_output', message: err.message, retryable: true }
  if (err instanceof ModelUnavailable) return { code: 'model_unavailable', message: err.message, retryable: true }
  if (err instanceof Error && err.name === 'RouterFailed')
    return { code: 'model_failed', message: err.message, retryable: true }
  if (err instanceof Error && err.name === 'BudgetExceeded') {
    return { code: 'budget_exceeded', message: err.message, retryable: true }
  }
  if (err instanceof DomainError) return { code: err.code, message: err.message, retryable: false }
  if (err instanceof Error && err.name === 'AbortError')
    return { code: 'canceled', message: err.message, retryable: true }
  return { code: 'internal', message: err instanceof Error ? err.message : String(err), retryable: true }
}
