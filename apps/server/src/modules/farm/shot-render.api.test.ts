// Rendering shots with a template: the preview shows each task's final prompt and frame, a
// render of many shots × variations is one job group with distinct seeds, and only staff who
// may work on the task render it (non-members never learn the project exists).
import {
  ErrorBody,
  RenderGroup,
  RenderJobDetail,
  RenderPreview,
  ShotPage,
  ShotRenderSubmitted,
  type WorkflowTemplate,
} from '@aipipeline/contracts'
import { defaultCatalog } from '@aipipeline/cpe'
import { testEngines } from '@aipipeline/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assign, type RenderProject, renderProject, saveTemplate } from '../../../test-kits/farm/shot-render.fixture'
import { call, type Seat } from '../../../test-kits/production/production-test-kit'
import { createTestStudio, type TestStudio } from '../../../test-kits/test-studio'

for (const engine of testEngines('render shots from a template')) {
  describe(`render shots from a template [${engine}]`, () => {
    let studio: TestStudio
    let p: RenderProject
    let template: WorkflowTemplate
    let outsider: Seat
    let renders = ''

    beforeAll(async () => {
      studio = await createTestStudio(engine)
      p = await renderProject(studio, 'RND', 40)
      template = await saveTemplate(studio, p.team.seats.manager, 'Still with placeholders', undefined, {
        modelFamily: 'generic',
      })
      const s = await studio.signIn('manager')
      outsider = { token: s.accessToken, userId: s.user.id, email: s.user.email }
      renders = `/api/projects/${p.team.projectId}/renders`
    })
    afterAll(async () => studio.close())

    const taskIds = (n: number) => p.shots.slice(0, n).map((s) => s.taskId)

    it('previews a generic template with the shot description, a 16:9 frame and an editable negative', async () => {
      const res = await call(studio, p.team.seats.manager, 'POST', `${renders}/preview`, {
        taskIds: taskIds(2),
        templateId: template.id,
      })
      expect(res.status).toBe(200)
      const preview = RenderPreview.parse(res.json)
      expect(preview.template.modelFamily).toBe('generic')
      expect(preview.items.map((i) => i.shotCode)).toEqual(['SH0010', 'SH0020'])
      expect(preview.items[0]).toMatchObject({
        prompt: 'a lighthouse keeper climbs the stairs, take 1',
        negative: '',
        width: 1344,
        height: 768,
        frames: null,
        warnings: [],
      })
    })

    it('formats per model family: FLUX without a negative, SDXL with one, HARD violations as warnings', async () => {
      const digital = defaultCatalog().records.cameras.find(
        (c) => c.medium === 'digital' && c.availability.from >= 2010,
      )
      const vision3 = defaultCatalog().records.filmStocks.find((s) => s.id.includes('5219'))
      const shot = p.shots[1]
      if (!digital || !vision3 || !shot) throw new Error('catalog lacks a digital camera or Vision3 5219')
      const patched = await call(studio, p.team.seats.manager, 'PATCH', `/api/shots/${shot.shotId}`, {
        cpeSettings: {
          content: { subject: 'a lighthouse keeper' },
          camera: { bodyId: digital.id },
          film: { stockId: vision3.id },
          shot: { size: 'wide' },
        },
      })
      expect(patched.status).toBe(200)
      const flux = await saveTemplate(studio, p.team.seats.manager, 'FLUX still', undefined, {
        modelFamily: 'flux-dev',
      })
      const sdxl = await saveTemplate(studio, p.team.seats.manager, 'SDXL still', undefined, { modelFamily: 'sdxl' })
      const preview = async (templateId: string) =>
        RenderPreview.parse(
          (
            await call(studio, p.team.seats.manager, 'POST', `${renders}/preview`, {
              taskIds: [shot.taskId],
              templateId,
            })
          ).json,
        ).items[0]
      const f = await preview(flux.id)
      expect(f?.negative).toBeNull()
      expect(f?.prompt).toContain('lighthouse keeper')
      expect(f?.prompt).not.toBe(shot.code)
      expect(f?.warnings.some((w) => w.message.en.includes('digital'))).toBe(true)
      expect(f?.warnings[0]?.message.ko).toMatch(/[가-힣]/)
      expect([f?.width, f?.height]).toEqual([1360, 768])
      const x = await preview(sdxl.id)
      expect(x?.negative).toEqual(expect.any(String))
      expect(x?.negative).not.toBe('')
      expect(x?.prompt).not.toEqual(f?.prompt)
    })

    it('gives a Wan 2.2 template frames and fps covering the shot: 2 s at 24 fps → 33 frames at 16 fps', async () => {
      await studio.farm.templates.seedLibrary()
      const wan = (await studio.farm.templates.list()).find(
        (t) => t.modelFamily === 'wan-2.2' && t.category === 'text-to-video',
      )
      if (!wan) throw new Error('no Wan 2.2 text-to-video template in the library')
      const res = await call(studio, p.team.seats.manager, 'POST', `${renders}/preview`, {
        taskIds: [p.shots[2]?.taskId],
        templateId: wan.id,
      })
      const item = RenderPreview.parse(res.json).items[0]
      expect(item).toMatchObject({ frames: 33, fps: 16, width: 1280, height: 720 })
      expect(item?.negative).toEqual(expect.any(String))
      const submitted = await call(studio, p.team.seats.manager, 'POST', renders, {
        templateId: wan.id,
        items: [{ taskId: p.shots[2]?.taskId }],
      })
      expect(submitted.status).toBe(201)
      const [job] = ShotRenderSubmitted.parse(submitted.json).items
      const detail = RenderJobDetail.parse(
        (await call(studio, p.team.seats.manager, 'GET', `/api/farm/jobs/${job?.id}`)).json,
      )
      expect(detail.parameters).toMatchObject({ frames: 33, fps: 16 })
    })

    it('queues 40 shots × 4 variations as one group of 160 jobs with distinct seeds per variation', async () => {
      const res = await call(studio, p.team.seats.manager, 'POST', renders, {
        templateId: template.id,
        items: taskIds(40).map((taskId, i) =>
          i === 0 ? { taskId, prompt: 'edited: a lighthouse at night' } : { taskId },
        ),
        variations: 4,
        seed: 1000,
        priority: 60,
      })
      expect(res.status).toBe(201)
      const submitted = ShotRenderSubmitted.parse(res.json)
      expect(submitted.jobCount).toBe(160)
      expect(new Set(submitted.items.map((j) => j.groupId))).toEqual(new Set([submitted.groupId]))
      expect(submitted.items.every((j) => j.shotId !== null && j.taskId !== null && j.priority === 60)).toBe(true)

      const group = RenderGroup.parse(
        (await call(studio, p.team.seats.manager, 'GET', `/api/farm/groups/${submitted.groupId}`)).json,
      )
      expect(group.total).toBe(160)
      expect(group.projectId).toBe(p.team.projectId)
      expect(Object.values(group.counts).reduce((a, b) => a + b, 0)).toBe(160)
      const first = group.jobs.filter((j) => j.taskId === p.shots[0]?.taskId)
      expect(first.map((j) => j.seed)).toEqual([1000, 1001, 1002, 1003])
      expect(first.map((j) => j.variation)).toEqual([0, 1, 2, 3])
      expect(first[0]?.shotCode).toBe('SH0010')

      const job = RenderJobDetail.parse(
        (await call(studio, p.team.seats.manager, 'GET', `/api/farm/jobs/${first[1]?.id}`)).json,
      )
      expect(job.parameters).toMatchObject({ prompt: 'edited: a lighthouse at night', seed: 1001, width: 1344 })
    })

    it('expands a sweep per task and variation and records each job’s axis values', async () => {
      const res = await call(studio, p.team.seats.manager, 'POST', renders, {
        templateId: template.id,
        items: [{ taskId: p.shots[0]?.taskId }],
        variations: 2,
        sweep: { cfg: [4, 7], steps: [10, 20, 30] },
      })
      expect(res.status).toBe(201)
      const { groupId } = ShotRenderSubmitted.parse(res.json)
      const group = RenderGroup.parse(
        (await call(studio, p.team.seats.manager, 'GET', `/api/farm/groups/${groupId}`)).json,
      )
      expect(group.total).toBe(12)
      expect(group.axes).toEqual([
        { name: 'cfg', values: [4, 7] },
        { name: 'steps', values: [10, 20, 30] },
      ])
      expect(new Set(group.jobs.map((j) => JSON.stringify([j.variation, j.sweep]))).size).toBe(12)
      expect(new Set(group.jobs.map((j) => j.seed)).size).toBe(2)
    })

    it('answers 400 naming a parameter of the wrong type, 404 for an unknown template, 422 over the job cap', async () => {
      const base = { templateId: template.id, items: [{ taskId: p.shots[0]?.taskId }] }
      const wrong = await call(studio, p.team.seats.manager, 'POST', renders, {
        ...base,
        parameters: { steps: 'many' },
      })
      expect(wrong.status).toBe(400)
      expect(JSON.stringify(ErrorBody.parse(wrong.json).error)).toContain('parameters.steps')
      const sweep = await call(studio, p.team.seats.manager, 'POST', renders, { ...base, sweep: { cfg: ['high'] } })
      expect(sweep.status).toBe(400)
      expect(JSON.stringify(ErrorBody.parse(sweep.json).error)).toContain('sweep.cfg')
      const unknown = await call(studio, p.team.seats.manager, 'POST', renders, { ...base, templateId: 'no-such' })
      expect(unknown.status).toBe(404)
      const tooMany = await call(studio, p.team.seats.manager, 'POST', renders, {
        templateId: template.id,
        items: taskIds(40).map((taskId) => ({ taskId })),
        variations: 16,
        sweep: { cfg: [4, 7] },
      })
      expect(tooMany.status).toBe(422)
      expect(ErrorBody.parse(tooMany.json).error).toMatchObject({ code: 'sweep_too_large' })
    })

    it('lets an artist render tasks assigned to them only; clients and vendors never; non-members get 404', async () => {
      const { artist, client, vendor, admin, supervisor } = p.team.seats
      const mine = p.shots[5]?.taskId ?? ''
      const notMine = p.shots[6]?.taskId ?? ''
      await assign(studio, p.team, [mine], artist.userId)
      await assign(studio, p.team, [notMine], vendor.userId)
      const render = (seat: Seat, taskId: string) =>
        call(studio, seat, 'POST', renders, { templateId: template.id, items: [{ taskId }] })
      expect((await render(artist, mine)).status).toBe(201)
      expect((await render(artist, notMine)).status).toBe(403)
      // The preview shows a task the artist may not render, marked so (the dialog leaves it out).
      const seen = await call(studio, artist, 'POST', `${renders}/preview`, {
        taskIds: [mine, notMine],
        templateId: template.id,
      })
      expect(RenderPreview.parse(seen.json).items.map((i) => i.mayRender)).toEqual([true, false])
      expect((await render(client, mine)).status).toBe(403)
      expect(
        (await call(studio, client, 'POST', `${renders}/preview`, { taskIds: [mine], templateId: template.id })).status,
      ).toBe(403)
      expect((await render(vendor, notMine)).status).toBe(403)
      expect((await render(admin, notMine)).status).toBe(201)
      expect((await render(outsider, mine)).status).toBe(404)
      // The team's supervisor supervises Keyframe: its tasks yes, another department's no.
      expect((await render(supervisor, notMine)).status).toBe(201)
      const storyboard = await call(
        studio,
        p.team.seats.manager,
        'GET',
        `/api/projects/${p.team.projectId}/shots?limit=1`,
      )
      const other = ShotPage.parse(storyboard.json).items[0]?.tasks.find((t) => t.id !== p.shots[0]?.taskId)?.id ?? ''
      expect((await render(supervisor, other)).status).toBe(403)
    })

    it("shows a group only to the project's members", async () => {
      const res = await call(studio, p.team.seats.artist, 'POST', renders, {
        templateId: template.id,
        items: [{ taskId: p.shots[5]?.taskId }],
      })
      const { groupId } = ShotRenderSubmitted.parse(res.json)
      expect((await call(studio, p.team.seats.manager, 'GET', `/api/farm/groups/${groupId}`)).status).toBe(200)
      expect((await call(studio, outsider, 'GET', `/api/farm/groups/${groupId}`)).status).toBe(404)
      expect((await call(studio, p.team.seats.manager, 'GET', '/api/farm/groups/nothing-here')).status).toBe(404)
    })
  })
}
