// A sweep is the cartesian product of its axes, so a few short lists multiply into more jobs
// than a farm could ever run (and than memory holds while they are built). It is counted
// before the workflow is even resolved, so nothing is expanded, stored or queued.
import { DomainError } from '@aipipeline/domain'

/** A sweep that would expand to more jobs than the studio allows (HTTP 422). */
export class SweepTooLarge extends DomainError {
  readonly code = 'sweep_too_large'
  constructor(combinations: number, limit: number) {
    super(`the sweep expands to ${combinations} combinations; the limit is ${limit}`, { combinations, limit })
  }
}

/** Number of runs a sweep expands to; saturates at MAX_SAFE_INTEGER instead of losing precision. */
export function sweepCombinations(axes: Record<string, readonly unknown[]>): number {
  let total = 1
  for (const values of Object.values(axes)) {
    total *= values.length
    if (total > Number.MAX_SAFE_INTEGER) return Number.MAX_SAFE_INTEGER
  }
  return total
}

/** Throws SweepTooLarge when the sweep's combinations exceed `limit`. */
export function assertSweepWithinLimit(axes: Record<string, readonly unknown[]>, limit: number): void {
  const combinations = sweepCombinations(axes)
  if (combinations > limit) throw new SweepTooLarge(combinations, limit)
}
