import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ineligibilityReason, isEligible, unschedulableReason } from './eligibility'
import { DEFAULT_SMART_POLICY, placeSmart } from './placement.policy'
import type { PlacementBackend, PlacementJob } from './placement.types'
import { INITIAL_ROUND_ROBIN, placeRoundRobin } from './round-robin.policy'

const CLASSES = ['KSampler', 'SaveImage', 'UNETLoader', 'WanVideo']
const MODELS = ['sdxl', 'flux', 'wan', 'sd15']
const TAGS = ['video', 'fast', 'studio-a']

const backendArb = fc.record({
  id: fc.uuid(),
  name: fc.constant('gpu'),
  accepting: fc.boolean(),
  capabilitiesKnown: fc.boolean(),
  nodeClasses: fc.subarray(CLASSES).map((a) => new Set(a)),
  models: fc.subarray(MODELS).map((a) => new Set(a)),
  tags: fc.subarray(TAGS),
  vramGb: fc.constantFrom(8, 12, 24, 48, 80),
  speed: fc.double({ min: 0.5, max: 4, noNaN: true }),
  maxInFlight: fc.integer({ min: 1, max: 3 }),
  inFlight: fc.integer({ min: 0, max: 3 }),
  backlog: fc.double({ min: 0, max: 100, noNaN: true }),
  lastModel: fc.option(fc.constantFrom(...MODELS), { nil: null }),
}) satisfies fc.Arbitrary<PlacementBackend>

const jobArb = fc.record({
  id: fc.uuid(),
  priority: fc.integer({ min: 0, max: 100 }),
  queuedAtMs: fc.integer({ min: 0, max: 1_000_000 }),
  requirements: fc.record({
    nodeClasses: fc.subarray(CLASSES, { maxLength: 2 }),
    models: fc.subarray(MODELS, { maxLength: 1 }),
    tags: fc.subarray(TAGS, { maxLength: 1 }),
    minVramGb: fc.constantFrom(0, 0, 16, 40),
  }),
  primaryModel: fc.option(fc.constantFrom(...MODELS), { nil: null }),
  cost: fc.double({ min: 0.1, max: 50, noNaN: true }),
  vramAboveGb: fc.option(fc.constantFrom(12, 24), { nil: null }),
}) satisfies fc.Arbitrary<PlacementJob>

const farmArb = fc.record({
  backends: fc.uniqueArray(backendArb, { selector: (b) => b.id, maxLength: 8 }),
  jobs: fc.uniqueArray(jobArb, { selector: (j) => j.id, maxLength: 40 }),
  now: fc.integer({ min: 1_000_000, max: 5_000_000 }),
})

