// Review proxies over HTTP on both engines, with a real ffmpeg: ingesting a video version
// queues one proxy job; the job makes an all-intra H.264 file at the source's exact rational
// rate, fitted into 1280×720 with even sides and every source frame kept; asking again makes
// the next revision; a broken source fails after its retries with a readable reason; stills
// get no proxy; clients, vendors and non-members are refused.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ReviewProxy, ShotPage } from '@aipipeline/contracts'
import { testEngines } from '@aipipeline/testing'
import { makeTestVideo, requireFfmpeg } from '@aipipeline/testing/videos'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { call, type Seat, type TeamProject, teamProject } from '../../../../test-kits/production/production-test-kit'
import { createTestStudio, type TestStudio } from '../../../../test-kits/test-studio'
import { type RunningWorker, startWorker } from '../../../jobs'
import { REVIEW_PROXY_JOB } from '.'

const probe = (args: string[]) => execFileSync('ffprobe', ['-v', 'error', ...args], { encoding: 'utf8' })

/** Packets of the first video stream, counted (one packet is one frame for these codecs). */
function frameCount(file: string): number {
  return Number(
    probe([
      '-count_packets',
      '-select_streams',
      'v:0',
      '-show_entries',
      'stream=nb_read_packets',
      '-of',
      'csv=p=0',
      file,
    ]).trim(),
  )
}

/** key_frame of every decoded video frame (JSON: CSV mixes in side data rows). */
function keyFlags(file: string): number[] {
  const out = probe(['-select_streams', 'v:0', '-show_entries', 'frame=key_frame', '-of', 'json', file])
  return z
    .object({ frames: z.array(z.object({ key_frame: z.number() })) })
    .parse(JSON.parse(out))
    .frames.map((f) => f.key_frame)
}

