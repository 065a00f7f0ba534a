// What agents need from a language model. In the studio this is the SmartRouter (routing,
// retries, fallbacks, costs and budgets live there); tests script it. Output is returned
// unvalidated: the agent runner parses it with the step's schema and repairs once.
import type { z } from 'zod'
import type { TokenEstimatorName } from './token-estimators'

export type AgentTaskClass = 'analysis' | 'creative' | 'enhance' | 'summarise'

export interface ModelMessage {
  role: 'user' | 'assistant'
  content: string
}

export interface ModelCall {
  taskClass: AgentTaskClass
  system: string
  messages: ModelMessage[]
  /** Tokens kept free for the answer. */
  maxOutputTokens?: number
  project: string
  job: string | null
  abortSignal?: AbortSignal
}

export interface ModelObjectCall extends ModelCall {
  /** The shape asked for; providers with structured output enforce it. */
  schema: z.ZodType
  schemaName: string
}

export interface ModelUsage {
  model: string | null
  inputTokens: number
  outputTokens: number
  /** Integer micro-dollars. */
  costMicros: number
}

export interface LanguageModelPort {
  /** A JSON value meant to match `schema` (not yet checked). Throws InvalidModelOutput when the answer is not JSON or the router refused it as invalid. */
  generateObject(call: ModelObjectCall): Promise<{ object: unknown; text: string | null; usage: ModelUsage }>
  generateText(call: ModelCall): Promise<{ text: string; usage: ModelUsage }>
  /**
   * How to count the tokens of a text for the model behind the port (an estimate that errs
   * high), by name so that chunking on a worker thread counts exactly the same.
   */
  readonly tokenEstimator: TokenEstimatorName
  /** Worst-case cost of a call in micro-dollars; null when no model would take it. */
  estimateCostMicros(call: {
    taskClass: AgentTaskClass
    inputTokens: number
    outputTokens: number
    project: string
  }): Promise<number | null>
}

/** The model answered, but not with what was asked; the runner re-asks once with this message. */
export class InvalidModelOutput extends Error {
  override name = 'InvalidModelOutput'
  constructor(
    message: string,
    /** The raw answer, when there was one. */
    readonly text: string | null,
    readonly usage: ModelUsage | null = null,
  ) {
    super(message)
  }
}

/** No deployment is configured or reachable for the call; retrying later may help. */
export class ModelUnavailable extends Error {
  override name = 'ModelUnavailable'
}
