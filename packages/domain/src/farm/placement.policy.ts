// The smart placement policy (ARCHITECTURE decision 2): whenever slots are free, the
// (job, backend) pair with the highest value is placed next, where value = aged priority
// minus the price of the model switch it causes (SwarmUI's "model pressure", weighed in
// priority points). Each job goes to the free backend where it is estimated to finish first,
// counting the work already queued there, the backend's learned speed and the switch.
//
// A switch must also pay for itself: a backend leaves its loaded model only when the farm
// drains the queue sooner for it (the new model's queue is the bottleneck by more than the
// load time, see `switchVerdict`), when no backend has the model loaded, or when the job outranks
// everything of the loaded model by `overridePoints`. Otherwise a job waits for a backend that
// has its model: SwarmUI's rule (first non-busy backend, loaded model preferred) switches as
// soon as a backend is free and pays a model load for every stray job.
//
// Nothing starves: aging raises every waiting job's priority until it overrides, and a model
// whose loaded capacity is gone always justifies a switch.
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
  /**
   * Priority points by which a job must outrank every queued job of a backend's loaded model
   * to make that backend switch although the switch does not pay for itself.
   */
  overridePoints: number
  /**
   * A rebalancing switch must shorten the longest drain by this fraction: speeds and costs are
   * estimates, and without a margin their noise makes backends switch back and forth.
   */
  rebalanceMargin: number
}

