// Renders from a version against a real simulator on both engines: refine keeps the source's
// prompt, seed and size and records its lineage; the backend receives the hash-named image
// once for two jobs and the exact painted mask as 1 − alpha; masks of another size are refused
// unless resized; outpaint pads, upscale and interpolation check their inputs; the rules of
// rendering a task decide who may derive; a failed upload is a failed attempt that retries.
import { textToVideoPrompt } from '@aipipeline/comfyui'
import { ErrorBody, RenderJobDetail } from '@aipipeline/contracts'
import { testEngines } from '@aipipeline/testing'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type DeriveBench,
  derive,
  deriveBench,
  FIRST_PROMPT,
  lineageOf,
  submitted,
  uploadInput,
  versionsOf,
} from '../../../../test-kits/farm/derive.fixture'
import { eventually } from '../../../../test-kits/farm/farm-test.fixture'
import { call, type Seat } from '../../../../test-kits/production/production-test-kit'

/** A white-on-black mask whose left `painted` columns are white. */
async function mask(width: number, height: number, painted: number): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3)
  for (let y = 0; y < height; y++)
    for (let x = 0; x < painted; x++) raw.fill(255, (y * width + x) * 3, (y * width + x) * 3 + 3)
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer()
}

for (const engine of testEngines('renders from a version')) {
  describe(`renders from a version [${engine}]`, () => {
    let b: DeriveBench
    let stranger: Seat
    const job = async (id: string) =>
      RenderJobDetail.parse((await call(b.studio, b.team.seats.manager, 'GET', `/api/farm/jobs/${id}`)).json)
    const issue = (res: { json: unknown }) => ErrorBody.parse(res.json).error.issues?.[0]?.path

    beforeAll(async () => {
      b = await deriveBench(engine, `DV${engine.slice(0, 1).toUpperCase()}`)
      const s = await b.studio.signIn('artist')
      stranger = { token: s.accessToken, userId: s.user.id, email: s.user.email }
    }, 60_000)
    afterAll(async () => b?.close())

    it('refines with the source prompt, seed and size, and the new versions point at their parent', async () => {
      const template = b.template('SDXL image to image')
      const res = submitted(
        await derive(b, { mode: 'refine', templateId: template.id, denoise: 0.35, variations: 2, seed: 'keep' }),
      )
      expect(res.jobCount).toBe(2)
      const jobs = await Promise.all(res.items.map((j) => job(j.id)))
      const image = String(jobs[0]?.parameters.image)
      expect(image).toMatch(/^[0-9a-f]{64}\.png$/)
      expect(jobs.map((j) => j.parameters)).toEqual([
        expect.objectContaining({ prompt: FIRST_PROMPT, seed: 777, denoise: 0.35, width: 256, height: 192, image }),
        expect.objectContaining({ prompt: FIRST_PROMPT, seed: 778, denoise: 0.35, width: 256, height: 192, image }),
      ])
      // The mode rides with the values, so the version's provenance says how it was made.
      expect(jobs.map((j) => j.parameters.deriveMode)).toEqual(['refine', 'refine'])
      expect(jobs[0]?.inputVersions).toEqual([{ versionId: b.sourceId, parameter: 'image' }])
      const made = [...(await versionsOf(b, res.items[0]?.id ?? '')), ...(await versionsOf(b, res.items[1]?.id ?? ''))]
      for (const v of made)
        expect(await lineageOf(b, v)).toEqual([{ inputVersionId: b.sourceId, role: 'image', parameter: 'image' }])
      // One hash-named file for both jobs: the second upload found the same bytes under that name.
      const uploads = b.sim.uploads().filter((u) => u.requestedName === image)
      expect(uploads.map((u) => [u.name, u.reused])).toEqual([
        [image, false],
        [image, true],
      ])
      expect(uploads[0]?.receivedSha256).toBe(image.slice(0, 64))
    })

    it('sends the painted mask as 1 − alpha onto the hash-named image, and inpaints into a child version', async () => {
      const painted = await mask(256, 192, 100)
      const input = await uploadInput(b, painted, 'mask')
      const template = b.template('SD 1.5 inpaint')
      const res = submitted(await derive(b, { mode: 'inpaint', templateId: template.id, maskInputId: input.id }))
      const [version] = await versionsOf(b, res.items[0]?.id ?? '')
      const detail = await job(res.items[0]?.id ?? '')
      const received = b.sim.uploads().find((u) => u.route === 'mask' && u.requestedName === detail.parameters.mask)
      expect(received?.alpha).toMatchObject({ width: 256, height: 192 })
      const alpha = received?.alpha?.data ?? Buffer.alloc(0)
      const wrong = [...alpha].filter((a, i) => a !== (i % 256 < 100 ? 0 : 255)).length
      expect(wrong).toBe(0)
      expect(await lineageOf(b, version ?? '')).toEqual([
        { inputVersionId: b.sourceId, role: 'image', parameter: 'image' },
      ])
    })

    it('refuses a mask of another size with 422 naming maskInputId, and resizes it when asked', async () => {
      const small = await uploadInput(b, await mask(128, 96, 50), 'mask')
      const template = b.template('SD 1.5 inpaint')
      const refused = await derive(b, { mode: 'inpaint', templateId: template.id, maskInputId: small.id })
      expect(refused.status).toBe(422)
      expect(issue(refused)).toBe('body.maskInputId')
      const missing = await derive(b, { mode: 'inpaint', templateId: template.id })
      expect([missing.status, issue(missing)]).toEqual([400, 'body.maskInputId'])
      const resized = submitted(
        await derive(b, { mode: 'inpaint', templateId: template.id, maskInputId: small.id, resizeMask: true }),
      )
      const detail = await job(resized.items[0]?.id ?? '')
      const row = await b.studio.testDb.handle.db
        .selectFrom('farmRenderJobs')
        .select('inputFiles')
        .where('id', '=', detail.id)
        .executeTakeFirstOrThrow()
      const maskFile = (JSON.parse(row.inputFiles) as { kind: string; sha256: string }[]).find((f) => f.kind === 'mask')
      expect(maskFile?.sha256).not.toBe(small.id)
      const stored = await call(
        b.studio,
        b.team.seats.manager,
        'GET',
        `/api/projects/${b.team.projectId}/render-inputs/${maskFile?.sha256}`,
      )
      expect(stored.json).toMatchObject({ kind: 'mask', width: 256, height: 192 })
    })

    it('refuses a template of another category and a mode the version kind cannot take with 422', async () => {
      const wrong = await derive(b, { mode: 'refine', templateId: b.template('SD 1.5 inpaint').id })
      expect([wrong.status, issue(wrong)]).toEqual([422, 'body.templateId'])
      const video = await derive(b, { mode: 'interpolate', templateId: b.template('Frame interpolation (RIFE)').id })
      expect([video.status, issue(video)]).toEqual([422, 'body.mode'])
    })

    it('outpaints by 256 px on the right and upscales into new versions', async () => {
      const out = submitted(
        await derive(b, {
          mode: 'outpaint',
          templateId: b.template('SD 1.5 outpaint').id,
          outpaint: { left: 0, top: 0, right: 256, bottom: 0 },
        }),
      )
      expect((await job(out.items[0]?.id ?? '')).parameters).toMatchObject({
        pad_left: 0,
        pad_right: 256,
        pad_bottom: 0,
      })
      const up = submitted(await derive(b, { mode: 'upscale', templateId: b.template('Upscale with ESRGAN').id }))
      for (const id of [out.items[0]?.id, up.items[0]?.id]) {
        const [v] = await versionsOf(b, id ?? '')
        expect(await lineageOf(b, v ?? '')).toEqual([{ inputVersionId: b.sourceId, role: 'image', parameter: 'image' }])
      }
    })

    it('interpolates a video version from its clip, and refuses image modes on it', async () => {
      const shot = await b.studio.testDb.handle.db
        .selectFrom('tasks')
        .select('shotId')
        .where('id', '=', b.taskId)
        .executeTakeFirstOrThrow()
      // The sample writes an animated WebP; an MP4 through CreateVideo + SaveVideo makes a video version.
      const prompt = textToVideoPrompt({ seed: 5, width: 320, height: 192, length: 9 })
      const saveId = Object.keys(prompt).find((id) => prompt[id]?.class_type === 'SaveAnimatedWEBP') ?? ''
      prompt[saveId] = { class_type: 'CreateVideo', inputs: { images: ['8', 0], fps: 16 } }
      prompt.save = {
        class_type: 'SaveVideo',
        inputs: { video: [saveId, 0], filename_prefix: 'video/clip', format: 'auto', codec: 'auto' },
      }
      const clip = await call(b.studio, b.team.seats.manager, 'POST', '/api/farm/jobs', {
        source: { kind: 'api', prompt },
        shotId: shot.shotId,
        taskId: b.taskId,
      })
      const [videoId] = await versionsOf(b, String((clip.json as { id: string }).id))
      const rife = b.template('Frame interpolation (RIFE)')
      const res = submitted(await derive(b, { mode: 'interpolate', templateId: rife.id }, videoId))
      const detail = await job(res.items[0]?.id ?? '')
      expect(String(detail.parameters.video)).toMatch(/^[0-9a-f]{64}\.mp4$/)
      const [made] = await versionsOf(b, detail.id)
      expect(await lineageOf(b, made ?? '')).toEqual([{ inputVersionId: videoId, role: 'image', parameter: 'video' }])
      const refine = await derive(b, { mode: 'refine', templateId: b.template('SDXL image to image').id }, videoId)
      expect([refine.status, issue(refine)]).toEqual([422, 'body.mode'])
    })

    it('lets only who may render the task derive: 403 for clients and unassigned artists, 404 for non-members', async () => {
      const body = { mode: 'upscale', templateId: b.template('Upscale with ESRGAN').id }
      expect((await derive(b, body, b.sourceId, b.team.seats.client)).status).toBe(403)
      expect((await derive(b, body, b.sourceId, b.team.seats.artist)).status).toBe(403)
      expect((await derive(b, body, b.sourceId, stranger)).status).toBe(404)
      expect((await derive(b, body, '0190f0f0-0000-7000-8000-000000000000')).status).toBe(404)
    })

    it('counts a failed input upload as a failed attempt and retries it once the backend takes uploads', async () => {
      await b.sim.inject({ kind: 'fail-uploads', status: 500 })
      const res = submitted(await derive(b, { mode: 'upscale', templateId: b.template('Upscale with ESRGAN').id }))
      const id = res.items[0]?.id ?? ''
      const failed = await eventually(async () => {
        const detail = await job(id)
        return detail.attempts.find((a) => a.error?.type === 'input_upload_failed')
      })
      expect(failed.error?.message).toContain('uploading the input files')
      b.sim.clearFaults()
      expect(await versionsOf(b, id)).toHaveLength(1)
    })
  })
}
