import { describe, expect, it } from 'vitest'
import { ineligibilityReason, unschedulableReason } from './eligibility'
import type { PlacementBackend, PlacementJob } from './placement.types'

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
