// Rendering shots through the real HTTP API of an in-process studio: the preview of 40 shots
// and one render of 40 shots × 4 variations (160 jobs, one group, one transaction), then the
// group's progress read. Prints one JSON object; never asserts on time.
// Run: npx tsx bench/farm/shot-render.bench.ts  (BENCH_ENGINES=sqlite to skip Postgres)
import { loadavg } from 'node:os'
import { RenderGroup, RenderPreview, ShotRenderSubmitted } from '@aipipeline/contracts'
import type { Engine } from '@aipipeline/db'
import { renderProject, saveTemplate } from '../../apps/server/test-kits/farm/shot-render.fixture'
import { call } from '../../apps/server/test-kits/production/production-test-kit'
import { createTestStudio } from '../../apps/server/test-kits/test-studio'

const ENGINES = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',') as Engine[]
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)
const ms = (t0: number) => Math.round((performance.now() - t0) * 10) / 10
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0

async function run(engine: Engine) {
  const studio = await createTestStudio(engine)
  try {
    const p = await renderProject(studio, 'BENCH', 40)
    const manager = p.team.seats.manager
    const template = await saveTemplate(studio, manager, 'Bench still', undefined, { modelFamily: 'sdxl' })
    const taskIds = p.shots.map((s) => s.taskId)
    const renders = `/api/projects/${p.team.projectId}/renders`
    const preview: number[] = []
    const submit: number[] = []
    const group: number[] = []
    for (let i = 0; i < ROUNDS; i++) {
      let t0 = performance.now()
      RenderPreview.parse(
        (await call(studio, manager, 'POST', `${renders}/preview`, { taskIds, templateId: template.id })).json,
      )
      preview.push(ms(t0))
      t0 = performance.now()
      const res = await call(studio, manager, 'POST', renders, {
        templateId: template.id,
        items: taskIds.map((taskId) => ({ taskId })),
        variations: 4,
      })
      const { groupId, jobCount } = ShotRenderSubmitted.parse(res.json)
      submit.push(ms(t0))
      if (jobCount !== 160) throw new Error(`expected 160 jobs, got ${jobCount}`)
      t0 = performance.now()
      RenderGroup.parse((await call(studio, manager, 'GET', `/api/farm/groups/${groupId}`)).json)
      group.push(ms(t0))
    }
    return {
      engine,
      rounds: ROUNDS,
      previewOf40ShotsMs: median(preview),
      submit40x4JobsMs: median(submit),
      groupOf160JobsMs: median(group),
    }
  } finally {
    await studio.close()
  }
}

const results = []
for (const engine of ENGINES) results.push(await run(engine))
process.stdout.write(`${JSON.stringify({ bench: 'shot-render', loadavg: loadavg()[0], results }, null, 2)}\n`)
