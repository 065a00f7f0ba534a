// Render outputs become versions, on both engines, against a real simulator over real sockets:
// one version per output with its files, the farm's thumbnail and a sidecar; exactly one
// version per output however often or however concurrently the ingest runs, also after a
// crash that left files without rows; what a client and a non-member see; lineage; the job
// detail linking its versions; and `version:new` reaching members only.
import { createHash } from 'node:crypto'
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { type Simulator, startSimulator, textToImagePrompt } from '@aipipeline/comfyui'
import { RenderJobDetail, ShotPage, VersionDetail, VersionSidecar } from '@aipipeline/contracts'
import { testEngines } from '@aipipeline/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventually, FAST_FARM } from '../../../test-kits/farm/farm-test.fixture'
import {
  call,
  type LiveSeat,
  liveSeat,
  type Seat,
  type TeamProject,
  teamProject,
} from '../../../test-kits/production/production-test-kit'
import { createTestStudio, type TestStudio } from '../../../test-kits/test-studio'
import { type RunningWorker, startWorker } from '../../jobs'

/** A text-to-image prompt that writes `batch` images. */
function batchPrompt(seed: number, batch: number) {
  const prompt = textToImagePrompt({ seed, text: 'a lighthouse at dusk, 35mm film' })
  const latent = prompt['5']
  if (!latent) throw new Error('no latent node')
  return { ...prompt, '5': { ...latent, inputs: { ...latent.inputs, batch_size: batch } } }
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex')

for (const engine of testEngines('version ingest')) {
  describe(`render outputs become versions [${engine}]`, () => {
    let studio: TestStudio
    let worker: RunningWorker
    let sim: Simulator
    let p: TeamProject
    let shotId: string
    let taskId: string
    let stranger: Seat
    let live: { manager: LiveSeat; stranger: LiveSeat; client: LiveSeat; vendor: LiveSeat }
    let firstJob: RenderJobDetail
    const storage = () => join(studio.config.dataDir, 'storage')
    const manager = () => p.seats.manager
    const status = (name: string) => p.statuses.find((s) => s.name === name)?.id ?? ''

    async function submit(body: Record<string, unknown>) {
      const res = await call(studio, manager(), 'POST', '/api/farm/jobs', { shotId, taskId, ...body })
      if (res.status !== 201) throw new Error(`submit: ${res.status} ${JSON.stringify(res.json)}`)
      return String((res.json as { id: string }).id)
    }
    async function jobDetail(id: string) {
      return RenderJobDetail.parse((await call(studio, manager(), 'GET', `/api/farm/jobs/${id}`)).json)
    }
    /** The job once it succeeded and every output has its version. */
    async function versioned(id: string) {
      return eventually(async () => {
        const job = await jobDetail(id)
        return job.state === 'succeeded' && job.outputs.length > 0 && job.outputs.every((o) => o.versionId !== null)
          ? job
          : undefined
      })
    }
    async function version(seat: Seat, id: string) {
      return call(studio, seat, 'GET', `/api/versions/${id}`)
    }
    async function taskVersionCount() {
      const row = await studio.testDb.handle.db
        .selectFrom('versions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('taskId', '=', taskId)
        .executeTakeFirstOrThrow()
      return Number(row.n)
    }

    beforeAll(async () => {
      studio = await createTestStudio(engine, {
        config: { dataDir: `/tmp/aipipeline-ingest-test-${process.pid}-${engine}` },
      })
      studio.farm.tune(FAST_FARM)
      await studio.app.listen({ port: 0, host: '127.0.0.1' })
      const address = studio.app.server.address()
      if (!address || typeof address === 'string') throw new Error('no port')
      worker = await startWorker({ queue: studio.queue, registry: studio.jobs })
      p = await teamProject(studio, `I${engine.slice(0, 2).toUpperCase()}`)
      const shots = `/api/projects/${p.projectId}/shots`
      await call(studio, manager(), 'POST', shots, { shots: [{ sequenceId: p.sequenceId, code: '010' }] })
      const shot = ShotPage.parse((await call(studio, manager(), 'GET', shots)).json).items[0]
      const keyframe = p.taskTypes.find((t) => t.name === 'Keyframe')?.id
      shotId = shot?.id ?? ''
      taskId = shot?.tasks.find((t) => t.taskTypeId === keyframe)?.id ?? ''
      const s = await studio.signIn('artist')
      stranger = { token: s.accessToken, userId: s.user.id, email: s.user.email }
      const url = `http://127.0.0.1:${address.port}`
      live = {
        manager: await liveSeat(url, manager()),
        stranger: await liveSeat(url, stranger),
        client: await liveSeat(url, p.seats.client),
        vendor: await liveSeat(url, p.seats.vendor),
      }
      expect(await live.manager.join(`project:${p.projectId}`)).toBe(true)
      expect(await live.stranger.join(`project:${p.projectId}`)).toBe(false)
      sim = await startSimulator({ name: 'gpu-ingest', timeScale: 0.01, vramGb: 24 })
      const backend = await call(studio, p.seats.admin, 'POST', '/api/farm/backends', { name: sim.name, url: sim.url })
      expect(backend.status).toBe(201)
      studio.farm.start()
    })
    afterAll(async () => {
      for (const seat of Object.values(live ?? {})) seat.close()
      await studio.farm.stop()
      await sim?.close()
      await worker?.stop()
      await studio.close()
    })

    it('makes one version per output with the file, the farm thumbnail and a sidecar', async () => {
      const jobId = await submit({ source: { kind: 'api', prompt: batchPrompt(4242, 2) }, name: 'two stills' })
      firstJob = await versioned(jobId)
      expect(firstJob.outputs).toHaveLength(2)
      const versions = await Promise.all(
        firstJob.outputs.map(async (o) => VersionDetail.parse((await version(manager(), o.versionId ?? '')).json)),
      )
      expect(versions.map((v) => v.number)).toEqual([1, 2])
      for (const [i, v] of versions.entries()) {
        const output = firstJob.outputs[i]
        if (!output) throw new Error('no output')
        expect(v).toMatchObject({ taskId, shotId, kind: 'image', authorId: manager().userId })
        expect(v.provenance).toMatchObject({
          renderJobId: jobId,
          prompt: 'a lighthouse at dusk, 35mm film',
          negativePrompt: 'blurry',
          seed: 4242,
        })
        expect(v.files.map((f) => f.role).sort()).toEqual(['output', 'sidecar', 'thumbnail'])
        const file = v.files.find((f) => f.role === 'output')
        expect(file?.sha256).toBe(output.sha256)
        expect(file?.path.startsWith(v.folderPath)).toBe(true)
        // The farm's download, not a second one: the same bytes (a hard link on one filesystem).
        const placed = join(storage(), file?.path ?? '')
        expect(sha256(readFileSync(placed))).toBe(output.sha256)
        expect(statSync(placed).ino).toBe(statSync(join(storage(), output.path)).ino)
        const thumb = await call(studio, manager(), 'GET', `/api/version-files/${v.thumbnailFileId}`)
        expect(thumb.status).toBe(200)
        expect(sha256(thumb.raw)).toBe(sha256(readFileSync(join(storage(), output.thumbnailPath ?? ''))))
        const sidecarFile = v.files.find((f) => f.role === 'sidecar')
        const read = await call(studio, manager(), 'GET', `/api/version-files/${sidecarFile?.id}`)
        expect(read.status).toBe(200)
        const sidecar = VersionSidecar.parse(JSON.parse(read.raw.toString('utf8')))
        expect(sha256(read.raw)).toBe(sidecarFile?.sha256)
        expect(sidecar).toMatchObject({
          version: { id: v.id, number: v.number, taskId, shotId, projectId: p.projectId },
          prompt: 'a lighthouse at dusk, 35mm film',
          negativePrompt: 'blurry',
          seed: 4242,
          models: { checkpoints: ['v1-5-pruned-emaonly.safetensors'], unets: [], loras: [] },
          backend: { name: 'gpu-ingest' },
          job: { id: jobId, outputId: output.id, attemptIds: [firstJob.attempts[0]?.promptId] },
          timings: { queuedAt: firstJob.queuedAt, finishedAt: firstJob.finishedAt },
        })
        expect(sidecar.workflowHash).toMatch(/^[0-9a-f]{64}$/)
        expect(sidecar.files.map((f) => [f.role, f.sha256])).toEqual(
          v.files.filter((f) => f.role !== 'sidecar').map((f) => [f.role, f.sha256]),
        )
        // And the same sidecar lies in the version folder.
        expect(readFileSync(join(storage(), v.folderPath, 'version.json'))).toEqual(read.raw)
      }
    })

    it('announces each version to the project room, not to a non-member', async () => {
      await live.manager.settled()
      await live.stranger.settled()
      const announced = live.manager.received.filter((e) => e.event === 'version:new').map((e) => e.payload)
      const ids = firstJob.outputs.map((o) => o.versionId)
      expect(announced).toEqual(
        expect.arrayContaining(
          ids.map((versionId) =>
            expect.objectContaining({ versionId, taskId, shotId, kind: 'image', renderJobId: firstJob.id }),
          ),
        ),
      )
      for (const e of announced) expect(typeof (e as { thumbnailFileId: unknown }).thumbnailFileId).toBe('string')
      expect(live.stranger.received.some((e) => e.event === 'version:new')).toBe(false)
      // The task shows clients no status they may see, and is not assigned to the vendor.
      await live.client.settled()
      await live.vendor.settled()
      expect(live.client.received.some((e) => e.event === 'version:new')).toBe(false)
      expect(live.vendor.received.some((e) => e.event === 'version:new')).toBe(false)
    })

    it('keeps exactly one version per output when the ingest runs again, concurrently, or is reconciled', async () => {
      const before = await taskVersionCount()
      const again = await Promise.all([
        studio.farm.versions.ingest(firstJob.id),
        studio.farm.versions.ingest(firstJob.id),
      ])
      expect(again).toEqual([firstJob.outputs.map((o) => o.versionId), firstJob.outputs.map((o) => o.versionId)])
      expect(await studio.farm.versions.reconcile()).toBe(0)
      expect(await taskVersionCount()).toBe(before)
    })

    it('finishes an ingest that died after writing files and before its rows, on restart, with one version per output', async () => {
      const jobId = await submit({ source: { kind: 'api', prompt: batchPrompt(77, 1) } })
      const made = await versioned(jobId)
      const versionId = made.outputs[0]?.versionId ?? ''
      const { folderPath, number } = VersionDetail.parse((await version(manager(), versionId)).json)
      const before = await taskVersionCount()
      // What a crash between placing the files and committing leaves: files without rows, and a
      // sidecar half written.
      await studio.testDb.handle.db.deleteFrom('versions').where('renderJobId', '=', jobId).execute()
      writeFileSync(join(storage(), folderPath, 'version.json'), '{"half": "written"}')
      expect((await jobDetail(jobId)).outputs[0]?.versionId).toBeNull()
      // The restarted studio reconciles: the ingest runs again and makes the version once.
      expect(await studio.farm.versions.reconcile()).toBe(1)
      const done = await versioned(jobId)
      expect(await taskVersionCount()).toBe(before)
      const v = VersionDetail.parse((await version(manager(), done.outputs[0]?.versionId ?? '')).json)
      expect(v.number).toBe(number)
      expect(v.folderPath).toBe(folderPath)
      const sidecar = VersionSidecar.parse(
        JSON.parse(readFileSync(join(storage(), folderPath, 'version.json'), 'utf8')),
      )
      expect(sidecar.version.id).toBe(v.id)
      expect(await studio.farm.versions.reconcile()).toBe(0)
    })

    it('records lineage from input versions, refusing unknown ones and inputs of a job outside any project', async () => {
      const parent = firstJob.outputs[0]?.versionId ?? ''
      const unknown = await call(studio, manager(), 'POST', '/api/farm/jobs', {
        shotId,
        taskId,
        source: { kind: 'api', prompt: batchPrompt(5, 1) },
        inputVersions: [{ versionId: 'no-such-version', parameter: 'image' }],
      })
      expect(unknown.status).toBe(404)
      expect(JSON.stringify(unknown.json)).toContain('inputVersions.0.versionId')
      const studioJob = await call(studio, manager(), 'POST', '/api/farm/jobs', {
        source: { kind: 'api', prompt: batchPrompt(5, 1) },
        inputVersions: [{ versionId: parent, parameter: 'image' }],
      })
      expect(studioJob.status).toBe(400)
      const jobId = await submit({
        source: { kind: 'api', prompt: batchPrompt(6, 1) },
        inputVersions: [
          { versionId: parent, parameter: 'image' },
          { versionId: firstJob.outputs[1]?.versionId ?? '', parameter: 'mask_image' },
        ],
      })
      const job = await versioned(jobId)
      expect(job.inputVersions).toHaveLength(2)
      const child = VersionDetail.parse((await version(manager(), job.outputs[0]?.versionId ?? '')).json)
      expect(child.inputs).toEqual([
        { versionId: parent, role: 'image', parameter: 'image', taskId, number: 1 },
        { versionId: firstJob.outputs[1]?.versionId, role: 'mask', parameter: 'mask_image', taskId, number: 2 },
      ])
    })

    it('shows a client the version without how it was generated, never its sidecar; a non-member gets 404', async () => {
      const id = firstJob.outputs[0]?.versionId ?? ''
      const studioView = VersionDetail.parse((await version(manager(), id)).json)
      const sidecarId = studioView.files.find((f) => f.role === 'sidecar')?.id
      expect((await version(p.seats.client, id)).status).toBe(404)
      await call(studio, manager(), 'POST', `/api/tasks/${taskId}/comments`, { statusId: status('Review') })
      const shown = await version(p.seats.client, id)
      expect(shown.status).toBe(200)
      const clientView = VersionDetail.parse(shown.json)
      expect(clientView.provenance).toMatchObject({ prompt: null, negativePrompt: null, seed: null, parameters: {} })
      expect(clientView.files.map((f) => f.role).sort()).toEqual(['output', 'thumbnail'])
      expect(clientView.inputs).toEqual([])
      expect((await call(studio, p.seats.client, 'GET', `/api/version-files/${sidecarId}`)).status).toBe(404)
      expect(
        (await call(studio, p.seats.client, 'GET', `/api/version-files/${clientView.thumbnailFileId}`)).status,
      ).toBe(200)
      await call(studio, manager(), 'PATCH', `/api/projects/${p.projectId}`, { showGenerationDetailsToClients: true })
      expect((await call(studio, p.seats.client, 'GET', `/api/version-files/${sidecarId}`)).status).toBe(200)
      await call(studio, manager(), 'PATCH', `/api/projects/${p.projectId}`, { showGenerationDetailsToClients: false })
      // With the task in a status clients see, a new version reaches the client live.
      const jobId = await submit({ source: { kind: 'api', prompt: batchPrompt(99, 1) } })
      const job = await versioned(jobId)
      await eventually(async () => {
        await live.client.settled()
        return live.client.received.some(
          (e) => e.event === 'version:new' && JSON.stringify(e.payload).includes(job.outputs[0]?.versionId ?? '-'),
        )
      })
      const outsider = await version(stranger, id)
      expect(outsider.status).toBe(404)
      expect((await call(studio, stranger, 'GET', `/api/version-files/${sidecarId}`)).status).toBe(404)
      expect((await call(studio, stranger, 'GET', `/api/farm/jobs/${firstJob.id}`)).status).toBe(404)
    })
  })
}