function placementsPerBackend(placements: { backendId: string }[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const p of placements) counts.set(p.backendId, (counts.get(p.backendId) ?? 0) + 1)
  return counts
}

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
    const backend: PlacementBackend = {
      id: 'b',
      name: 'gpu',
      accepting: true,
      capabilitiesKnown: true,
      nodeClasses: new Set(),
      models: new Set(['sdxl', 'flux']),
      tags: [],
      vramGb: 24,
      speed: 10,
      maxInFlight: 2,
      inFlight: 1,
      backlog: 5,
      lastModel: 'sdxl',
    }
    const job = (id: string, priority: number, model: string): PlacementJob => ({
      id,
      priority,
      queuedAtMs: 0,
      requirements: { nodeClasses: [], models: [model], tags: [], minVramGb: 0 },
      primaryModel: model,
      cost: 5,
      vramAboveGb: null,
    })
    // A switch here takes 50 / 10 = 5 s, i.e. 40 points (the cap): 60 − 40 < 50.
    const slot = (jobs: PlacementJob[]) => placeSmart(jobs, [backend], 0).map((p) => p.jobId)
    expect(slot([job('flux-60', 60, 'flux'), job('sdxl-50', 50, 'sdxl')])).toEqual(['sdxl-50'])
    expect(slot([job('flux-100', 100, 'flux'), job('sdxl-50', 50, 'sdxl')])).toEqual(['flux-100'])
    expect(slot([job('flux-60', 60, 'flux')])).toEqual(['flux-60'])
  })

  it('keeps each backend on its loaded model when priorities are close', () => {
    const base = {
      name: 'gpu',
      accepting: true,
      capabilitiesKnown: true,
      nodeClasses: new Set<string>(),
      models: new Set(['sdxl', 'flux']),
      tags: [],
      vramGb: 24,
      speed: 10,
      maxInFlight: 1,
      inFlight: 0,
      backlog: 0,
    }
    const backends: PlacementBackend[] = [
      { ...base, id: 'a', lastModel: 'sdxl' },
      { ...base, id: 'b', lastModel: 'flux' },
    ]
    const jobs: PlacementJob[] = [55, 54, 53, 52].map((priority, i) => {
      const model = i < 2 ? 'flux' : 'sdxl'
      return {
        id: `j${i}`,
        priority,
        queuedAtMs: 0,
        requirements: { nodeClasses: [], models: [model], tags: [], minVramGb: 0 },
        primaryModel: model,
        cost: 5,
        vramAboveGb: null,
      }
    })
    const placed = placeSmart(jobs, backends, 0)
    expect(placed).toEqual([
      { jobId: 'j0', backendId: 'b' },
      { jobId: 'j2', backendId: 'a' },
    ])
  })

  it('prefers the backend that already has the job model loaded when speeds are equal', () => {
    const base = {
      name: 'gpu',
      accepting: true,
      capabilitiesKnown: true,
      nodeClasses: new Set<string>(),
      models: new Set(['sdxl', 'flux']),
      tags: [],
      vramGb: 24,
      speed: 1,
      maxInFlight: 2,
      inFlight: 0,
      backlog: 0,
    }
    const backends: PlacementBackend[] = [
      { ...base, id: 'a', lastModel: 'sdxl' },
      { ...base, id: 'b', lastModel: 'flux' },
    ]
    const job: PlacementJob = {
      id: 'j',
      priority: 50,
      queuedAtMs: 0,
      requirements: { nodeClasses: [], models: ['flux'], tags: [], minVramGb: 0 },
      primaryModel: 'flux',
      cost: 5,
      vramAboveGb: null,
    }
    expect(placeSmart([job], backends, 0)).toEqual([{ jobId: 'j', backendId: 'b' }])
  })

  it('sends work to the faster free backend first', () => {
    const base = {
      name: 'gpu',
      accepting: true,
      capabilitiesKnown: true,
      nodeClasses: new Set<string>(),
      models: new Set<string>(),
      tags: [],
      vramGb: 24,
      maxInFlight: 2,
      inFlight: 0,
      backlog: 0,
      lastModel: null,
    }
    const backends: PlacementBackend[] = [
      { ...base, id: 'slow', speed: 1 },
      { ...base, id: 'fast', speed: 3 },
    ]
    const job: PlacementJob = {
      id: 'j',
      priority: 50,
      queuedAtMs: 0,
      requirements: { nodeClasses: [], models: [], tags: [], minVramGb: 0 },
      primaryModel: null,
      cost: 5,
      vramAboveGb: null,
    }
    expect(placeSmart([job], backends, 0)[0]?.backendId).toBe('fast')
  })
})