for (const engine of testEngines('review proxies API')) {
  describe.skipIf(!requireFfmpeg('review proxies'))(`review proxies [${engine}]`, () => {
    let studio: TestStudio
    let team: TeamProject
    let worker: RunningWorker
    let taskId = ''
    let dir = ''

    async function attach(kind: 'image' | 'video', data: Buffer, name: string) {
      const version = await studio.production.services.versions.attachRenderOutput({
        taskId,
        renderJobId: null,
        kind,
        prompt: 'slow push-in on the lighthouse',
        seed: 1,
        model: 'wan',
        parameters: {},
        files: [{ name, mediaType: kind === 'video' ? 'video/mp4' : 'image/png', data }],
        authorId: team.seats.artist.userId,
      })
      return version.id
    }

    const proxyUrl = (versionId: string) => `/api/review/versions/${versionId}/proxy`

    async function settled(versionId: string, revision: number, seat: Seat = team.seats.artist) {
      for (let i = 0; i < 1200; i++) {
        const res = await call(studio, seat, 'GET', proxyUrl(versionId))
        if (res.status === 200) {
          const p = ReviewProxy.parse(res.json)
          if (p.revision === revision && (p.status === 'ready' || p.status === 'failed')) return p
        }
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      throw new Error(`proxy of ${versionId} r${revision} never settled`)
    }

    async function jobsOf(versionId: string) {
      const jobs = await studio.queue.listJobs(REVIEW_PROXY_JOB.name, { limit: 1000 })
      return jobs.filter((j) => REVIEW_PROXY_JOB.schema.parse(j.data).versionId === versionId)
    }

    beforeAll(async () => {
      studio = await createTestStudio(engine)
      team = await teamProject(studio, 'PRX')
      const base = `/api/projects/${team.projectId}`
      await call(studio, team.seats.manager, 'POST', `${base}/shots`, {
        shots: [{ sequenceId: team.sequenceId, code: 'SH010' }],
      })
      const shot = ShotPage.parse((await call(studio, team.seats.manager, 'GET', `${base}/shots`)).json).items[0]
      taskId = shot?.tasks[0]?.id ?? ''
      dir = mkdtempSync(join(tmpdir(), 'review-proxy-'))
      worker = await startWorker({ queue: studio.queue, registry: studio.jobs })
    })
    afterAll(async () => {
      await worker?.stop()
      await studio?.close()
      rmSync(dir, { recursive: true, force: true })
    })

    it('makes an all-intra H.264 proxy at the exact 24000/1001 rate, fitted to 720p, every frame kept', async () => {
      // Scope 2.35:1 at 1920 wide: fits 1280×720 by its width.
      const source = makeTestVideo(dir, 'scope.mp4', {
        container: 'mp4',
        width: 1920,
        height: 816,
        seconds: 1,
        rate: '24000/1001',
      })
      const versionId = await attach('video', readFileSync(source), 'render.mp4')
      expect(await jobsOf(versionId)).toHaveLength(1)

      const proxy = await settled(versionId, 1)
      expect(proxy).toMatchObject({ status: 'ready', progress: 100, error: null, attempts: 1 })
      expect(proxy.rate).toEqual({ num: 24000, den: 1001 })
      expect({ width: proxy.width, height: proxy.height }).toEqual({ width: 1280, height: 544 })
      expect(proxy.frameCount).toBe(frameCount(source))

      const file = await studio.review.proxies.file(versionId)
      if (!file) throw new Error('no proxy file')
      expect(file.absolutePath).toMatch(/\/review\/proxy-r1\.mp4$/)
      expect(readFileSync(file.absolutePath).byteLength).toBe(file.sizeBytes)
      const stream = probe([
        '-select_streams',
        'v:0',
        '-show_entries',
        'stream=codec_name,pix_fmt,r_frame_rate,width,height',
        '-of',
        'json',
        file.absolutePath,
      ])
      expect(JSON.parse(stream).streams[0]).toMatchObject({
        codec_name: 'h264',
        pix_fmt: 'yuv420p',
        r_frame_rate: '24000/1001',
        width: 1280,
        height: 544,
      })
      const keys = keyFlags(file.absolutePath)
      expect(keys).toHaveLength(frameCount(source))
      expect(keys.every((k) => k === 1)).toBe(true)
    })

    it('never upscales, keeps even sides, and queues one proxy per version however often it is ingested', async () => {
      const source = makeTestVideo(dir, 'small.mp4', { container: 'mp4', width: 320, height: 180, seconds: 0.5 })
      const versionId = await attach('video', readFileSync(source), 'render.mp4')
      await studio.production.services.versionHooks.ingested([versionId, versionId])
      expect(await jobsOf(versionId)).toHaveLength(1)
      const proxy = await settled(versionId, 1)
      expect(proxy).toMatchObject({ status: 'ready', width: 320, height: 180, rate: { num: 10, den: 1 } })
      await studio.production.services.versionHooks.ingested([versionId])
      expect(await jobsOf(versionId)).toHaveLength(1)
    })

    it('queues proxies on start for video versions that have none', async () => {
      const source = makeTestVideo(dir, 'older.mp4', { container: 'mp4', width: 160, height: 120, seconds: 0.3 })
      const versionId = await attach('video', readFileSync(source), 'render.mp4')
      await settled(versionId, 1)
      // As if the version was made before proxies existed: no row, no job.
      const db = studio.testDb.handle.db
      await db.deleteFrom('reviewProxies').where('versionId', '=', versionId).execute()
      await db
        .deleteFrom('jobs')
        .where('name', '=', REVIEW_PROXY_JOB.name)
        .where('data', 'like', `%${versionId}%`)
        .execute()
      expect(await studio.review.proxies.get(versionId)).toBeNull()

      expect(await studio.review.ensureMissingProxies()).toBeGreaterThanOrEqual(1)
      expect(await settled(versionId, 1)).toMatchObject({ status: 'ready', frameCount: frameCount(source) })
    })

    it('makes the proxy again under one next revision on demand, however many ask at once, replacing the file', async () => {
      const source = makeTestVideo(dir, 'again.mp4', { container: 'mp4', width: 320, height: 240, seconds: 0.5 })
      const versionId = await attach('video', readFileSync(source), 'render.mp4')
      await settled(versionId, 1)
      const first = await studio.review.proxies.file(versionId)

      // Two people ask at once: one new revision, one job for it.
      const asked = await Promise.all([
        call(studio, team.seats.artist, 'POST', proxyUrl(versionId)),
        call(studio, team.seats.supervisor, 'POST', proxyUrl(versionId)),
      ])
      for (const res of asked) {
        expect(res.status).toBe(202)
        expect(ReviewProxy.parse(res.json).revision).toBe(2)
      }
      const again = await settled(versionId, 2)
      expect(again).toMatchObject({ status: 'ready', revision: 2, frameCount: frameCount(source) })
      const second = await studio.review.proxies.file(versionId)
      expect(second?.absolutePath).toMatch(/proxy-r2\.mp4$/)
      expect(first && existsSync(first.absolutePath)).toBe(false)
      expect(await jobsOf(versionId)).toHaveLength(2)
    })

    it('fails a broken source after its three attempts with a readable reason', async () => {
      const versionId = await attach('video', Buffer.from('this is not a video at all'), 'render.mp4')
      const failed = await settled(versionId, 1)
      expect(failed).toMatchObject({ status: 'failed', attempts: 3, width: null, frameCount: null })
      expect(failed.error).toMatch(/ffprobe failed/)
      expect(failed.error).not.toMatch(/\n\s+at |\/tmp\/|storage\//)
      expect(await studio.review.proxies.file(versionId)).toBeNull()
      const [job] = await jobsOf(versionId)
      expect(job).toMatchObject({ state: 'failed', attemptsMade: 3 })
    })

    it('answers 422 for a still: stills are shown as images', async () => {
      const png = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#123456' } })
        .png()
        .toBuffer()
      const versionId = await attach('image', png, 'render.png')
      expect(await jobsOf(versionId)).toHaveLength(0)
      const made = await call(studio, team.seats.artist, 'POST', proxyUrl(versionId))
      expect(made.status).toBe(422)
      expect(JSON.stringify(made.json)).toContain('a still needs no proxy')
      expect((await call(studio, team.seats.artist, 'GET', proxyUrl(versionId))).status).toBe(422)
    })

    it('refuses clients and vendors, and hides the version from non-members', async () => {
      const source = makeTestVideo(dir, 'private.mp4', { container: 'mp4', width: 160, height: 90, seconds: 0.3 })
      const versionId = await attach('video', readFileSync(source), 'render.mp4')
      for (const role of ['client', 'vendor'] as const) {
        expect((await call(studio, team.seats[role], 'GET', proxyUrl(versionId))).status).toBe(403)
        expect((await call(studio, team.seats[role], 'POST', proxyUrl(versionId))).status).toBe(403)
      }
      const s = await studio.signIn('supervisor')
      const outsider = { token: s.accessToken, userId: s.user.id, email: s.user.email }
      expect((await call(studio, outsider, 'GET', proxyUrl(versionId))).status).toBe(404)
      expect((await call(studio, outsider, 'POST', proxyUrl(versionId))).status).toBe(404)
      expect((await call(studio, team.seats.supervisor, 'GET', proxyUrl(versionId))).status).toBe(200)
    })
  })
}
