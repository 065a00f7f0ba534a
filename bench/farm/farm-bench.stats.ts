// Figures of one benchmark run, computed from the studio's own records (attempt start = the
// backend's execution_start, end = its `executing: null`, both as the dispatcher saw them).
import type { ApiPrompt } from '@aipipeline/comfyui'

export interface BenchJob {
  prompt: ApiPrompt
  priority: number
  minVramGb: number
  /** Nominal ms at speed 1 (simulator model), model loads excluded. */
  workMs: number
  /**
   * Nominal ms at speed 1 the job's first run on a fresh backend adds: its model loaders and
   * text encodes (the simulator caches both afterwards, like ComfyUI while memory lasts).
   */
  firstLoadMs: number
  model: string
  maxEligibleSpeed: number
}

export interface RunFacts {
  t0: number
  completedOnBackends: number
  /** Backend id → simulated speed factor. */
  backendSpeeds: Record<string, number>
  jobs: Array<{ id: string; name: string; state: string; priority: number; primaryModel: string | null; band: string }>
  attempts: Array<{
    jobId: string
    backendId: string
    outcome: string
    startedAt: string | null
    endedAt: string | null
  }>
  outputs: number
}

function quantile(values: number[], q: number): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? null
}

const round = (n: number | null, digits = 3) => (n === null ? null : Math.round(n * 10 ** digits) / 10 ** digits)

/** The figures of one policy's run; `nominalS` maps a job name to its nominal seconds at speed 1 (loads excluded). */
export function runFigures(facts: RunFacts, lowerBoundS: number, nominalS: Map<string, number>) {
  const ms = (iso: string | null) => (iso === null ? null : Date.parse(iso))
  const succeeded = facts.attempts.filter((a) => a.outcome === 'succeeded')
  const ends = succeeded.flatMap((a) => (a.endedAt === null ? [] : [Date.parse(a.endedAt)]))
  const makespanS = (Math.max(...ends) - facts.t0) / 1000
  const waitsByBand = new Map<string, number[]>()
  const firstStart = new Map<string, number>()
  for (const a of facts.attempts) {
    const s = ms(a.startedAt)
    if (s !== null) firstStart.set(a.jobId, Math.min(firstStart.get(a.jobId) ?? s, s))
  }
  for (const j of facts.jobs) {
    const s = firstStart.get(j.id)
    if (s !== undefined) waitsByBand.set(j.band, [...(waitsByBand.get(j.band) ?? []), (s - facts.t0) / 1000])
  }
  const byBackend = new Map<string, Array<{ start: number; end: number; model: string | null }>>()
  const modelOf = new Map(facts.jobs.map((j) => [j.id, j.primaryModel]))
  for (const a of succeeded) {
    const start = ms(a.startedAt)
    const end = ms(a.endedAt)
    if (start === null || end === null) continue
    byBackend.set(a.backendId, [
      ...(byBackend.get(a.backendId) ?? []),
      { start, end, model: modelOf.get(a.jobId) ?? null },
    ])
  }
  let busyMs = 0
  let switches = 0
  const gaps: number[] = []
  for (const runs of byBackend.values()) {
    runs.sort((x, y) => x.start - y.start)
    for (const [i, r] of runs.entries()) {
      busyMs += r.end - r.start
      const prev = runs[i - 1]
      if (!prev) continue
      gaps.push(Math.max(0, r.start - prev.end))
      if (prev.model !== r.model) switches++
    }
  }
  // Attempt time (execution_start → executing: null) over the job's nominal time on that backend.
  const nameOf = new Map(facts.jobs.map((j) => [j.id, j.name]))
  const stretch: number[] = []
  for (const a of succeeded) {
    const start = ms(a.startedAt)
    const end = ms(a.endedAt)
    const nominal = nominalS.get(nameOf.get(a.jobId) ?? '')
    const speed = facts.backendSpeeds[a.backendId]
    if (start === null || end === null || nominal === undefined || speed === undefined) continue
    stretch.push((end - start) / 1000 / (nominal / speed))
  }
  const perJobSuccess = new Map<string, number>()
  for (const a of succeeded) perJobSuccess.set(a.jobId, (perJobSuccess.get(a.jobId) ?? 0) + 1)
  const bands = Object.fromEntries(
    ['high', 'normal', 'low'].map((b) => [
      b,
      { p50S: round(quantile(waitsByBand.get(b) ?? [], 0.5)), p95S: round(quantile(waitsByBand.get(b) ?? [], 0.95)) },
    ]),
  )
  const backends = 8
  return {
    makespanS: round(makespanS),
    makespanOverLowerBound: round(makespanS / lowerBoundS),
    queueWaitByPriorityBand: bands,
    gpuIdleFraction: round(1 - busyMs / (backends * makespanS * 1000)),
    modelSwitches: switches,
    medianInterJobGapMs: quantile(gaps, 0.5),
    medianAttemptOverNominal: round(quantile(stretch, 0.5)),
    p95InterJobGapMs: quantile(gaps, 0.95),
    succeeded: facts.jobs.filter((j) => j.state === 'succeeded').length,
    lost: facts.jobs.filter((j) => j.state !== 'succeeded').length,
    duplicated: [...perJobSuccess.values()].filter((n) => n > 1).length,
    promptsCompletedOnBackends: facts.completedOnBackends,
    outputFiles: facts.outputs,
    attempts: facts.attempts.length,
  }
}

