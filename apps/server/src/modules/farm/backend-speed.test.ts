import { describe, expect, it } from 'vitest'
import { learnSpeed } from './backend-speed'

const SWITCH_COST = 50

function run(cost: number, seconds: number, loadsModel: boolean) {
  return { startedAtMs: 1_000, finishedAtMs: 1_000 + seconds * 1000, cost, loadsModel }
}

describe('backend speed learning', () => {
  it('counts the model load in a first run instead of reading the backend as slow', () => {
    const rt = { speed: null as number | null, speedFromLoad: false }
    // 100 units of work plus a 50-unit load in 5 s: 30 units/s, not the 20 that ignoring the load gives.
    learnSpeed(rt, run(100, 5, true), SWITCH_COST)
    expect(rt.speed).toBeCloseTo(30)
    expect(rt.speedFromLoad).toBe(true)
  })

  it('replaces a speed learned from a load with the first clean run, then averages', () => {
    const rt = { speed: null as number | null, speedFromLoad: false }
    learnSpeed(rt, run(100, 5, true), SWITCH_COST)
    learnSpeed(rt, run(40, 1, false), SWITCH_COST)
    expect(rt.speed).toBeCloseTo(40)
    expect(rt.speedFromLoad).toBe(false)
    learnSpeed(rt, run(20, 1, false), SWITCH_COST)
    expect(rt.speed).toBeCloseTo(0.7 * 40 + 0.3 * 20)
  })

  it('ignores later runs that loaded a model, and runs without a start or a duration', () => {
    const rt = { speed: 40 as number | null, speedFromLoad: false }
    learnSpeed(rt, run(100, 10, true), SWITCH_COST)
    learnSpeed(rt, { startedAtMs: null, finishedAtMs: 2_000, cost: 10, loadsModel: false }, SWITCH_COST)
    learnSpeed(rt, run(10, 0, false), SWITCH_COST)
    expect(rt.speed).toBe(40)
  })
})