// A checkpoint load costs about as much as 50 steps of a 512² image (≈3 s vs ≈60 ms per step).
// 10 points per load second: a 3 s switch weighs 30 points, the gap between the high (80) and
// normal (50) bands, or 15 minutes of aging; never more than 40 points (20 minutes of aging).
// A needless switch takes a 45-point lead: high (80) over low (10) work, or 22 minutes of aging.
export const DEFAULT_SMART_POLICY: SmartPolicyOptions = {
  agingPerMinute: 2,
  switchCost: 50,
  switchPointsPerSecond: 10,
  maxSwitchPoints: 40,
  tailPatience: 1.15,
  overridePoints: 45,
  rebalanceMargin: 0.1,
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

/**
 * Queued and committed work per model, kept current while a pass places jobs: with the
 * capacity that has each model loaded, the "model pressure" that tells a switch that pays
 * from one that does not.
 */
class ModelPressure {
  private readonly work = new Map<string, number>()

  constructor(jobs: readonly PlacementJob[], slots: readonly Slot[]) {
    for (const j of jobs) if (j.primaryModel !== null) add(this.work, j.primaryModel, j.cost)
    for (const s of slots) if (s.lastModel !== null) add(this.work, s.lastModel, s.backlog)
  }

  /** Seconds `capacity` (cost units per second) needs for the model's queued and committed work. */
  drainSeconds(model: string, capacity: number, extraWork = 0): number {
    const queued = this.work.get(model) ?? 0
    if (queued <= 0) return 0
    const work = queued + extraWork
    return capacity <= 0 ? Number.POSITIVE_INFINITY : work / capacity
  }

  /** Records a placement: the job's work is now committed, plus the load when it switched. */
  placed(job: PlacementJob, switched: boolean, switchCost: number): void {
    if (job.primaryModel !== null && switched) add(this.work, job.primaryModel, switchCost)
  }
}

function add(map: Map<string, number>, key: string, value: number): void {
  map.set(key, (map.get(key) ?? 0) + value)
}

/** Speed of the slots that have `model` loaded. */
function loadedCapacity(model: string, slots: readonly Slot[]): number {
  let capacity = 0
  for (const s of slots) if (s.lastModel === model) capacity += s.backend.speed
  return capacity
}

/**
 * How a switch of `slot` to the candidate's model is judged:
 * - `rebalance`: it shortens the farm's longest drain. The model's work, on the backends that
 *   have it loaded and can run this job, takes longer (by `rebalanceMargin`) than both what it
 *   takes with this backend's help (which starts after its load) and what the backend's current
 *   model's work takes without it; and no other model this backend could run drains much later
 *   (capacity goes to the bottleneck). The farm gets faster for every job: no priority points.
 * - `contested`: neither model could do without this backend (both would be left with no
 *   capacity); priority decides, and the switch costs its priority points.
 * - `override`: it does not pay, but the job outranks all queued work of the loaded model by
 *   `overridePoints`; it costs its priority points.
 * - null: not now; the job waits for a backend that has its model.
 */
function switchVerdict(c: Candidate, slot: Slot, pass: PassState): 'rebalance' | 'contested' | 'override' | null {
  const model = c.job.primaryModel
  if (model === null) return 'rebalance'
  const capacity = loadedCapacity(model, c.eligible ?? [])
  const speed = Math.max(1e-9, slot.backend.speed)
  const before = pass.pressure.drainSeconds(model, capacity)
  // The backend joins after its load: as if the model had `switchCost` more work to share.
  const after = pass.pressure.drainSeconds(model, capacity + speed, pass.options.switchCost)
  const left =
    slot.lastModel === null
      ? 0
      : pass.pressure.drainSeconds(slot.lastModel, loadedCapacity(slot.lastModel, pass.slots) - speed)
  if (before === Number.POSITIVE_INFINITY && left === Number.POSITIVE_INFINITY) return 'contested'
  const margin = 1 + pass.options.rebalanceMargin
  // Capacity goes to the bottleneck: a backend does not load a model whose queue drains well
  // before another one it could serve (else the first jobs seen, not the work, pick its model).
  if (Math.max(after, left) * margin < before && before * margin >= bottleneckDrain(slot, pass)) return 'rebalance'
  const loadedTop = slot.lastModel === null ? undefined : pass.topByModel.get(slot.lastModel)?.key
  if (loadedTop !== undefined && c.key >= loadedTop + pass.options.overridePoints) return 'override'
  return null
}

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
function bestSlot(c: Candidate, slots: readonly Slot[], pass: PassState, tail: boolean): Choice | null {
  const { options } = pass
  c.eligible ??= slots.filter((s) => isEligible(c.job, s.backend))
  let best: Choice | null = null
  let bestAnywhere = Number.POSITIVE_INFINITY
  for (const slot of c.eligible) {
    const finish = finishEstimate(c.job, slot, options.switchCost)
    bestAnywhere = Math.min(bestAnywhere, finish)
    if (!hasRoom(slot)) continue
    const verdict = switches(c.job, slot) ? switchVerdict(c, slot, pass) : 'rebalance'
    if (verdict === null) continue
    const value = verdict === 'rebalance' ? c.key : c.key - switchPoints(c.job, slot, options)
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

interface PassState {
  options: SmartPolicyOptions
  slots: readonly Slot[]
  pressure: ModelPressure
  /** The first queued job of each model (highest aged priority), for this placement round. */
  topByModel: Map<string, Candidate>
  /** Longest drain among the models a slot could serve, per slot, for this placement round. */
  bottlenecks: Map<Slot, number>
}

function topByModel(pending: readonly Candidate[]): Map<string, Candidate> {
  const top = new Map<string, Candidate>()
  for (const c of pending) {
    const m = c.job.primaryModel
    if (m !== null && !top.has(m)) top.set(m, c)
  }
  return top
}

/**
 * The longest drain, on the capacity that has it loaded, among the queued models `slot` could
 * run (judged by each model's first queued job).
 */
function bottleneckDrain(slot: Slot, pass: PassState): number {
  const known = pass.bottlenecks.get(slot)
  if (known !== undefined) return known
  let longest = 0
  for (const [model, c] of pass.topByModel) {
    c.eligible ??= pass.slots.filter((s) => isEligible(c.job, s.backend))
    if (!c.eligible.includes(slot)) continue
    longest = Math.max(longest, pass.pressure.drainSeconds(model, loadedCapacity(model, c.eligible)))
  }
  pass.bottlenecks.set(slot, longest)
  return longest
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
  const pressure = new ModelPressure(jobs, slots)
  while (pending.length > 0 && slots.some(hasRoom)) {
    const tail = pending.length <= capacity
    const pass: PassState = { options, slots, pressure, topByModel: topByModel(pending), bottlenecks: new Map() }
    // Highest value wins; `pending` is in queue order, so ties keep aged priority, then age.
    let chosen: Choice | null = null
    const waiting = new Set<Candidate>()
    for (const c of pending) {
      // No job can beat `chosen` once even its unpenalised key is lower.
      if (chosen !== null && c.key < chosen.value - 1e-9) break
      const choice = bestSlot(c, slots, pass, tail)
      if (choice === null) {
        waiting.add(c)
        continue
      }
      if (chosen === null || choice.value > chosen.value + 1e-9) chosen = choice
    }
    pending = pending.filter((c) => !waiting.has(c))
    if (chosen === null) break
    const { slot, candidate } = chosen
    const switched = switches(candidate.job, slot)
    pressure.placed(candidate.job, switched, options.switchCost)
    slot.inFlight += 1
    slot.backlog += candidate.job.cost + (switched ? options.switchCost : 0)
    if (candidate.job.primaryModel !== null) slot.lastModel = candidate.job.primaryModel
    placements.push({ jobId: candidate.job.id, backendId: slot.backend.id })
    pending = pending.filter((c) => c !== candidate)
  }
  return placements
}
