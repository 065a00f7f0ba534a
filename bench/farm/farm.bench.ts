// Render farm benchmark: `npx tsx bench/farm/farm.bench.ts` prints one JSON object.
// 8 heterogeneous simulated backends, 1,000 mixed jobs, the smart policy and the round-robin
// baseline in one run, each through a real studio process (dispatcher, ComfyClient, simulators
// over real sockets). Simulated time is scaled: 1 simulated second = timeScale × 1000 ms.
// FARM_BENCH_JOBS and FARM_BENCH_TIME_SCALE override the 1,000 jobs and timeScale 4 (jobs then run
// ~1 s at speed 1: still shorter than real ones; both runs take ~5 min). FARM_BENCH_ONLY_SMART=1
// skips the baseline; FARM_BENCH_PROFILE_DIR=DIR writes a CPU profile of the studio process. The
// lower bound counts each backend's first model load (see `lowerBoundS.definition` in the output).
// At timeScale 1 and below the studio's per-job CPU (database writes, history and output download,
// thumbnails, socket parsing: ~30 ms a job on a loaded 2-core machine) and the simulators sharing
// one process set the pace, not the GPUs.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  type ApiPrompt,
  DEFAULT_INSTALLED_MODELS,
  startSimulatorFarm,
  textToImagePrompt,
  textToVideoPrompt,
} from '@aipipeline/comfyui'
import { openDatabase } from '@aipipeline/db'
import { priorityBand, seededRandom } from '@aipipeline/domain'
import { startStudioProcess } from '@aipipeline/testing/studio-process'
import { z } from 'zod'
import { type BenchJob, type RunFacts, summarise } from './farm-bench.stats'

// The studio entry script is run by path, not imported: bench/ imports nothing from apps/.
const STUDIO_ENTRY = fileURLToPath(new URL('../../apps/server/test-kits/farm/farm-studio.fixture.ts', import.meta.url))

const JOBS = Number(process.env.FARM_BENCH_JOBS ?? 1000)
// Default 4: the mix's jobs then run ~1 s each at speed 1 (a real SD1.5 512² image takes a few
// seconds), so the studio's ~20 ms per-job work (database writes, history and output download,
// thumbnails) weighs on the makespan about as it would on real GPUs. At timeScale 1 the farm
// finishes ~40 jobs a second and that per-job work, not placement, sets the pace.
const TIME_SCALE = Number(process.env.FARM_BENCH_TIME_SCALE ?? 4)
/** A directory: the studio process writes a V8 CPU profile there (per-job overhead hunting). */
const PROFILE_DIR = process.env.FARM_BENCH_PROFILE_DIR

const SD15 = 'v1-5-pruned-emaonly.safetensors'
const SDXL = 'sd_xl_base_1.0.safetensors'
const FLUX = 'flux1-dev-fp8.safetensors'
const WAN = 'wan2.2_t2v_14B_fp8.safetensors'

interface BackendSpec {
  speed: number
  vramGb: number
  checkpoints: string[]
  video: boolean
}

const BACKENDS: BackendSpec[] = [
  { speed: 1, vramGb: 12, checkpoints: [SD15, SDXL], video: false },
  { speed: 1, vramGb: 16, checkpoints: [SD15, SDXL, FLUX], video: false },
  { speed: 1.5, vramGb: 24, checkpoints: [SD15, SDXL, FLUX], video: false },
  { speed: 1.5, vramGb: 24, checkpoints: [SD15, SDXL], video: false },
  { speed: 2, vramGb: 48, checkpoints: [SD15, SDXL, FLUX], video: true },
  { speed: 2, vramGb: 48, checkpoints: [SD15, FLUX], video: true },
  { speed: 3, vramGb: 80, checkpoints: [SD15, SDXL, FLUX], video: true },
  { speed: 3, vramGb: 80, checkpoints: [SD15, SDXL, FLUX], video: true },
]

