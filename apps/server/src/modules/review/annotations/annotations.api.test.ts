// Drawings over HTTP on both engines, behind a fake playlist gate: concurrent batches lose and
// resurrect nothing, frames are kept exactly, only authors (or playlist editors) change a
// drawing, clients draw on client playlists, bad shapes are refused naming the field.
import { randomUUID } from 'node:crypto'
import type { Annotation, AnnotationChanges, AnnotationOp } from '@aipipeline/contracts'
import { testEngines } from '@aipipeline/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AnnotationTestApp, createAnnotationTestApp } from '../../../../test-kits/review/annotation-test-app'

const pen = (x: number) => ({
  tool: 'pen' as const,
  points: [[x, 0.5] as [number, number]],
  color: '#ff3b30',
  width: 0.004,
})

for (const engine of testEngines('drawings over HTTP')) {
  describe(`drawings over HTTP [${engine}]`, () => {
    let t: AnnotationTestApp
    let version = ''
    let playlist = ''
    const path = (v = version, p = playlist) => `/api/review/playlists/${p}/versions/${v}/annotations`

    beforeAll(async () => {
      t = await createAnnotationTestApp(engine)
    })
    afterAll(async () => t.close())

    function newPlaylist(audience: 'team' | 'client' = 'team') {
      playlist = randomUUID()
      version = randomUUID()
      t.playlists.set(playlist, {
        id: playlist,
        audience,
        versionIds: [version],
        members: {
          sup: { role: 'supervisor', can: { draw: true, edit: true } },
          art: { role: 'artist', can: { draw: true } },
          art2: { role: 'artist', can: { draw: true } },
          client: { role: 'client', can: { draw: audience === 'client' } },
          viewer: { role: 'vendor', can: {} },
        },
      })
    }

    async function change(user: string, ops: AnnotationOp[], v = version) {
      return t.app.inject({
        method: 'POST',
        url: path(v),
        headers: { authorization: `Bearer ${user}`, 'content-type': 'application/json' },
        payload: JSON.stringify({ ops }),
      })
    }
    async function list(user: string): Promise<{ revision: number; items: Annotation[] }> {
      const res = await t.app.inject({ method: 'GET', url: path(), headers: { authorization: `Bearer ${user}` } })
      expect(res.statusCode).toBe(200)
      return res.json()
    }

    it('keeps every drawing of two concurrent callers, resurrects none, and raises the revision per batch', async () => {
      newPlaylist()
      const doomed = randomUUID()
      expect((await change('art', [{ op: 'add', id: doomed, frame: 7, shape: pen(0.1) }])).statusCode).toBe(200)
      const artIds = Array.from({ length: 6 }, () => randomUUID())
      const supIds = Array.from({ length: 6 }, () => randomUUID())
      const responses = await Promise.all([
        ...artIds.map((id, i) =>
          change('art', [
            { op: 'add', id, frame: i, shape: pen(0.2) },
            { op: 'update', id: doomed, shape: pen(i / 10) },
          ]),
        ),
        ...supIds.map((id, i) =>
          change('sup', i === 2 ? [{ op: 'remove', id: doomed }] : [{ op: 'add', id, frame: 50 + i, shape: pen(0.3) }]),
        ),
      ])
      const revisions = responses.map((r) => (r.json() as AnnotationChanges).revision).sort((a, b) => a - b)
      expect(responses.every((r) => r.statusCode === 200)).toBe(true)
      expect(revisions).toEqual(Array.from({ length: 12 }, (_, i) => i + 2))
      const { revision, items } = await list('art')
      expect(revision).toBe(13)
      const ids = items.map((a) => a.id)
      expect(ids).not.toContain(doomed)
      expect(ids).toEqual(expect.arrayContaining([...artIds, ...supIds.filter((_, i) => i !== 2)]))
      expect(ids).toHaveLength(11)
      // A late update of the removed drawing is ignored, never brought back.
      const late = (await change('art', [{ op: 'update', id: doomed, shape: pen(0.9) }])).json() as AnnotationChanges
      expect(late.results[0]).toMatchObject({ outcome: 'ignored', reason: 'removed' })
      expect((await list('art')).items.map((a) => a.id)).not.toContain(doomed)
    })

    it('keeps the frame exactly and tells the playlist room what changed', async () => {
      newPlaylist()
      const id = randomUUID()
      t.broadcasts.length = 0
      const res = await change('art', [{ op: 'add', id, frame: 1011, shape: pen(0.333) }])
      const body = res.json() as AnnotationChanges
      expect(body.results[0]?.annotation).toMatchObject({ id, frame: 1011, authorId: 'art', authorName: 'art name' })
      expect((await list('sup')).items).toEqual([expect.objectContaining({ id, frame: 1011, shape: pen(0.333) })])
      expect(t.broadcasts).toEqual([{ playlistId: playlist, by: 'art', changes: body }])
    })

    it('lets only the author or a playlist editor change a drawing', async () => {
      newPlaylist()
      const id = randomUUID()
      await change('art', [{ op: 'add', id, frame: 3, shape: pen(0.1) }])
      const other = (
        await change('art2', [
          { op: 'update', id, shape: pen(0.5) },
          { op: 'remove', id },
        ])
      ).json() as AnnotationChanges
      expect(other.results.map((r) => [r.outcome, r.reason])).toEqual([
        ['ignored', 'not yours'],
        ['ignored', 'not yours'],
      ])
      const own = (await change('art', [{ op: 'update', id, shape: pen(0.6) }])).json() as AnnotationChanges
      expect(own.results[0]?.annotation?.shape).toEqual(pen(0.6))
      const sup = (await change('sup', [{ op: 'remove', id }])).json() as AnnotationChanges
      expect(sup.results[0]?.outcome).toBe('applied')
    })

    it('lets a client draw on a client playlist, and refuses drawing to those who may not', async () => {
      newPlaylist('client')
      expect((await change('client', [{ op: 'add', id: randomUUID(), frame: 0, shape: pen(0.5) }])).statusCode).toBe(
        200,
      )
      expect((await list('client')).items).toHaveLength(1)
      expect((await change('viewer', [{ op: 'add', id: randomUUID(), frame: 0, shape: pen(0.5) }])).statusCode).toBe(
        403,
      )
      newPlaylist('team')
      expect((await change('client', [{ op: 'add', id: randomUUID(), frame: 0, shape: pen(0.5) }])).statusCode).toBe(
        403,
      )
    })

    it('answers 404 outside the playlist: a stranger, or a version not in it', async () => {
      newPlaylist()
      expect((await change('stranger', [{ op: 'remove', id: randomUUID() }])).statusCode).toBe(404)
      expect((await change('art', [{ op: 'remove', id: randomUUID() }], randomUUID())).statusCode).toBe(404)
      const res = await t.app.inject({ method: 'GET', url: path(), headers: { authorization: 'Bearer stranger' } })
      expect(res.statusCode).toBe(404)
    })

    it('refuses a shape outside the schema with 400 naming the field', async () => {
      newPlaylist()
      const res = await t.app.inject({
        method: 'POST',
        url: path(),
        headers: { authorization: 'Bearer art', 'content-type': 'application/json' },
        payload: JSON.stringify({
          ops: [
            {
              op: 'add',
              id: randomUUID(),
              frame: 1,
              shape: { tool: 'rect', from: [0, 0], to: [5, 0.5], color: '#ffffff', width: 0.01 },
            },
          ],
        }),
      })
      expect(res.statusCode).toBe(400)
      expect(res.json().error.issues).toEqual([{ path: 'body.ops.0.shape.to.0', message: expect.any(String) }])
      expect((await list('art')).items).toEqual([])
    })
  })
}
