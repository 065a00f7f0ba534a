// A studio rendering on a simulator with the shipped template library, a shot whose Keyframe
// task already has a first version, and helpers to derive from it and wait for results.
// Only imported by tests.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { type Simulator, startSimulator, textToImagePrompt } from '@aipipeline/comfyui'
import {
  RenderInput,
  RenderJobDetail,
  ShotRenderSubmitted,
  VersionSidecar,
  WorkflowTemplate,
} from '@aipipeline/contracts'
import type { Engine } from '@aipipeline/db'
import { type RunningWorker, startWorker } from '../../src/jobs'
import { call, type TeamProject, teamProject } from '../production/production-test-kit'
import { createTestStudio, type TestStudio } from '../test-studio'
import { eventually, FAST_FARM } from './farm-test.fixture'

export interface DeriveBench {
  studio: TestStudio
  sim: Simulator
  worker: RunningWorker
  team: TeamProject
  taskId: string
  /** The first version: a 256 × 192 still rendered from a prompt. */
  sourceId: string
  template(name: string): WorkflowTemplate
  close(): Promise<void>
}

export const FIRST_PROMPT = 'a lighthouse keeper on the stairs, 35mm film'

/** Starts the bench: studio, worker, simulator backend, seeded library and a first version. */
export async function deriveBench(engine: Engine, code: string): Promise<DeriveBench> {
  const studio = await createTestStudio(engine, {
    config: { dataDir: `/tmp/aipipeline-derive-${code}-${process.pid}-${engine}` },
  })
  studio.farm.tune(FAST_FARM)
  await studio.farm.templates.seedLibrary()
  const worker = await startWorker({ queue: studio.queue, registry: studio.jobs })
  const team = await teamProject(studio, code)
  const { manager } = team.seats
  const shots = `/api/projects/${team.projectId}/shots`
  await call(studio, manager, 'POST', shots, { shots: [{ sequenceId: team.sequenceId, code: 'SH010' }] })
  const shot = (await call(studio, manager, 'GET', shots)).json as {
    items: { id: string; tasks: { id: string; taskTypeId: string }[] }[]
  }
  const keyframe = team.taskTypes.find((t) => t.name === 'Keyframe')?.id
  const taskId = shot.items[0]?.tasks.find((t) => t.taskTypeId === keyframe)?.id ?? ''
  const sim = await startSimulator({ name: `gpu-${code.toLowerCase()}`, timeScale: 0.005, vramGb: 80 })
  const backend = await call(studio, team.seats.admin, 'POST', '/api/farm/backends', { name: sim.name, url: sim.url })
  if (backend.status !== 201) throw new Error(`backend: ${backend.status}`)
  studio.farm.start()
  const job = await call(studio, manager, 'POST', '/api/farm/jobs', {
    source: { kind: 'api', prompt: textToImagePrompt({ seed: 777, width: 256, height: 192, text: FIRST_PROMPT }) },
    shotId: shot.items[0]?.id,
    taskId,
  })
  if (job.status !== 201) throw new Error(`first render: ${job.status} ${JSON.stringify(job.json)}`)
  const list = WorkflowTemplate.array().parse(
    ((await call(studio, manager, 'GET', '/api/farm/templates')).json as { items: unknown[] }).items,
  )
  const bench: DeriveBench = {
    studio,
    sim,
    worker,
    team,
    taskId,
    sourceId: '',
    template(name) {
      const t = list.find((l) => l.name === name)
      if (t === undefined) throw new Error(`no template ${name}`)
      return t
    },
    async close() {
      await studio.farm.stop()
      await sim.close()
      await worker.stop()
      await studio.close()
    },
  }
  const first = await versionsOf(bench, String((job.json as { id: string }).id))
  bench.sourceId = first[0] ?? ''
  return bench
}

/** The job once it succeeded and its outputs became versions; their ids. */
export async function versionsOf(b: DeriveBench, jobId: string): Promise<string[]> {
  const job = await eventually(async () => {
    const detail = RenderJobDetail.parse(
      (await call(b.studio, b.team.seats.manager, 'GET', `/api/farm/jobs/${jobId}`)).json,
    )
    if (detail.state === 'failed') throw new Error(`job failed: ${JSON.stringify(detail.attempts.at(-1)?.error)}`)
    return detail.state === 'succeeded' && detail.outputs.length > 0 && detail.outputs.every((o) => o.versionId)
      ? detail
      : undefined
  }, 30_000)
  return job.outputs.map((o) => o.versionId ?? '')
}

/** POST /api/versions/:id/derive as the manager (or `seat`). */
export async function derive(
  b: DeriveBench,
  body: Record<string, unknown>,
  versionId = b.sourceId,
  seat = b.team.seats.manager,
) {
  return call(b.studio, seat, 'POST', `/api/versions/${versionId}/derive`, body)
}

export function submitted(res: { status: number; json: unknown }) {
  if (res.status !== 201) throw new Error(`derive: ${res.status} ${JSON.stringify(res.json)}`)
  return ShotRenderSubmitted.parse(res.json)
}

/** Uploads a render input as the manager. */
export async function uploadInput(b: DeriveBench, bytes: Buffer, kind: 'image' | 'mask' | 'control') {
  const res = await call(b.studio, b.team.seats.manager, 'POST', `/api/projects/${b.team.projectId}/render-inputs`, {
    kind,
    contentBase64: bytes.toString('base64'),
  })
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${JSON.stringify(res.json)}`)
  return RenderInput.parse(res.json)
}

/** The lineage rows of a version: parent id, role and parameter. */
export async function lineageOf(b: DeriveBench, versionId: string) {
  return b.studio.testDb.handle.db
    .selectFrom('versionInputs')
    .select(['inputVersionId', 'role', 'parameter'])
    .where('versionId', '=', versionId)
    .orderBy('parameter')
    .execute()
}

/** The sidecar written next to a version. */
export async function sidecarOf(b: DeriveBench, versionId: string): Promise<VersionSidecar> {
  const file = await b.studio.testDb.handle.db
    .selectFrom('versionFiles')
    .select('path')
    .where('versionId', '=', versionId)
    .where('role', '=', 'sidecar')
    .executeTakeFirstOrThrow()
  return VersionSidecar.parse(JSON.parse(readFileSync(join(b.studio.config.dataDir, 'storage', file.path), 'utf8')))
}