function installed(spec: BackendSpec) {
  return {
    ...DEFAULT_INSTALLED_MODELS,
    checkpoints: spec.checkpoints,
    diffusion_models: spec.video ? [WAN] : [],
    text_encoders: spec.video ? ['umt5_xxl_fp8_e4m3fn_scaled.safetensors'] : ['clip_l.safetensors'],
    vae: spec.video ? ['wan_2.1_vae.safetensors', 'sdxl_vae.safetensors'] : ['sdxl_vae.safetensors'],
  }
}

/** Simulator's nominal ms of a checkpoint / diffusion model load, another loader, a text encode. */
const MODEL_LOAD_MS = 3000
const SMALL_LOADER_MS = 800
const TEXT_ENCODE_MS = 120
/** First run on a fresh backend: an image prompt loads its checkpoint and encodes two texts. */
const IMAGE_FIRST_LOAD_MS = MODEL_LOAD_MS + 2 * TEXT_ENCODE_MS
/** A video prompt also loads its text encoder and VAE. */
const VIDEO_FIRST_LOAD_MS = MODEL_LOAD_MS + 2 * SMALL_LOADER_MS + 2 * TEXT_ENCODE_MS

/** Nominal ms at speed 1, the simulator's model: sampler steps, VAE decode and save (loads excluded). */
function nominalMs(width: number, height: number, frames: number, steps: number): number {
  const pixels = (width * height) / (512 * 512)
  return 60 * pixels * frames * steps + 150 * pixels * frames + 40 * frames
}

function workload(): BenchJob[] {
  // The same seeded workload for both policies.
  const rnd = seededRandom(20251121)
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1))
  const jobs: BenchJob[] = []
  for (let i = 0; i < JOBS; i++) {
    const r = rnd()
    const p = rnd()
    const priority = p < 0.2 ? 80 : p < 0.7 ? 50 : 10
    const seed = i + 1
    let prompt: ApiPrompt
    let work: number
    let minVramGb = 0
    let model: string
    // Small frames, few long steps: the simulator's per-step timers and image rendering stay
    // cheap next to the simulated GPU time, so the figures measure scheduling, not overhead.
    if (r < 0.55) {
      const steps = int(6, 16)
      prompt = textToImagePrompt({ checkpoint: SD15, steps, seed, width: 256, height: 256 })
      work = nominalMs(256, 256, 1, steps)
      model = SD15
    } else if (r < 0.8) {
      const steps = int(6, 12)
      prompt = textToImagePrompt({ checkpoint: SDXL, steps, seed, width: 384, height: 384 })
      work = nominalMs(384, 384, 1, steps)
      model = SDXL
    } else if (r < 0.95) {
      const steps = int(6, 14)
      prompt = textToImagePrompt({ checkpoint: FLUX, steps, seed, width: 256, height: 256 })
      work = nominalMs(256, 256, 1, steps)
      minVramGb = 16
      model = FLUX
    } else {
      const steps = int(3, 6)
      prompt = textToVideoPrompt({ steps, seed, width: 416, height: 240, length: 17 })
      work = nominalMs(416, 240, 5, steps)
      minVramGb = 24
      model = WAN
    }
    const eligible = BACKENDS.filter(
      (b) => b.vramGb >= minVramGb && (model === WAN ? b.video : b.checkpoints.includes(model)),
    )
    jobs.push({
      prompt,
      priority,
      minVramGb,
      workMs: work,
      firstLoadMs: model === WAN ? VIDEO_FIRST_LOAD_MS : IMAGE_FIRST_LOAD_MS,
      model,
      maxEligibleSpeed: Math.max(...eligible.map((b) => b.speed)),
    })
  }
  return jobs
}

async function inBatches<T>(items: T[], size: number, fn: (item: T, index: number) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) {
    await Promise.all(items.slice(i, i + size).map((item, k) => fn(item, i + k)))
  }
}

const Summary = z.object({ jobs: z.record(z.string(), z.number()) })

