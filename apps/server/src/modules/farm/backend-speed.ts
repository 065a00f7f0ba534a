// What a backend's finished prompts teach about its throughput, in cost units per second (see
// render-cost.ts). The placement policy weighs finish times and model pressure with it, so a
// wrong speed moves models around the farm for nothing.
import type { ActiveAttempt, BackendRuntime } from './backend-pool'

/**
 * Learns the backend's throughput from one finished prompt (EWMA, cost units per second). A
 * run that loaded a model first did its cost plus a load (`switchCost` units, the policy's own
 * estimate); its sample counts the load but is used only while nothing better is known, and
 * the first clean run replaces it. Averaged in, or read without the load, it would make a fast
 * GPU look slow for many jobs and the placement policy would move models around on that error.
 */
export function learnSpeed(
  rt: Pick<BackendRuntime, 'speed' | 'speedFromLoad'>,
  a: Pick<ActiveAttempt, 'startedAtMs' | 'finishedAtMs' | 'cost' | 'loadsModel'>,
  switchCost: number,
): void {
  if (a.startedAtMs === null || a.finishedAtMs === null) return
  const seconds = (a.finishedAtMs - a.startedAtMs) / 1000
  if (seconds <= 0) return
  if (a.loadsModel) {
    if (rt.speed === null) {
      rt.speed = (a.cost + switchCost) / seconds
      rt.speedFromLoad = true
    }
    return
  }
  const sample = a.cost / seconds
  rt.speed = rt.speed === null || rt.speedFromLoad ? sample : 0.7 * rt.speed + 0.3 * sample
  rt.speedFromLoad = false
}
