// The smart placement policy's model pressure: when a backend should load another model, and
// when a job should rather wait for a backend that has its model.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isEligible } from './eligibility'
import { DEFAULT_SMART_POLICY, placeSmart } from './placement.policy'
import { farmArb, testBackend, testJob } from './placement.test-kit'

describe('smart placement policy: model pressure', () => {
  const gpu = testBackend
  const job = testJob
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