async function runPolicy(policy: 'smart' | 'round-robin', jobs: BenchJob[]): Promise<RunFacts> {
  const dataDir = mkdtempSync(join(tmpdir(), `farm-bench-${policy}-`))
  const farm = await startSimulatorFarm(
    BACKENDS.map((b, i) => ({
      name: `gpu-${i + 1}`,
      speed: b.speed,
      vramGb: b.vramGb,
      timeScale: TIME_SCALE,
      previews: false,
      installedModels: installed(b),
    })),
  )
  const studio = await startStudioProcess({
    entry: STUDIO_ENTRY,
    dataDir,
    farm: { policy, healthIntervalMs: 1000 },
    ...(PROFILE_DIR ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] } : {}),
  })
  try {
    const ids: string[] = []
    for (const [i, url] of farm.urls.entries()) {
      const res = await studio.call('POST', '/api/farm/backends', { name: `gpu-${i + 1}`, url, enabled: false })
      if (res.status !== 201) throw new Error(`register ${url}: ${res.status} ${JSON.stringify(res.json)}`)
      ids.push(z.object({ id: z.string() }).parse(res.json).id)
    }
    await inBatches(jobs, 25, async (job, i) => {
      const res = await studio.call('POST', '/api/farm/jobs', {
        source: { kind: 'api', prompt: job.prompt },
        priority: job.priority,
        requirements: { tags: [], minVramGb: job.minVramGb },
        name: `job-${i}`,
      })
      if (res.status !== 201) throw new Error(`submit: ${res.status} ${JSON.stringify(res.json)}`)
    })
    // Every job is queued before any GPU may start: the makespan clock starts here.
    const t0 = Date.now()
    await Promise.all(ids.map((id) => studio.call('PATCH', `/api/farm/backends/${id}`, { enabled: true })))
    for (;;) {
      await new Promise((r) => setTimeout(r, 250))
      const s = Summary.parse((await studio.call('GET', '/api/farm/summary')).json)
      const finished = (s.jobs.succeeded ?? 0) + (s.jobs.failed ?? 0) + (s.jobs.canceled ?? 0)
      if (finished >= jobs.length) break
    }
    await studio.stop()
    const completedOnBackends = farm.simulators.reduce((n, s) => n + s.state.completed, 0)
    const backendSpeeds = Object.fromEntries(ids.map((id, i) => [id, BACKENDS[i]?.speed ?? 1]))
    return await readFacts(dataDir, t0, completedOnBackends, backendSpeeds)
  } finally {
    if (studio.child.exitCode === null) await studio.kill()
    await farm.close()
    if (process.env.FARM_BENCH_KEEP !== '1') rmSync(dataDir, { recursive: true, force: true })
    else process.stderr.write(`kept ${dataDir}\n`)
  }
}

async function readFacts(
  dataDir: string,
  t0: number,
  completedOnBackends: number,
  backendSpeeds: Record<string, number>,
): Promise<RunFacts> {
  const database = openDatabase(`sqlite:${join(dataDir, 'aipipeline.db')}`)
  try {
    const db = database.db
    const jobs = await db
      .selectFrom('farmRenderJobs')
      .select(['id', 'name', 'state', 'priority', 'primaryModel'])
      .execute()
    const attempts = await db
      .selectFrom('farmJobAttempts')
      .select(['jobId', 'backendId', 'outcome', 'startedAt', 'endedAt'])
      .execute()
    const outputs = await db.selectFrom('farmJobOutputs').select(['jobId']).execute()
    return {
      t0,
      completedOnBackends,
      backendSpeeds,
      jobs: jobs.map((j) => ({ ...j, band: priorityBand(j.priority) })),
      attempts,
      outputs: outputs.length,
    }
  } finally {
    await database.close()
  }
}

const jobs = workload()
const smart = await runPolicy('smart', jobs)
const roundRobin = process.env.FARM_BENCH_ONLY_SMART === '1' ? smart : await runPolicy('round-robin', jobs)
const result = summarise({ jobs, timeScale: TIME_SCALE, speeds: BACKENDS.map((b) => b.speed), smart, roundRobin })
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
