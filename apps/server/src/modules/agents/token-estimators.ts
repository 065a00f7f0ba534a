// Token estimators by name. A language model port names its estimator instead of lending a
// function, so script chunking can run on a worker thread with exactly the port's counts.
import { estimateTokensHeuristic, type TokenEstimator } from '@aipipeline/domain'
import { estimateTextTokens } from '@aipipeline/llm'

export const TOKEN_ESTIMATORS = {
  /** The SmartRouter's estimate (wide scripts such as Korean count a token a character). */
  text: estimateTextTokens,
  /** About 3.5 characters a token, whatever the script. */
  heuristic: estimateTokensHeuristic,
} satisfies Record<string, TokenEstimator>

export type TokenEstimatorName = keyof typeof TOKEN_ESTIMATORS
