// Cost arithmetic in integer micro-dollars. Prices are micro-dollars per million tokens, so
// a call's exact cost is tokens × price / 1e6 micro-dollars; we round that up once per call
// so spend is never under-reported and the ledger sums exactly.
import type { TokenPrices } from '../deployment/deployment'

export interface TokenUsage {
  inputTokens: number
  outputTokens: number
}

/** Cost of a call in micro-dollars (integer, rounded up to the next micro-dollar). */
export function costMicros(usage: TokenUsage, prices: TokenPrices): number {
  const scaled = usage.inputTokens * prices.inputMicrosPerMillion + usage.outputTokens * prices.outputMicrosPerMillion
  // Both factors are below 2^26 in practice (a 10M-token prompt at $1000/M), so the product
  // stays an exact double; Math.ceil of an exact quotient is exact too.
  return Math.ceil(scaled / 1_000_000)
}

/** Micro-dollars → a USD display string with up to 6 decimals. */
export function formatMicros(micros: number): string {
  return `$${(micros / 1_000_000).toFixed(6).replace(/0+$/, '').replace(/\.$/, '')}`
}
