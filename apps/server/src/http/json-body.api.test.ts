// Deeply nested input is refused at the door with a 400 that names the field, on every JSON
// route and inside screenplay markup, instead of overflowing the stack (a 500) further in.
import { ErrorBody, MAX_JSON_DEPTH, ShotPage } from '@aipipeline/contracts'
import { testEngines } from '@aipipeline/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, type TeamProject, teamProject } from '../../test-kits/production/production-test-kit'
import { createTestStudio, type TestStudio } from '../../test-kits/test-studio'

const LEVELS = 20_000
const deepObject = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`
const deepArray = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`

for (const engine of testEngines('deep JSON bodies')) {
  describe(`deep JSON bodies [${engine}]`, () => {
    let studio: TestStudio
    let p: TeamProject
    let shotId: string

    beforeAll(async () => {
      studio = await createTestStudio(engine, { config: { dataDir: `/tmp/aipipeline-deep-${process.pid}-${engine}` } })
      p = await teamProject(studio, `DJ${engine.slice(0, 1).toUpperCase()}`)
      const shots = [{ sequenceId: p.sequenceId, code: '010' }]
      expect(
        (await call(studio, p.seats.manager, 'POST', `/api/projects/${p.projectId}/shots`, { shots })).status,
      ).toBe(201)
      const page = ShotPage.parse(
        (await call(studio, p.seats.manager, 'GET', `/api/projects/${p.projectId}/shots`)).json,
      )
      shotId = page.items[0]?.id ?? ''
    })
    afterAll(async () => studio.close())

    async function send(method: 'POST' | 'PATCH', url: string, payload: string) {
      const res = await studio.app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${p.seats.manager.token}`, 'content-type': 'application/json' },
        payload,
      })
      return { status: res.statusCode, body: ErrorBody.safeParse(res.json()) }
    }

    it('refuses 20,000 levels of cpeSettings with a 400 naming the field, and keeps the shot as it was', async () => {
      const res = await send('PATCH', `/api/shots/${shotId}`, `{"cpeSettings":${deepObject(LEVELS)}}`)
      expect(res.status).toBe(400)
      expect(res.body.data?.error.code).toBe('json_too_deep')
      expect(res.body.data?.error.issues?.[0]?.path).toMatch(/^body\.cpeSettings(\.a)*$/)
      expect(res.body.data?.error.details).toEqual({
        path: res.body.data?.error.issues?.[0]?.path,
        maxDepth: MAX_JSON_DEPTH,
      })
      const shot = await call(studio, p.seats.manager, 'GET', `/api/shots/${shotId}`)
      expect(shot.json).toMatchObject({ cpeSettings: null })
    })

    it('refuses a deeply nested workflow template and a deeply nested list alike', async () => {
      const template = await send(
        'POST',
        '/api/farm/templates',
        `{"name":"deep","source":{"kind":"api","prompt":{"1":${deepArray(LEVELS)}}}}`,
      )
      expect(template.status).toBe(400)
      expect(template.body.data?.error.issues?.[0]?.path).toMatch(/^body\.source\.prompt\.1(\.0)*$/)
      const shots = await send('POST', `/api/projects/${p.projectId}/shots`, `{"shots":${deepArray(LEVELS)}}`)
      expect(shots.status).toBe(400)
      expect(shots.body.data?.error.code).toBe('json_too_deep')
    })

    it('accepts settings nested right up to the limit', async () => {
      // The body object itself is one level; cpeSettings may use the rest.
      const res = await send('PATCH', `/api/shots/${shotId}`, `{"cpeSettings":${deepObject(MAX_JSON_DEPTH - 1)}}`)
      expect(res.status).toBe(200)
      const over = await send('PATCH', `/api/shots/${shotId}`, `{"cpeSettings":${deepObject(MAX_JSON_DEPTH)}}`)
      expect(over.status).toBe(400)
    })

    it('refuses an FDX screenplay nested 20,000 elements deep with a 400 naming the text field', async () => {
      const xml = `<FinalDraft><Content>${'<Paragraph>'.repeat(LEVELS)}</Content></FinalDraft>`
      const res = await send(
        'POST',
        '/api/agents/script-analyses/preview',
        JSON.stringify({ projectId: p.projectId, fileName: 'deep.fdx', text: xml }),
      )
      expect(res.status).toBe(400)
      expect(res.body.data?.error.code).toBe('xml_too_deep')
      expect(res.body.data?.error.issues?.[0]?.path).toBe('body.text')
      const start = await send(
        'POST',
        '/api/agents/script-analyses',
        JSON.stringify({ projectId: p.projectId, fileName: 'deep.fdx', text: xml }),
      )
      expect(start.status).toBe(400)
      expect(start.body.data?.error.code).toBe('xml_too_deep')
    })
  })
}
