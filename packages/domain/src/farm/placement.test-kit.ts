// Shared by the placement tests: generated farms for property tests, and small factories for
// hand-made backends and jobs (fields a test does not name take these defaults).
import fc from 'fast-check'
import type { PlacementBackend, PlacementJob } from './placement.types'

const CLASSES = ['KSampler', 'SaveImage', 'UNETLoader', 'WanVideo']
const MODELS = ['sdxl', 'flux', 'wan', 'sd15']
const TAGS = ['video', 'fast', 'studio-a']

export const backendArb = fc.record({
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

export const jobArb = fc.record({
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

export const farmArb = fc.record({
  backends: fc.uniqueArray(backendArb, { selector: (b) => b.id, maxLength: 8 }),
  jobs: fc.uniqueArray(jobArb, { selector: (j) => j.id, maxLength: 40 }),
  now: fc.integer({ min: 1_000_000, max: 5_000_000 }),
})

export function placementsPerBackend(placements: { backendId: string }[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const p of placements) counts.set(p.backendId, (counts.get(p.backendId) ?? 0) + 1)
  return counts
}

/** A backend with sdxl and flux installed, speed 10, one slot, idle. */
export function testBackend(
  id: string,
  lastModel: string | null,
  over: Partial<PlacementBackend> = {},
): PlacementBackend {
  return {
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
  }
}

/** A job that needs `model`, queued at 0, costing 5 units. */
export function testJob(id: string, priority: number, model: string, over: Partial<PlacementJob> = {}): PlacementJob {
  return {
    id,
    priority,
    queuedAtMs: 0,
    requirements: { nodeClasses: [], models: [model], tags: [], minVramGb: 0 },
    primaryModel: model,
    cost: 5,
    vramAboveGb: null,
    ...over,
  }
}
