// CPE benchmarks: validate() throughput on one core, options() latency and prompt generation per
// model. Prints one JSON object; never asserts on time.
// Run: npx tsx bench/cpe/cpe.bench.ts   (about 5 s; BENCH_MS sets the validate window)
// Reports the machine's load average, since other processes share the cores.
import { loadavg } from 'node:os'
import {
  type Catalog,
  type CpeConfigInput,
  defaultCatalog,
  formatPrompt,
  options,
  TARGET_MODELS,
  validate,
} from '@aipipeline/cpe'
import { fixtureCatalog } from '@aipipeline/cpe/testing/catalog-fixture'

const VALIDATE_MS = Number(process.env.BENCH_MS ?? 1500)

function pickCatalog(): { catalog: Catalog; source: string } {
  try {
    const shipped = defaultCatalog()
    if (shipped.records.cameras.length > 0 && shipped.records.lenses.length > 0)
      return { catalog: shipped, source: 'defaultCatalog()' }
    return { catalog: fixtureCatalog, source: 'fixture catalog (shipped data files are still empty)' }
  } catch (error) {
    return {
      catalog: fixtureCatalog,
      source: `fixture catalog (shipped data failed to parse: ${String(error).slice(0, 200)})`,
    }
  }
}

/** Content and look fields shared by both bench configs. */
const SHOT: CpeConfigInput = {
  shot: { size: 'close-up', angle: 'low', movement: 'dolly-in', composition: 'rule-of-thirds' },
  look: { mood: 'tense', colourTone: 'warm' },
  content: {
    subject: 'a detective in a wet trench coat',
    action: 'lights a cigarette under a flickering sign',
    setting: 'a narrow alley at night',
    details: ['steam rising from a grate', 'reflections on wet asphalt'],
  },
}

/** Every section filled with gear that fits together (a typical config: few or no violations). */
function coherentConfig(catalog: Catalog): CpeConfigInput {
  const r = catalog.records
  const year = 2020
  // Delivered by the production year and not yet out of use: no period rule has anything to say.
  const inUse = (a: { from: number; to: number | null }, delivered = a.from) =>
    a.from <= year && delivered <= year && (a.to === null || a.to >= year)
  const body = r.cameras.find(
    (c) =>
      c.medium === 'film' &&
      (c.maxFps ?? 24) >= 24 &&
      c.weightKg < 12 &&
      inUse(c.availability, c.availability.firstDelivery),
  )
  const format = body === undefined ? undefined : catalog.captureFormats.get(body.formatIds[0] ?? '')
  const diagonal = format === undefined ? 0 : Math.hypot(format.widthMm, format.heightMm)
  const lens = r.lenses.find(
    (l) =>
      body?.mountIds.some((m) => l.mountIds.includes(m)) === true &&
      l.imageCircleMm >= diagonal &&
      inUse(l.availability, l.availability.firstDelivery),
  )
  const stock = r.filmStocks.find(
    (s) =>
      format?.gauge != null &&
      s.gauges.includes(format.gauge) &&
      s.type === 'colour-negative' &&
      s.availability.to === null,
  )
  const weight = (body?.weightKg ?? 0) + (lens?.typicalWeightKg ?? 0)
  const support = r.supports.find((s) => s.movements.includes('dolly-in') && s.maxPayloadKg > weight / 0.85)
  const lights = r.lightSources.filter((l) => !l.natural && inUse(l.availability, l.availability.firstDelivery))
  return {
    ...SHOT,
    productionYear: year,
    storyYear: 1975,
    camera: {
      bodyId: body?.id,
      lensId: lens?.id,
      focalLengthMm: lens?.focalLengthsMm[0],
      supportId: support?.id,
      aspectRatioId: format?.deliveryAspectRatioIds[0],
      fps: 24,
    },
    film: { stockId: stock?.id },
    lighting: {
      sourceIds: lights
        .filter((l) => !l.practical)
        .slice(0, 2)
        .map((l) => l.id),
      practicalIds: lights
        .filter((l) => l.practical && l.availability.from <= 1975)
        .slice(0, 1)
        .map((l) => l.id),
      style: 'low-key',
      timeOfDay: 'night',
      interior: true,
    },
  }
}