/** Both runs, the lower bound and the targets of issue 4. */
export function summarise(input: {
  jobs: BenchJob[]
  timeScale: number
  speeds: number[]
  smart: RunFacts
  roundRobin: RunFacts
}) {
  const scale = input.timeScale / 1000
  const totalWorkS = input.jobs.reduce((n, j) => n + j.workMs, 0) * scale
  const totalSpeed = input.speeds.reduce((a, b) => a + b, 0)
  // Every backend that runs anything loads a model first: at speed v that takes L / v seconds,
  // i.e. L nominal ms of its capacity, whatever v. (One that runs nothing loses more, T × v.)
  const firstLoadS = Math.min(...input.jobs.map((j) => j.firstLoadMs)) * scale
  const byWorkS = (totalWorkS + input.speeds.length * firstLoadS) / totalSpeed
  const longestJobS = Math.max(...input.jobs.map((j) => ((j.workMs + j.firstLoadMs) * scale) / j.maxEligibleSpeed))
  const lowerBoundS = Math.max(byWorkS, longestJobS)
  const withoutLoadsS = Math.max(
    totalWorkS / totalSpeed,
    Math.max(...input.jobs.map((j) => (j.workMs * scale) / j.maxEligibleSpeed)),
  )
  const nominalS = new Map(input.jobs.map((j, i) => [`job-${i}`, j.workMs * scale]))
  const smart = runFigures(input.smart, lowerBoundS, nominalS)
  const roundRobin = runFigures(input.roundRobin, lowerBoundS, nominalS)
  const speedup =
    roundRobin.makespanS !== null && smart.makespanS !== null ? roundRobin.makespanS / smart.makespanS : null
  return {
    benchmark: 'farm',
    backends: input.speeds.length,
    jobs: input.jobs.length,
    timeScale: input.timeScale,
    lowerBoundS: {
      byTotalWork: round(byWorkS),
      longestJob: round(longestJobS),
      bound: round(lowerBoundS),
      withoutModelLoads: round(withoutLoadsS),
      definition:
        'max((total nominal work + backends × the cheapest first model load) ÷ total speed, max over jobs of ' +
        '(work + its first model load) ÷ the fastest eligible speed); nominal = the simulator model at speed 1 × timeScale. ' +
        'Each backend must load a model before its first job; later loads and per-job overhead are not counted.',
    },
    smart,
    roundRobin,
    smartSpeedupOverRoundRobin: round(speedup),
    targets: {
      makespanWithin110PercentOfLowerBound: (smart.makespanOverLowerBound ?? Infinity) <= 1.1,
      atLeast130PercentBetterThanRoundRobin: (speedup ?? 0) >= 1.3,
      medianInterJobGapUnder5ms: (smart.medianInterJobGapMs ?? Infinity) < 5,
      noLostOrDuplicatedJobs: smart.lost + smart.duplicated + roundRobin.lost + roundRobin.duplicated === 0,
    },
  }
}
