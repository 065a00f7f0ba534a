// New shots as the "New shots" dialog plans them: codes that continue the sequence's numbering
// under the project's rule (SH0010, SH0020… step 10), each starting at the project's frame-in
// and running the given length.
import type { CreateShotsRequest } from '@aipipeline/contracts'
import { type CodeRule, nextCodes } from '@aipipeline/domain'
import type { z } from 'zod'

export interface ShotPlanInput {
  sequenceId: string
  rule: CodeRule
  /** Codes already used in the sequence (shot codes are unique within a sequence). */
  existingCodes: readonly string[]
  count: number
  frameIn: number
  /** Frames per shot, inclusive; null = no frame range yet. */
  length: number | null
}

/** The shots to create, in order. */
export function planShots(input: ShotPlanInput): z.input<typeof CreateShotsRequest>['shots'] {
  const count = Math.max(0, Math.min(1000, Math.floor(input.count)))
  return nextCodes(input.rule, input.existingCodes, count).map((code) => ({
    sequenceId: input.sequenceId,
    code,
    ...(input.length !== null && input.length > 0
      ? { frameIn: input.frameIn, frameOut: input.frameIn + input.length - 1 }
      : {}),
  }))
}