/** Every section filled with whatever comes first in the catalog (many violations to word). */
function clashingConfig(catalog: Catalog): CpeConfigInput {
  const r = catalog.records
  return {
    ...SHOT,
    productionYear: 1950,
    storyYear: 1900,
    camera: {
      bodyId: r.cameras[0]?.id,
      lensId: r.lenses[0]?.id,
      focalLengthMm: 1,
      supportId: r.supports[0]?.id,
      aspectRatioId: r.aspectRatios[0]?.id,
      fps: 1000,
    },
    film: { stockId: r.filmStocks[0]?.id },
    lighting: {
      sourceIds: r.lightSources.slice(0, 4).map((l) => l.id),
      practicalIds: r.lightSources.filter((l) => l.practical).map((l) => l.id),
      style: 'high-key',
      timeOfDay: 'night',
      weather: 'overcast',
    },
  }
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

/** Median microseconds per call over `runs` calls, after a warm-up. */
function medianMicros(runs: number, fn: () => unknown): number {
  for (let i = 0; i < Math.min(200, runs); i++) fn()
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    fn()
    samples.push((performance.now() - t) * 1000)
  }
  return Math.round(median(samples) * 100) / 100
}

const BATCH = 50

/**
 * Validations per second on one core. The machine is shared, so besides wall-clock throughput we
 * report the rate per second of CPU time this process used (user + system), and the rate from the
 * median 50-call batch; both leave out time the process spent preempted.
 */
function validationsPerSecond(config: CpeConfigInput, catalog: Catalog) {
  for (let i = 0; i < 2000; i++) validate(config, catalog)
  const batches: number[] = []
  const cpuStart = process.cpuUsage()
  const start = performance.now()
  while (performance.now() - start < VALIDATE_MS) {
    const t = performance.now()
    for (let i = 0; i < BATCH; i++) validate(config, catalog)
    batches.push(performance.now() - t)
  }
  const elapsedSeconds = (performance.now() - start) / 1000
  const cpu = process.cpuUsage(cpuStart)
  const cpuSeconds = (cpu.user + cpu.system) / 1e6
  const calls = batches.length * BATCH
  return {
    perCpuSecond: Math.round(calls / cpuSeconds),
    medianBatch: Math.round(BATCH / (median(batches) / 1000)),
    wallClock: Math.round(calls / elapsedSeconds),
  }
}

/** CPU microseconds per call (user + system), unaffected by time spent preempted. */
function cpuMicros(runs: number, fn: () => unknown): number {
  fn()
  const start = process.cpuUsage()
  for (let i = 0; i < runs; i++) fn()
  const used = process.cpuUsage(start)
  return Math.round((used.user + used.system) / runs)
}

const { catalog, source } = pickCatalog()
const config = coherentConfig(catalog)
const clashing = clashingConfig(catalog)
const check = validate(config, catalog)
const clash = validate(clashing, catalog)
const promptMicros: Record<string, number> = {}
for (const model of TARGET_MODELS)
  promptMicros[model.id] = medianMicros(2000, () => formatPrompt(model.id, config, catalog))

console.log(
  JSON.stringify({
    catalog: source,
    loadAverage: loadavg().map((l) => Math.round(l * 10) / 10),
    catalogSize: Object.fromEntries(Object.entries(catalog.records).map(([k, v]) => [k, v.length])),
    coherentConfig: { status: check.status, violations: check.violations.map((v) => `${v.severity}:${v.ruleId}`) },
    validationsPerSecondOneCore: validationsPerSecond(config, catalog),
    clashingConfigViolations: clash.violations.length,
    clashingValidationsPerSecondOneCore: validationsPerSecond(clashing, catalog),
    validateTargetPerSecond: 50_000,
    optionsMedianMicros: medianMicros(30, () => options(config, catalog)),
    optionsCpuMicros: cpuMicros(30, () => options(config, catalog)),
    promptMedianMicros: promptMicros,
    promptTargetMicros: 50,
  }),
)
