// Rendering shots through the real HTTP API of a spawned studio: the preview of 40 shots and
// one render of 40 shots × 4 variations (160 jobs, one group, one transaction), then a read of
// the group's progress. The farm has no backends, so jobs stay queued and only the API works.
// Prints one JSON object; never asserts on time.
// Run: npx tsx bench/farm/shot-render.bench.ts  (BENCH_ENGINES=sqlite to skip Postgres)
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { textToImagePrompt } from '@aipipeline/comfyui'
import { Project, RenderGroup, RenderPreview, Sequence, ShotPage, ShotRenderSubmitted } from '@aipipeline/contracts'
import { dropPostgresSchema, ensurePostgresSchema } from '@aipipeline/db'
import { TEST_DATABASE_URL } from '@aipipeline/testing'
import { type StudioProcess, startStudioProcess } from '@aipipeline/testing/studio-process'
import { z } from 'zod'

const ENGINES = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',')
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)
const SHOTS = 40
const VARIATIONS = 4
// The studio entry script is run by path, not imported: bench/ imports nothing from apps/.
const STUDIO_ENTRY = fileURLToPath(new URL('../../apps/server/test-kits/farm/farm-studio.fixture.ts', import.meta.url))

const ms = (t0: number) => Math.round((performance.now() - t0) * 10) / 10
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0

async function ok(studio: StudioProcess, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await studio.call(method, path, body)
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.json)}`)
  return res.json
}

/** A project with 40 shots and an SDXL template whose prompt, negative, seed and size are placeholders. */
async function setUp(studio: StudioProcess) {
  const project = Project.parse(await ok(studio, 'POST', '/api/projects', { code: 'BENCH', name: 'Bench' }))
  const base = `/api/projects/${project.id}`
  const sequence = Sequence.parse(await ok(studio, 'POST', `${base}/sequences`, { code: 'SQ010' }))
  const shots = Array.from({ length: SHOTS }, (_, i) => ({
    sequenceId: sequence.id,
    code: `SH${String((i + 1) * 10).padStart(4, '0')}`,
    description: `shot ${i + 1}`,
    frameIn: 1001,
    frameOut: 1048,
  }))
  await ok(studio, 'POST', `${base}/shots`, { shots })
  const page = ShotPage.parse(await ok(studio, 'GET', `${base}/shots?limit=1000`))
  const keyframe = project.taskTypes.find((t) => t.name === 'Keyframe')?.id
  const taskIds = page.items.map((s) => s.tasks.find((t) => t.taskTypeId === keyframe)?.id ?? '')
  const prompt = textToImagePrompt()
  const template = z.object({ id: z.string() }).parse(
    await ok(studio, 'POST', '/api/farm/templates', {
      name: 'Bench still',
      modelFamily: 'sdxl',
      source: {
        kind: 'api',
        prompt: {
          ...prompt,
          '6': { ...prompt['6'], inputs: { ...prompt['6']?.inputs, text: '{prompt}' } },
          '7': { ...prompt['7'], inputs: { ...prompt['7']?.inputs, text: '{negative_prompt:blurry}' } },
          '5': { ...prompt['5'], inputs: { ...prompt['5']?.inputs, width: '{width:1024}', height: '{height:1024}' } },
          '3': { ...prompt['3'], inputs: { ...prompt['3']?.inputs, seed: '{seed:0}' } },
        },
      },
    }),
  )
  return { renders: `${base}/renders`, taskIds, templateId: template.id }
}

async function benchEngine(engine: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'aipipeline-bench-render-'))
  let databaseUrl: string | undefined
  if (engine === 'postgres') {
    const url = new URL(TEST_DATABASE_URL)
    url.searchParams.set('schema', `bench_render_${process.pid}`)
    databaseUrl = url.toString()
    await ensurePostgresSchema(databaseUrl)
  }
  const studio = await startStudioProcess({
    entry: STUDIO_ENTRY,
    dataDir,
    farm: {},
    ...(databaseUrl ? { databaseUrl } : {}),
  })
  try {
    const { renders, taskIds, templateId } = await setUp(studio)
    const preview: number[] = []
    const submit: number[] = []
    const group: number[] = []
    for (let i = 0; i < ROUNDS; i++) {
      let t0 = performance.now()
      RenderPreview.parse(await ok(studio, 'POST', `${renders}/preview`, { taskIds, templateId }))
      preview.push(ms(t0))
      t0 = performance.now()
      const body = { templateId, items: taskIds.map((taskId) => ({ taskId })), variations: VARIATIONS }
      const { groupId, jobCount } = ShotRenderSubmitted.parse(await ok(studio, 'POST', renders, body))
      submit.push(ms(t0))
      if (jobCount !== SHOTS * VARIATIONS) throw new Error(`expected ${SHOTS * VARIATIONS} jobs, got ${jobCount}`)
      t0 = performance.now()
      RenderGroup.parse(await ok(studio, 'GET', `/api/farm/groups/${groupId}`))
      group.push(ms(t0))
    }
    return {
      engine,
      rounds: ROUNDS,
      previewOf40ShotsMedianMs: median(preview),
      render40x4JobsMedianMs: median(submit),
      groupOf160JobsMedianMs: median(group),
    }
  } finally {
    await studio.stop()
    rmSync(dataDir, { recursive: true, force: true })
    if (databaseUrl) await dropPostgresSchema(databaseUrl)
  }
}

const results = []
for (const engine of ENGINES) results.push(await benchEngine(engine))
process.stdout.write(`${JSON.stringify({ bench: 'shot-render', loadavg1m: loadavg()[0], results }, null, 2)}\n`)
