// Shared steps of the version benchmarks: a studio process on a fresh data dir, a project with
// shots (each with its tasks), and percentiles. The studio runs from its entry script, so bench/
// imports nothing from apps/.
import { fileURLToPath } from 'node:url'
import { Project, Sequence, ShotPage } from '@aipipeline/contracts'
import { type StudioProcess, startStudioProcess } from '@aipipeline/testing/studio-process'

export const STUDIO_ENTRY = fileURLToPath(
  new URL('../../apps/server/test-kits/farm/farm-studio.fixture.ts', import.meta.url),
)

/** Starts a studio on `dataDir`; pass the same `secretKey` to start it again on the same data. */
export function startStudio(
  dataDir: string,
  opts: { secretKey?: string; profileDir?: string | undefined } = {},
): Promise<StudioProcess> {
  return startStudioProcess({
    entry: STUDIO_ENTRY,
    dataDir,
    farm: { healthIntervalMs: 1000, thumbnails: true },
    ...(opts.secretKey ? { secretKey: opts.secretKey } : {}),
    ...(opts.profileDir ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${opts.profileDir}`] } : {}),
  })
}

/** Creates a project with `shots` shots; returns each shot with its Keyframe task. */
export async function projectWithShots(
  studio: StudioProcess,
  shots: number,
): Promise<{ projectId: string; shots: { shotId: string; taskId: string }[] }> {
  const created = await studio.call('POST', '/api/projects', { code: 'BENCH', name: 'Bench film' })
  if (created.status !== 201) throw new Error(`project: ${created.status} ${JSON.stringify(created.json)}`)
  const project = Project.parse(created.json)
  const base = `/api/projects/${project.id}`
  const sequence = Sequence.parse((await studio.call('POST', `${base}/sequences`, { code: 'SQ010' })).json)
  const codes = Array.from({ length: shots }, (_, i) => ({
    sequenceId: sequence.id,
    code: String((i + 1) * 10).padStart(4, '0'),
  }))
  const made = await studio.call('POST', `${base}/shots`, { shots: codes })
  if (made.status !== 201) throw new Error(`shots: ${made.status} ${JSON.stringify(made.json)}`)
  const keyframe = project.taskTypes.find((t) => t.name === 'Keyframe')?.id
  const page = ShotPage.parse((await studio.call('GET', `${base}/shots?limit=500`)).json)
  return {
    projectId: project.id,
    shots: page.items.map((s) => ({
      shotId: s.id,
      taskId: s.tasks.find((t) => t.taskTypeId === keyframe)?.id ?? '',
    })),
  }
}

export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? null
}

export const round = (n: number | null, digits = 1) => (n === null ? null : Number(n.toFixed(digits)))
