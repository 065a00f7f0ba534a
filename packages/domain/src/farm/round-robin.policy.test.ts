import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isEligible } from './eligibility'
import { farmArb, placementsPerBackend } from './placement.test-kit'
import { INITIAL_ROUND_ROBIN, placeRoundRobin } from './round-robin.policy'

describe('round-robin policy', () => {
  it('binds jobs in rotation and never exceeds in-flight limits', () => {
    fc.assert(
      fc.property(farmArb, ({ backends, jobs }) => {
        const { placements } = placeRoundRobin(jobs, backends, INITIAL_ROUND_ROBIN)
        for (const [id, n] of placementsPerBackend(placements)) {
          const b = backends.find((x) => x.id === id)
          expect(b?.accepting === true && b.inFlight + n <= b.maxInFlight).toBe(true)
        }
        for (const p of placements) {
          const job = jobs.find((j) => j.id === p.jobId)
          const backend = backends.find((b) => b.id === p.backendId)
          expect(job && backend && isEligible(job, backend)).toBe(true)
        }
      }),
    )
  })
})