describe('smart placement policy: model pressure', () => {
  const gpu = (id: string, lastModel: string | null, over: Partial<PlacementBackend> = {}): PlacementBackend => ({
    id,
    name: id,
    accepting: true,
    capabilitiesKnown: true,
    nodeClasses: new Set(),
    models: new Set(['sdxl', 'flux']),
    tags: [],
    vramGb: 24,
    speed: 10,
    maxInFlight: 1,
    inFlight: 0,
    backlog: 0,
    lastModel,
    ...over,
  })
  const job = (id: string, priority: number, model: string, over: Partial<PlacementJob> = {}): PlacementJob => ({
    id,
    priority,
    queuedAtMs: 0,
    requirements: { nodeClasses: [], models: [model], tags: [], minVramGb: 0 },
    primaryModel: model,
    cost: 5,
    vramAboveGb: null,
    ...over,
  })
  // "busy" has flux loaded and no free slot; "idle" has sdxl loaded and nothing of sdxl to do.
  const busyFlux = gpu('busy', 'flux', { inFlight: 1, backlog: 5 })

  // More jobs than slots throughout, so the tail rule (wait for a faster backend) stays out of it.
  it('lets jobs wait for the backend that has their model rather than pay a load that does not pay off', () => {
    const jobs = ['a', 'b', 'c'].map((id) => job(id, 50, 'flux', { cost: 1 }))
    // Flux work: 8 units on 10 units/s = 0.8 s; with "idle" after its load, (8 + 50) ÷ 20 = 2.9 s.
    expect(placeSmart(jobs, [busyFlux, gpu('idle', 'sdxl')], 0)).toEqual([])
  })

  it('moves a backend to the model whose queue is the bottleneck', () => {
    const jobs = Array.from({ length: 40 }, (_, i) => job(`flux-${i}`, 50, 'flux'))
    // Flux work: 205 units → 20.5 s on "busy" alone; (205 + a 50-unit load) ÷ 20 = 12.75 s with "idle".
    expect(placeSmart(jobs, [busyFlux, gpu('idle', 'sdxl')], 0)).toEqual([{ jobId: 'flux-0', backendId: 'idle' }])
  })

  it('gives a cold backend the model no backend serves, not the first queued job', () => {
    // Flux is loaded on "busy" and heads the queue; nothing has sdxl loaded, so "cold" takes sdxl.
    const jobs = [...['f1', 'f2', 'f3'].map((id) => job(id, 80, 'flux')), job('s1', 10, 'sdxl')]
    expect(placeSmart(jobs, [busyFlux, gpu('cold', null)], 0)).toEqual([{ jobId: 's1', backendId: 'cold' }])
  })

  it('does not load a model on a backend when another model it could run drains much later', () => {
    // Flux drains in 20.5 s on "busy", sdxl in 25 s on "sdxl". "idle" would shorten either, but
    // only sdxl is the longer queue: (250 + a 50-unit load) ÷ 20 = 15 s. Flux jobs rank higher.
    const flux = Array.from({ length: 40 }, (_, i) => job(`flux-${i}`, 80, 'flux'))
    const sdxl = Array.from({ length: 45 }, (_, i) => job(`sdxl-${i}`, 10, 'sdxl'))
    const sdxlBusy = gpu('sdxl', 'sdxl', { inFlight: 1, backlog: 25 })
    const placed = placeSmart([...flux, ...sdxl], [busyFlux, sdxlBusy, gpu('idle', 'sd15')], 0)
    expect(placed).toEqual([{ jobId: 'sdxl-0', backendId: 'idle' }])
  })

  it('switches anyway for a job that outranks all work of the loaded model by the override points', () => {
    const backends = [busyFlux, gpu('idle', 'sdxl')]
    const sdxl = (priority: number) => ['s1', 's2', 's3'].map((id) => job(id, priority, 'sdxl'))
    expect(placeSmart([job('flux', 80, 'flux'), ...sdxl(10)], backends, 0)).toEqual([
      { jobId: 'flux', backendId: 'idle' },
    ])
    expect(placeSmart([job('flux', 80, 'flux'), ...sdxl(50)], backends, 0)).toEqual([
      { jobId: 's1', backendId: 'idle' },
    ])
  })

  it('counts only loaded backends that can run the job: one that cannot does not hold it back', () => {
    const smallFlux = gpu('small', 'flux', { vramGb: 12, inFlight: 1, backlog: 5 })
    const needsVram = ['a', 'b', 'c'].map((id) =>
      job(id, 50, 'flux', { cost: 1, requirements: { nodeClasses: [], models: ['flux'], tags: [], minVramGb: 16 } }),
    )
    expect(placeSmart(needsVram, [smallFlux, gpu('idle', 'sdxl')], 0)).toEqual([{ jobId: 'a', backendId: 'idle' }])
  })

  it('runs every job to the end on any farm where each job has an eligible backend', () => {
    fc.assert(
      fc.property(farmArb, ({ backends, jobs }) => {
        const farm = backends.map((b) => ({ ...b, accepting: true, capabilitiesKnown: true, inFlight: 0, backlog: 0 }))
        let queue = jobs.filter((j) => farm.some((b) => isEligible(j, b)))
        // Each tick every backend finishes what it had; jobs wait at most until aging overrides.
        const tickMs = 60_000
        const bound = queue.length * Math.ceil((100 + DEFAULT_SMART_POLICY.overridePoints) / 2) + 10
        for (let tick = 0; queue.length > 0; tick++) {
          if (tick > bound) throw new Error(`${queue.length} jobs never placed`)
          for (const p of placeSmart(queue, farm, tick * tickMs)) {
            const b = farm.find((x) => x.id === p.backendId)
            const j = queue.find((x) => x.id === p.jobId)
            if (b && j?.primaryModel) b.lastModel = j.primaryModel
            queue = queue.filter((x) => x.id !== p.jobId)
          }
        }
      }),
      { numRuns: 60 },
    )
  })
})

describe('eligibility', () => {
  it('names what is missing, and reports unschedulable only when every known backend lacks something', () => {
    const backend: PlacementBackend = {
      id: 'a',
      name: 'gpu-a',
      accepting: true,
      capabilitiesKnown: true,
      nodeClasses: new Set(['KSampler']),
      models: new Set(['sdxl']),
      tags: [],
      vramGb: 12,
      speed: 1,
      maxInFlight: 2,
      inFlight: 0,
      backlog: 0,
      lastModel: null,
    }
    const job: PlacementJob = {
      id: 'j',
      priority: 0,
      queuedAtMs: 0,
      requirements: { nodeClasses: ['KSampler'], models: ['flux'], tags: [], minVramGb: 0 },
      primaryModel: 'flux',
      cost: 1,
      vramAboveGb: null,
    }
    expect(ineligibilityReason(job, backend)).toBe('missing models flux')
    expect(unschedulableReason(job, [backend])).toBe('no backend can run this job (gpu-a: missing models flux)')
    expect(unschedulableReason(job, [backend, { ...backend, id: 'b', capabilitiesKnown: false }])).toBeNull()
    expect(unschedulableReason(job, [])).toBe('no backends are registered')
    expect(
      ineligibilityReason({ ...job, requirements: { ...job.requirements, models: [] }, vramAboveGb: 12 }, backend),
    ).toMatch(/ran out of memory with 12 GB/)
  })
})

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
