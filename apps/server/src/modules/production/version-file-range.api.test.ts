// A player seeks in a long video by asking for byte ranges of the version file: the route
// answers 206 with the asked bytes, the whole file without a Range header, and 416 past the end.
import { ShotPage, TaskDetail } from '@aipipeline/contracts'
import { testEngines } from '@aipipeline/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, type TeamProject, teamProject } from '../../../test-kits/production/production-test-kit'
import { createTestStudio, type TestStudio } from '../../../test-kits/test-studio'
import { byteRange } from './file-route'

describe('byte ranges', () => {
  it('reads one range, an open end and a suffix; ignores what it cannot serve as one range', () => {
    expect(byteRange('bytes=0-9', 100)).toEqual({ start: 0, end: 9 })
    expect(byteRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 })
    expect(byteRange('bytes=90-500', 100)).toEqual({ start: 90, end: 99 })
    expect(byteRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 })
    expect(byteRange('bytes=-500', 100)).toEqual({ start: 0, end: 99 })
    expect(byteRange('bytes=100-', 100)).toBe('unsatisfiable')
    expect(byteRange('bytes=-0', 100)).toBe('unsatisfiable')
    expect(byteRange(undefined, 100)).toBeUndefined()
    expect(byteRange('bytes=0-1,5-6', 100)).toBeUndefined()
    expect(byteRange('items=0-1', 100)).toBeUndefined()
    expect(byteRange('bytes=9-2', 100)).toBeUndefined()
  })
})

for (const engine of testEngines('version file ranges')) {
  describe(`version file ranges [${engine}]`, () => {
    let studio: TestStudio
    let p: TeamProject
    let fileId = ''
    // Bytes that say where they are, so a slice can be checked against the offset.
    const video = Uint8Array.from({ length: 300_000 }, (_, i) => i % 251)

    const get = (range?: string) =>
      studio.app.inject({
        method: 'GET',
        url: `/api/version-files/${fileId}`,
        headers: { authorization: `Bearer ${p.seats.supervisor.token}`, ...(range ? { range } : {}) },
      })

    beforeAll(async () => {
      studio = await createTestStudio(engine, {
        config: { dataDir: `/tmp/aipipeline-range-test-${process.pid}-${engine}` },
      })
      p = await teamProject(studio, `R${engine.slice(0, 2).toUpperCase()}`)
      const url = `/api/projects/${p.projectId}/shots`
      await call(studio, p.seats.manager, 'POST', url, { shots: [{ sequenceId: p.sequenceId, code: '010' }] })
      const taskId = ShotPage.parse((await call(studio, p.seats.manager, 'GET', url)).json).items[0]?.tasks[0]?.id ?? ''
      await studio.production.services.versions.attachRenderOutput({
        taskId,
        renderJobId: null,
        kind: 'video',
        prompt: null,
        seed: null,
        model: null,
        parameters: {},
        files: [{ name: 'shot.mp4', mediaType: 'video/mp4', data: video }],
      })
      const task = TaskDetail.parse((await call(studio, p.seats.manager, 'GET', `/api/tasks/${taskId}`)).json)
      fileId = task.versions[0]?.files.find((f) => f.role === 'output')?.id ?? ''
    })
    afterAll(async () => studio.close())

    it('sends the whole file and says ranges are accepted', async () => {
      const res = await get()
      expect(res.statusCode).toBe(200)
      expect(res.headers['accept-ranges']).toBe('bytes')
      expect(res.rawPayload.equals(Buffer.from(video))).toBe(true)
    })

    it('sends only the asked bytes with where they sit in the file', async () => {
      const res = await get('bytes=200000-200099')
      expect(res.statusCode).toBe(206)
      expect(res.headers['content-range']).toBe(`bytes 200000-200099/${video.length}`)
      expect(res.headers['content-type']).toBe('video/mp4')
      expect(res.rawPayload.equals(Buffer.from(video.subarray(200_000, 200_100)))).toBe(true)
      const tail = await get('bytes=-16')
      expect(tail.statusCode).toBe(206)
      expect(tail.rawPayload.equals(Buffer.from(video.subarray(video.length - 16)))).toBe(true)
    })

    it('answers 416 for a range past the end', async () => {
      const res = await get(`bytes=${video.length}-`)
      expect(res.statusCode).toBe(416)
      expect(res.headers['content-range']).toBe(`bytes */${video.length}`)
    })

    it('checks sign-in before any range', async () => {
      const res = await studio.app.inject({
        method: 'GET',
        url: `/api/version-files/${fileId}`,
        headers: { range: 'bytes=0-9' },
      })
      expect(res.statusCode).toBe(401)
    })
  })
}
