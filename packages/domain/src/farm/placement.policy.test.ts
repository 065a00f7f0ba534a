import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isEligible } from './eligibility'
import { DEFAULT_SMART_POLICY, placeSmart } from './placement.policy'
import { farmArb, placementsPerBackend, testBackend, testJob } from './placement.test-kit'
import type { PlacementBackend, PlacementJob } from './placement.types'

describe('smart placement policy', () => {
  it('never places a job on an ineligible, unknown or non-accepting backend', () => {
    fc.assert(
      fc.property(farmArb, ({ backends, jobs, now }) => {
        for (const p of placeSmart(jobs, backends, now)) {
          const job = jobs.find((j) => j.id === p.jobId)
          const backend = backends.find((b) => b.id === p.backendId)
          expect(backend?.accepting === true && job !== undefined && isEligible(job, backend)).toBe(true)
        }
      }),
    )
  })

  it('never exceeds a backend in-flight limit and places each job at most once', () => {
    fc.assert(
      fc.property(farmArb, ({ backends, jobs, now }) => {
        const placements = placeSmart(jobs, backends, now)
        expect(new Set(placements.map((p) => p.jobId)).size).toBe(placements.length)
        for (const [id, n] of placementsPerBackend(placements)) {
          const b = backends.find((x) => x.id === id)
          expect(b && b.inFlight + n <= b.maxInFlight).toBe(true)
        }
      }),
    )
  })

  it('eventually schedules a low-priority job while high-priority work keeps arriving (aging)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 1, max: 2 }), (lowPriority, perTick) => {
        const backend: PlacementBackend = {
          id: 'b',
          name: 'gpu',
          accepting: true,
          capabilitiesKnown: true,
          nodeClasses: new Set(),
          models: new Set(),
          tags: [],
          vramGb: 24,
          speed: 1,
          maxInFlight: 1,
          inFlight: 0,
          backlog: 0,
          lastModel: null,
        }
        const make = (id: string, priority: number, at: number): PlacementJob => ({
          id,
          priority,
          queuedAtMs: at,
          requirements: { nodeClasses: [], models: [], tags: [], minVramGb: 0 },
          primaryModel: null,
          cost: 1,
          vramAboveGb: null,
        })
        let queue = [make('old', lowPriority, 0)]
        const tickMs = 10_000
        // One slot per tick, `perTick` fresh priority-100 jobs per tick: without aging "old" starves.
        // Jobs arriving after (100 − p) / aging minutes rank below it, so only those before can pass it.
        const bound = perTick * Math.ceil(((100 - lowPriority) / DEFAULT_SMART_POLICY.agingPerMinute) * 6) + 2
        for (let tick = 1; tick <= bound; tick++) {
          const now = tick * tickMs
          for (let k = 0; k < perTick; k++) queue.push(make(`n${tick}-${k}`, 100, now))
          const [placed] = placeSmart(queue, [backend], now)
          if (placed?.jobId === 'old') return
          queue = queue.filter((j) => j.id !== placed?.jobId)
        }
        throw new Error(`job "old" (priority ${lowPriority}) not placed within ${bound} ticks`)
      }),
      { numRuns: 15 },
    )
  })

  it('eventually switches models for a low-priority job while high-priority jobs of the loaded model keep arriving', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 1, max: 2 }), (lowPriority, perTick) => {
        const backend: PlacementBackend = {
          id: 'b',
          name: 'gpu',
          accepting: true,
          capabilitiesKnown: true,
          nodeClasses: new Set(),
          models: new Set(['sdxl', 'flux']),
          tags: [],
          vramGb: 24,
          speed: 1,
          maxInFlight: 1,
          inFlight: 0,
          backlog: 0,
          lastModel: 'sdxl',
        }
        const make = (id: string, priority: number, at: number, model: string): PlacementJob => ({
          id,
          priority,
          queuedAtMs: at,
          requirements: { nodeClasses: [], models: [model], tags: [], minVramGb: 0 },
          primaryModel: model,
          cost: 1,
          vramAboveGb: null,
        })
        let queue = [make('old', lowPriority, 0, 'flux')]
        const tickMs = 10_000
        const { agingPerMinute, maxSwitchPoints } = DEFAULT_SMART_POLICY
        const bound = perTick * Math.ceil(((100 - lowPriority + maxSwitchPoints) / agingPerMinute) * 6) + 2
        for (let tick = 1; tick <= bound; tick++) {
          const now = tick * tickMs
          for (let k = 0; k < perTick; k++) queue.push(make(`n${tick}-${k}`, 100, now, 'sdxl'))
          const [placed] = placeSmart(queue, [backend], now)
          if (placed?.jobId === 'old') return
          queue = queue.filter((j) => j.id !== placed?.jobId)
        }
        throw new Error(`job "old" (priority ${lowPriority}) not placed within ${bound} ticks`)
      }),
      { numRuns: 15 },
    )
  })

  it('gives a freed slot to a job of the loaded model unless another job outranks it by more than the switch', () => {
    const backend = testBackend('b', 'sdxl', { maxInFlight: 2, inFlight: 1, backlog: 5 })
    const job = (id: string, priority: number, model: string) => testJob(id, priority, model)
    // A switch here takes 50 / 10 = 5 s, i.e. 40 points (the cap): 60 − 40 < 50.
    const slot = (jobs: PlacementJob[]) => placeSmart(jobs, [backend], 0).map((p) => p.jobId)
    expect(slot([job('flux-60', 60, 'flux'), job('sdxl-50', 50, 'sdxl')])).toEqual(['sdxl-50'])
    expect(slot([job('flux-100', 100, 'flux'), job('sdxl-50', 50, 'sdxl')])).toEqual(['flux-100'])
    expect(slot([job('flux-60', 60, 'flux')])).toEqual(['flux-60'])
  })

  it('keeps each backend on its loaded model when priorities are close', () => {
    const backends = [testBackend('a', 'sdxl'), testBackend('b', 'flux')]
    const jobs = [55, 54, 53, 52].map((priority, i) => testJob(`j${i}`, priority, i < 2 ? 'flux' : 'sdxl'))
    const placed = placeSmart(jobs, backends, 0)
    expect(placed).toEqual([
      { jobId: 'j0', backendId: 'b' },
      { jobId: 'j2', backendId: 'a' },
    ])
  })

  it('prefers the backend that already has the job model loaded when speeds are equal', () => {
    const equal = { speed: 1, maxInFlight: 2 }
    const backends = [testBackend('a', 'sdxl', equal), testBackend('b', 'flux', equal)]
    const job = testJob('j', 50, 'flux')
    expect(placeSmart([job], backends, 0)).toEqual([{ jobId: 'j', backendId: 'b' }])
  })

  it('sends work to the faster free backend first', () => {
    const backends = [1, 3].map((speed) =>
      testBackend(speed === 1 ? 'slow' : 'fast', null, { speed, maxInFlight: 2, models: new Set() }),
    )
    const job = testJob('j', 50, 'any', {
      requirements: { nodeClasses: [], models: [], tags: [], minVramGb: 0 },
      primaryModel: null,
    })
    expect(placeSmart([job], backends, 0)[0]?.backendId).toBe('fast')
  })
})
