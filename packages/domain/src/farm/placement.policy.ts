// The smart placement policy (ARCHITECTURE decision 2): whenever slots are free, the
// (job, backend) pair with the highest value is placed next, where value = aged priority
// minus the price of the model switch it causes (SwarmUI's "model pressure", weighed in
// priority points). Each job goes to the free backend where it is estimated to finish first,
// counting the work already queued there, the backend's learned speed and the switch. Beats
// SwarmUI's rule (first non-busy backend, loaded model preferred) on heterogeneous farms
// because it weighs speed and backlog, and the switch price is capped so aging still lets
// every job through: nothing starves.
import { isEligible } from './eligibility'
import type { Placement, PlacementBackend, PlacementJob } from './placement.types'

export interface SmartPolicyOptions {
  /** Priority points a waiting job gains per minute (aging); > 0 so nothing starves. */
  agingPerMinute: number
  /** Cost units a model switch is worth (load time × typical speed). */
  switchCost: number
  /**
   * Priority points one second of model loading costs: a job that needs a switch must outrank
   * a job of the already loaded model by this × the load's seconds on that backend.
   */
  switchPointsPerSecond: number
  /** Upper bound of that price, in priority points, so aging always wins in the end. */
  maxSwitchPoints: number
  /**
   * In the tail of a run (fewer queued jobs than free-or-soon slots), a job waits for a
   * faster backend unless this one finishes it within this factor of the best estimate.
   */
  tailPatience: number
}

// A checkpoint load costs about as much as 50 steps of a 512² image (≈3 s vs ≈60 ms per step).
// 10 points per load second: a 3 s switch weighs 30 points, the gap between the high (80) and
// normal (50) bands, or 15 minutes of aging; never more than 40 points (20 minutes of aging).
export const DEFAULT_SMART_POLICY: SmartPolicyOptions = {
  agingPerMinute: 2,
  switchCost: 50,
  switchPointsPerSecond: 10,
  maxSwitchPoints: 40,
  tailPatience: 1.15,
}

/** Priority plus aging: a job waiting `w` minutes gains `agingPerMinute × w` points. */
export function effectivePriority(job: PlacementJob, nowMs: number, agingPerMinute: number): number {
  const waitedMinutes = Math.max(0, nowMs - job.queuedAtMs) / 60_000
  return job.priority + waitedMinutes * agingPerMinute
}

/** Queue order: aged priority (higher first), then longest waiting, then id. */
export function orderQueue(jobs: readonly PlacementJob[], nowMs: number, agingPerMinute: number): PlacementJob[] {
  const keyed = jobs.map((job) => ({ job, key: effectivePriority(job, nowMs, agingPerMinute) }))
  keyed.sort((a, b) => b.key - a.key || a.job.queuedAtMs - b.job.queuedAtMs || (a.job.id < b.job.id ? -1 : 1))
  return keyed.map((k) => k.job)
}

interface Slot {
  backend: PlacementBackend
  inFlight: number
  backlog: number
  lastModel: string | null
}

function switches(job: PlacementJob, slot: Slot): boolean {
  return job.primaryModel !== null && slot.lastModel !== job.primaryModel
}

/** Seconds until `job` would finish on `slot`, after the work already queued there. */
function finishEstimate(job: PlacementJob, slot: Slot, switchCost: number): number {
  return (slot.backlog + (switches(job, slot) ? switchCost : 0) + job.cost) / Math.max(1e-9, slot.backend.speed)
}

/** Priority points the model switch of `job` on `slot` costs (0 when its model is loaded there). */
function switchPoints(job: PlacementJob, slot: Slot, options: SmartPolicyOptions): number {
  if (!switches(job, slot)) return 0
  const seconds = options.switchCost / Math.max(1e-9, slot.backend.speed)
  return Math.min(options.maxSwitchPoints, seconds * options.switchPointsPerSecond)
}

const hasRoom = (s: Slot) => s.inFlight < s.backend.maxInFlight

interface Candidate {
  job: PlacementJob
  /** Aged priority. */
  key: number
  /** Computed on first look: most passes place one job and look at only a few. */
  eligible: Slot[] | null
}

interface Choice {
  candidate: Candidate
  slot: Slot
  value: number
  finish: number
}

/**
 * The best free slot for a candidate: earliest estimated finish, then the loaded model, then
 * the emptier backend. Null when none is free, or when in the tail it should wait for a faster one.
 */
function bestSlot(c: Candidate, slots: readonly Slot[], options: SmartPolicyOptions, tail: boolean): Choice | null {
  c.eligible ??= slots.filter((s) => isEligible(c.job, s.backend))
  let best: Choice | null = null
  let bestAnywhere = Number.POSITIVE_INFINITY
  for (const slot of c.eligible) {
    const finish = finishEstimate(c.job, slot, options.switchCost)
    bestAnywhere = Math.min(bestAnywhere, finish)
    if (!hasRoom(slot)) continue
    const value = c.key - switchPoints(c.job, slot, options)
    const better =
      best === null ||
      finish < best.finish - 1e-9 ||
      (Math.abs(finish - best.finish) <= 1e-9 &&
        (value > best.value + 1e-9 || (Math.abs(value - best.value) <= 1e-9 && slot.inFlight < best.slot.inFlight)))
    if (better) best = { candidate: c, slot, value, finish }
  }
  // Tail: few jobs left, so a slow free GPU would stretch the makespan; wait for a faster one.
  if (best !== null && tail && best.finish > bestAnywhere * options.tailPatience) return null
  return best
}

/** Chooses placements for this instant; never exceeds a backend's in-flight limit. */
export function placeSmart(
  jobs: readonly PlacementJob[],
  backends: readonly PlacementBackend[],
  nowMs: number,
  options: SmartPolicyOptions = DEFAULT_SMART_POLICY,
): Placement[] {
  const slots: Slot[] = backends
    .filter((b) => b.accepting && b.capabilitiesKnown)
    .map((b) => ({ backend: b, inFlight: b.inFlight, backlog: b.backlog, lastModel: b.lastModel }))
  if (!slots.some(hasRoom)) return []
  const capacity = slots.reduce((n, s) => n + s.backend.maxInFlight, 0)
  let pending: Candidate[] = orderQueue(jobs, nowMs, options.agingPerMinute).map((job) => ({
    job,
    key: effectivePriority(job, nowMs, options.agingPerMinute),
    eligible: null,
  }))
  const placements: Placement[] = []
  while (pending.length > 0 && slots.some(hasRoom)) {
    const tail = pending.length <= capacity
    // Highest value wins; `pending` is in queue order, so ties keep aged priority, then age.
    let chosen: Choice | null = null
    const waiting = new Set<Candidate>()
    for (const c of pending) {
      // No job can beat `chosen` once even its unpenalised key is lower.
      if (chosen !== null && c.key < chosen.value - 1e-9) break
      const choice = bestSlot(c, slots, options, tail)
      if (choice === null) {
        waiting.add(c)
        continue
      }
      if (chosen === null || choice.value > chosen.value + 1e-9) chosen = choice
    }
    pending = pending.filter((c) => !waiting.has(c))
    if (chosen === null) break
    const { slot, candidate } = chosen
    slot.inFlight += 1
    slot.backlog += candidate.job.cost + (switches(candidate.job, slot) ? options.switchCost : 0)
    if (candidate.job.primaryModel !== null) slot.lastModel = candidate.job.primaryModel
    placements.push({ jobId: candidate.job.id, backendId: slot.backend.id })
    pending = pending.filter((c) => c !== candidate)
  }
  return placements
}
