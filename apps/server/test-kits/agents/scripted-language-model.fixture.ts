// A scripted LanguageModelPort for unit tests: answers come from functions the test gives,
// in order; every call is recorded. No network, no real model.
import { estimateTokensHeuristic } from '@aipipeline/domain'
import {
  InvalidModelOutput,
  type LanguageModelPort,
  type ModelObjectCall,
  type ModelUsage,
} from '../../src/modules/agents/language-model.port'

export type ScriptedAnswer = { object: unknown } | { invalidJson: string } | { error: Error }

export interface ScriptedLanguageModel extends LanguageModelPort {
  calls: ModelObjectCall[]
  /** Answers for the next calls, used before `answer`. */
  queue: ScriptedAnswer[]
}

/** Usage each scripted call reports: 1 µ$ per input token, 2 per output token, easy to sum in tests. */
export function scriptedUsage(call: ModelObjectCall, answer: unknown): ModelUsage {
  const inputTokens = estimateTokensHeuristic(call.system + call.messages.map((m) => m.content).join('\n'))
  const outputTokens = estimateTokensHeuristic(JSON.stringify(answer) ?? '')
  return { model: 'scripted-model', inputTokens, outputTokens, costMicros: inputTokens + 2 * outputTokens }
}

/** The last user message of a call (the chunk prompt or a repair request). */
export function lastPrompt(call: ModelObjectCall): string {
  return call.messages.filter((m) => m.role === 'user').at(-1)?.content ?? ''
}

/** The first user message of a call (the original prompt, also during a repair). */
export function firstPrompt(call: ModelObjectCall): string {
  return call.messages.find((m) => m.role === 'user')?.content ?? ''
}

/** A scripted model: queued answers first, then `answer(call)`. */
export function createScriptedLanguageModel(answer: (call: ModelObjectCall) => ScriptedAnswer): ScriptedLanguageModel {
  const calls: ModelObjectCall[] = []
  const queue: ScriptedAnswer[] = []
  return {
    calls,
    queue,
    async generateObject(call) {
      calls.push(call)
      const next = queue.shift() ?? answer(call)
      if ('error' in next) throw next.error
      if ('invalidJson' in next)
        throw new InvalidModelOutput(
          'the answer is not valid JSON',
          next.invalidJson,
          scriptedUsage(call, next.invalidJson),
        )
      return { object: next.object, text: JSON.stringify(next.object), usage: scriptedUsage(call, next.object) }
    },
    async generateText(call) {
      return {
        text: 'scripted',
        usage: { model: 'scripted-model', inputTokens: call.messages.length, outputTokens: 1, costMicros: 1 },
      }
    },
    tokenEstimator: 'heuristic',
    async estimateCostMicros(call) {
      return call.inputTokens + 2 * call.outputTokens
    },
  }
}
