// The SmartRouter as the agents' language model. The router does routing, retries,
// fallbacks, cost records and budgets; this adapter only maps shapes, and turns "every
// deployment answered with invalid structured output" into InvalidModelOutput so the agent
// runner can re-ask once with the validation error.
import { RouterFailed, type SmartRouter } from '@aipipeline/llm'
import { InvalidModelOutput, type LanguageModelPort, type ModelCall, ModelUnavailable } from './language-model.port'

type RouterLike = Pick<SmartRouter, 'generateObject' | 'generateText' | 'estimateCostMicros'>

function routerCall(call: ModelCall) {
  return {
    taskClass: call.taskClass,
    system: call.system,
    messages: call.messages.map((m) => ({ role: m.role, content: m.content })),
    ...(call.maxOutputTokens !== undefined ? { maxOutputTokens: call.maxOutputTokens } : {}),
    project: call.project,
    job: call.job,
    ...(call.abortSignal !== undefined ? { abortSignal: call.abortSignal } : {}),
  }
}

function mapFailure(err: unknown): unknown {
  if (!(err instanceof RouterFailed)) return err
  const invalid = err.attempts.length > 0 && err.attempts.every((a) => a.errorClass === 'invalid_output')
  if (invalid) return new InvalidModelOutput(err.attempts.at(-1)?.message ?? err.message, err.lastInvalidOutput ?? null)
  if (err.attempts.length === 0) return new ModelUnavailable(err.message)
  return err
}

/** Adapts a SmartRouter to the agents' LanguageModelPort. */
export function createRouterLanguageModel(router: RouterLike): LanguageModelPort {
  return {
    async generateObject(call) {
      try {
        const r = await router.generateObject({ ...routerCall(call), schema: call.schema, schemaName: call.schemaName })
        const usage = {
          model: r.usage.modelId,
          inputTokens: r.usage.inputTokens,
          outputTokens: r.usage.outputTokens,
          costMicros: r.usage.costMicros,
        }
        return { object: r.object, text: r.text ?? null, usage }
      } catch (err) {
        throw mapFailure(err)
      }
    },
    async generateText(call) {
      try {
        const r = await router.generateText(routerCall(call))
        const usage = {
          model: r.usage.modelId,
          inputTokens: r.usage.inputTokens,
          outputTokens: r.usage.outputTokens,
          costMicros: r.usage.costMicros,
        }
        return { text: r.text, usage }
      } catch (err) {
        throw mapFailure(err)
      }
    },
    // The SmartRouter's estimateTokens is estimateTextTokens.
    tokenEstimator: 'text',
    estimateCostMicros: (call) => router.estimateCostMicros(call),
  }
}
