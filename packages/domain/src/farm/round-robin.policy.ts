// The naive baseline for the benchmark: each job, in submission order, is bound to the next
// eligible backend in rotation and waits for that backend, whatever its speed or backlog
// (what a plain load balancer in front of ComfyUI servers does).
import { isEligible } from './eligibility'
import type { Placement, PlacementBackend, PlacementJob } from './placement.types'

export interface RoundRobinState {
  /** Rotation position, advanced once per bound job. */
  cursor: number
  /** Job id → backend id, fixed when the job is first seen. */
  bound: ReadonlyMap<string, string>
}

export const INITIAL_ROUND_ROBIN: RoundRobinState = { cursor: 0, bound: new Map() }

/** Places jobs by strict rotation; returns the placements and the next state. */
export function placeRoundRobin(
  jobs: readonly PlacementJob[],
  backends: readonly PlacementBackend[],
  state: RoundRobinState,
): { placements: Placement[]; state: RoundRobinState } {
  const sorted = [...backends].sort((a, b) => (a.id < b.id ? -1 : 1))
  const inFlight = new Map(sorted.map((b) => [b.id, b.inFlight]))
  const bound = new Map(state.bound)
  let cursor = state.cursor
  const placements: Placement[] = []
  const fifo = [...jobs].sort((a, b) => a.queuedAtMs - b.queuedAtMs || (a.id < b.id ? -1 : 1))
  for (const job of fifo) {
    let target = bound.get(job.id)
    // A backend removed since binding: bind the job anew.
    if (target !== undefined && !sorted.some((b) => b.id === target)) target = undefined
    if (target === undefined) {
      const eligible = sorted.filter((b) => isEligible(job, b))
      if (eligible.length === 0) continue
      target = eligible[cursor % eligible.length]?.id
      cursor += 1
      if (target === undefined) continue
      bound.set(job.id, target)
    }
    const backend = sorted.find((b) => b.id === target)
    const used = inFlight.get(target) ?? 0
    if (backend === undefined || !backend.accepting || used >= backend.maxInFlight) continue
    inFlight.set(target, used + 1)
    bound.delete(job.id)
    placements.push({ jobId: job.id, backendId: target })
  }
  return { placements, state: { cursor, bound } }
}
