// Playlists over HTTP on both engines: each source makes the right items in the right order;
// adding skips duplicates; reordering takes exact permutations only; each item shows the
// version its choice names; clients and vendors see only what is shared with clients (and
// vendors only their tasks); non-members get 404; media answers byte ranges.
import { Playlist, PlaylistDetail, PlaylistItem, ReviewVersion } from '@aipipeline/contracts'
import { testEngines } from '@aipipeline/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { call, type Seat } from '../../../../test-kits/production/production-test-kit'
import {
  createPlaylist,
  type PlaylistProject,
  playlistProject,
} from '../../../../test-kits/review/playlist-project.fixture'
import { createTestStudio, type TestStudio } from '../../../../test-kits/test-studio'

const Playlists = z.object({ items: z.array(Playlist) })
const Versions = z.object({ items: z.array(ReviewVersion) })

for (const engine of testEngines('playlists API')) {
  describe(`playlists API [${engine}]`, () => {
    let studio: TestStudio
    let f: PlaylistProject
    const make = (body: unknown, seat?: Seat) =>
      createPlaylist(studio, seat ?? f.p.seats.supervisor, f.p.projectId, { name: 'Dailies', ...(body as object) })
    const taskIds = (d: PlaylistDetail) => d.items.map((i) => i.taskId)
    const get = (seat: Seat, id: string) => call(studio, seat, 'GET', `/api/review/playlists/${id}`)

    beforeAll(async () => {
      studio = await createTestStudio(engine, {
        config: { dataDir: `/tmp/aipipeline-playlists-test-${process.pid}-${engine}` },
      })
      f = await playlistProject(studio, `PL${engine.slice(0, 2).toUpperCase()}`)
    })
    afterAll(async () => studio.close())

    it('makes a playlist from a table selection in the order of the selection', async () => {
      const d = await make({ source: { kind: 'tasks', taskIds: [f.key[2], f.key[0], f.key[2]] } })
      expect(taskIds(d)).toEqual([f.key[2], f.key[0]])
      expect(d.items.map((i) => i.shotCode)).toEqual(['SH030', 'SH010'])
      expect(d.playlist).toMatchObject({ itemCount: 2, audience: 'team', canEdit: true })
    })

    it('makes the cut of one task type in editorial order, for the project or one sequence', async () => {
      const all = await make({ source: { kind: 'cut', taskTypeId: f.keyframeTypeId } })
      expect(taskIds(all)).toEqual(f.key)
      expect(all.items.map((i) => i.sequenceCode)).toEqual(['SQ010', 'SQ010', 'SQ010', 'SQ020'])
      const one = await make({
        source: { kind: 'cut', taskTypeId: f.keyframeTypeId, sequenceId: f.secondSequenceId },
      })
      expect(taskIds(one)).toEqual([f.key[3]])
      expect(one.playlist).toMatchObject({ taskTypeId: f.keyframeTypeId, sequenceId: f.secondSequenceId })
    })

    it('gathers every task waiting for review, optionally of one task type', async () => {
      const all = await make({ source: { kind: 'latestForReview' } })
      expect(taskIds(all)).toEqual([f.anim, f.key[1], f.key[2]])
      const keyframes = await make({ source: { kind: 'latestForReview', taskTypeId: f.keyframeTypeId } })
      expect(taskIds(keyframes)).toEqual([f.key[1], f.key[2]])
    })

    it("applies a saved view's filter and sort on the server", async () => {
      const saved = await call(studio, f.p.seats.supervisor, 'POST', `/api/projects/${f.p.projectId}/table-views`, {
        name: 'Waiting keyframes',
        view: {
          filter: {
            search: 'sh0',
            sequenceIds: [],
            taskTypeId: f.keyframeTypeId,
            statusIds: [f.status('Review')],
            assigneeIds: [],
          },
          sort: { key: 'code', desc: true },
          groupBy: 'none',
        },
      })
      expect(saved.status).toBe(201)
      const viewId = (saved.json as { id: string }).id
      const d = await make({ source: { kind: 'view', viewId, taskTypeId: f.keyframeTypeId } })
      expect(taskIds(d)).toEqual([f.key[2], f.key[1]])
      // Someone else's unshared view does not exist for the caller.
      const other = await call(studio, f.p.seats.manager, 'POST', `/api/projects/${f.p.projectId}/playlists`, {
        name: 'x',
        source: { kind: 'view', viewId, taskTypeId: f.keyframeTypeId },
      })
      expect(other.status).toBe(404)
    })

    it('adds tasks at the end, skipping those already in it, and reorders by exact permutation only', async () => {
      const d = await make({ source: { kind: 'tasks', taskIds: [f.key[0]] } })
      const url = `/api/review/playlists/${d.playlist.id}`
      const added = await call(studio, f.p.seats.supervisor, 'POST', `${url}/items`, { taskIds: [f.key[0], f.key[1]] })
      expect(added.status).toBe(200)
      const after = PlaylistDetail.parse(added.json)
      expect(taskIds(after)).toEqual([f.key[0], f.key[1]])
      const [a, b] = after.items.map((i) => i.id)
      const reordered = await call(studio, f.p.seats.supervisor, 'PUT', `${url}/order`, { itemIds: [b, a] })
      expect(reordered.status).toBe(200)
      expect(taskIds(PlaylistDetail.parse(reordered.json))).toEqual([f.key[1], f.key[0]])
      for (const itemIds of [[a], [a, a], [a, b, 'nope']]) {
        expect((await call(studio, f.p.seats.supervisor, 'PUT', `${url}/order`, { itemIds })).status).toBe(422)
      }
      expect(taskIds(PlaylistDetail.parse((await get(f.p.seats.artist, d.playlist.id)).json))).toEqual([
        f.key[1],
        f.key[0],
      ])
      const removed = await call(studio, f.p.seats.supervisor, 'DELETE', `${url}/items/${a}`)
      expect(removed.status).toBe(204)
      expect(taskIds(PlaylistDetail.parse((await get(f.p.seats.artist, d.playlist.id)).json))).toEqual([f.key[1]])
    })

    it('shows the version each item chooses: latest, approved or pinned (of its own task only)', async () => {
      const d = await make({ source: { kind: 'tasks', taskIds: [f.key[0]] } })
      const item = d.items[0]
      expect(item?.version).toMatchObject({ id: f.versions.k1v2, number: 2, kind: 'image', width: 16, height: 9 })
      const url = `/api/review/playlists/${d.playlist.id}/items/${item?.id}`
      const choose = (body: unknown) => call(studio, f.p.seats.supervisor, 'PATCH', url, body)
      const approved = await choose({ versionChoice: 'approved' })
      expect(PlaylistItem.parse(approved.json).version).toBeNull()
      const pinned = await choose({ versionChoice: 'pinned', pinnedVersionId: f.versions.k1v1 })
      expect(PlaylistItem.parse(pinned.json).version?.id).toBe(f.versions.k1v1)
      expect((await choose({ versionChoice: 'pinned', pinnedVersionId: f.versions.k2v1 })).status).toBe(422)
      expect((await choose({ versionChoice: 'latest', pinnedVersionId: f.versions.k1v1 })).status).toBe(400)
      const versions = await call(studio, f.p.seats.artist, 'GET', `${url}/versions`)
      expect(Versions.parse(versions.json).items.map((v) => v.number)).toEqual([2, 1])
    })

    it('lets only breakdown editors change a playlist', async () => {
      const d = await make({ source: { kind: 'tasks', taskIds: [f.key[0]] } })
      const url = `/api/review/playlists/${d.playlist.id}`
      expect((await call(studio, f.p.seats.artist, 'PATCH', url, { name: 'Mine' })).status).toBe(403)
      const artistView = PlaylistDetail.parse((await get(f.p.seats.artist, d.playlist.id)).json)
      expect(artistView.can).toMatchObject({ edit: false, comment: true, present: true, manageGuests: false })
      expect(artistView.playlist.canEdit).toBe(false)
      expect((await call(studio, f.p.seats.manager, 'DELETE', url)).status).toBe(204)
      expect((await get(f.p.seats.manager, d.playlist.id)).status).toBe(404)
    })

    it('shows clients and vendors only client playlists, with client-visible versions and their own tasks', async () => {
      const team = await make({ source: { kind: 'tasks', taskIds: [f.key[0], f.key[1]] } })
      const shared = await make({ audience: 'client', source: { kind: 'tasks', taskIds: [f.key[0], f.key[1]] } })
      for (const seat of [f.p.seats.client, f.p.seats.vendor]) {
        expect((await get(seat, team.playlist.id)).status).toBe(404)
        const listed = Playlists.parse(
          (await call(studio, seat, 'GET', `/api/projects/${f.p.projectId}/playlists`)).json,
        )
        expect(listed.items.every((x) => x.audience === 'client')).toBe(true)
        expect(listed.items.map((x) => x.id)).toContain(shared.playlist.id)
      }
      const client = PlaylistDetail.parse((await get(f.p.seats.client, shared.playlist.id)).json)
      // key[0] is Pending (not shown to clients): no status, no version; key[1] is in Review.
      expect(client.items.map((i) => [i.statusId, i.version?.id ?? null])).toEqual([
        [null, null],
        [f.status('Review'), f.versions.k2v1],
      ])
      expect(client.can).toMatchObject({ edit: false, comment: true, decide: false, present: false })
      const hidden = await call(
        studio,
        f.p.seats.client,
        'GET',
        `/api/review/playlists/${shared.playlist.id}/versions/${f.versions.k1v2}/media`,
      )
      expect(hidden.status).toBe(404)
      const vendor = PlaylistDetail.parse((await get(f.p.seats.vendor, shared.playlist.id)).json)
      expect(taskIds(vendor)).toEqual([f.key[1]])
    })

    it('answers 404 to non-members of every role', async () => {
      const d = await make({ audience: 'client', source: { kind: 'tasks', taskIds: [f.key[1]] } })
      for (const role of ['manager', 'supervisor', 'artist', 'client', 'vendor'] as const) {
        const s = await studio.signIn(role)
        expect(
          (
            await call(
              studio,
              { token: s.accessToken, userId: s.user.id, email: '' },
              'GET',
              `/api/review/playlists/${d.playlist.id}`,
            )
          ).status,
        ).toBe(404)
      }
    })

    it('serves a version’s media with byte ranges, and its thumbnail', async () => {
      const d = await make({ source: { kind: 'tasks', taskIds: [f.key[2]] } })
      const url = `/api/review/playlists/${d.playlist.id}/versions/${f.versions.k3video}/media`
      const auth = { authorization: `Bearer ${f.p.seats.artist.token}` }
      const whole = await studio.app.inject({ method: 'GET', url, headers: auth })
      expect(whole.statusCode).toBe(200)
      expect(whole.headers['content-type']).toBe('video/mp4')
      expect(Buffer.compare(whole.rawPayload, f.videoBytes)).toBe(0)
      const part = await studio.app.inject({ method: 'GET', url, headers: { ...auth, range: 'bytes=100-199' } })
      expect(part.statusCode).toBe(206)
      expect(part.headers['content-range']).toBe(`bytes 100-199/${f.videoBytes.length}`)
      expect(Buffer.compare(part.rawPayload, f.videoBytes.subarray(100, 200))).toBe(0)
      const tail = await studio.app.inject({ method: 'GET', url, headers: { ...auth, range: 'bytes=-10' } })
      expect(Buffer.compare(tail.rawPayload, f.videoBytes.subarray(-10))).toBe(0)
      const past = await studio.app.inject({ method: 'GET', url, headers: { ...auth, range: 'bytes=5000-' } })
      expect(past.statusCode).toBe(416)
      const thumb = await studio.app.inject({
        method: 'GET',
        url: `${url.split('?')[0]}?variant=thumbnail`,
        headers: auth,
      })
      expect(thumb.statusCode).toBe(200)
      expect(thumb.headers['content-type']).toBe('image/png')
      // A version of a task that is not in the playlist is not reachable through it.
      const other = `/api/review/playlists/${d.playlist.id}/versions/${f.versions.k1v1}/media`
      expect((await studio.app.inject({ method: 'GET', url: other, headers: auth })).statusCode).toBe(404)
    })
  })
}
