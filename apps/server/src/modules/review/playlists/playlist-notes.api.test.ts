// Notes in a playlist on both engines: a note with a frame range is a comment on the item's
// task (stored and shown in the task's history with its frames); a note may approve or ask for
// a retake, which moves the task's approved version; clients read only what they may; guests
// reach only their own client playlist, may comment but never set a status. The media of a
// video prefers its ready review proxy.
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ReviewComment, TaskDetail } from '@aipipeline/contracts'
import { createPlaylistRepository, createProductionRepositories, createUserRepository } from '@aipipeline/db'
import { Forbidden, NotFound } from '@aipipeline/domain'
import { testEngines } from '@aipipeline/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { call, recordEvents, type Seat } from '../../../../test-kits/production/production-test-kit'
import {
  createPlaylist,
  type PlaylistProject,
  playlistProject,
} from '../../../../test-kits/review/playlist-project.fixture'
import { createTestStudio, type TestStudio } from '../../../../test-kits/test-studio'
import type { Principal } from '../../../http/principal'
import type { ReviewProxyReader } from '../review-ports'
import { SILENT_REVIEW_ROOMS } from './playlist-context'
import { createPlaylistGate } from './playlist-gate'
import { createPlaylistMedia } from './playlist-media'

const Comments = z.object({ items: z.array(ReviewComment) })

for (const engine of testEngines('playlist notes')) {
  describe(`playlist notes and guests [${engine}]`, () => {
    let studio: TestStudio
    let f: PlaylistProject
    let clientList = ''
    let teamList = ''
    const itemOf = async (playlistId: string, taskId: string) => {
      const d = await studio.review.playlists.playlists.get(
        { userId: f.p.seats.manager.userId, role: 'manager' },
        playlistId,
      )
      return d.items.find((i) => i.taskId === taskId)?.id ?? ''
    }
    const post = async (seat: Seat, playlistId: string, taskId: string, body: unknown) =>
      call(
        studio,
        seat,
        'POST',
        `/api/review/playlists/${playlistId}/items/${await itemOf(playlistId, taskId)}/comments`,
        body,
      )
    const notes = async (seat: Seat, playlistId: string, taskId: string) =>
      Comments.parse(
        (
          await call(
            studio,
            seat,
            'GET',
            `/api/review/playlists/${playlistId}/items/${await itemOf(playlistId, taskId)}/comments`,
          )
        ).json,
      ).items
    const task = async (taskId: string) =>
      TaskDetail.parse((await call(studio, f.p.seats.manager, 'GET', `/api/tasks/${taskId}`)).json)

    beforeAll(async () => {
      studio = await createTestStudio(engine, {
        config: { dataDir: `/tmp/aipipeline-playlist-notes-test-${process.pid}-${engine}` },
      })
      f = await playlistProject(studio, `PN${engine.slice(0, 2).toUpperCase()}`)
      const body = { name: 'Client review', source: { kind: 'tasks', taskIds: [f.key[1], f.key[2]] } }
      clientList = (await createPlaylist(studio, f.p.seats.manager, f.p.projectId, { ...body, audience: 'client' }))
        .playlist.id
      teamList = (await createPlaylist(studio, f.p.seats.manager, f.p.projectId, body)).playlist.id
    })
    afterAll(async () => studio.close())

    it("stores a note's frame range on the task's comment and shows it in the task's history", async () => {
      const res = await post(f.p.seats.supervisor, teamList, f.key[2], {
        text: 'Flicker on the **left** edge',
        versionId: f.versions.k3video,
        frames: { start: 10, end: 20 },
      })
      expect(res.status).toBe(201)
      const note = ReviewComment.parse(res.json)
      expect(note).toMatchObject({
        frames: { start: 10, end: 20 },
        versionIds: [f.versions.k3video],
        authorName: 'supervisor',
        guest: false,
        taskId: f.key[2],
      })
      const history = (await task(f.key[2])).comments.find((c) => c.id === note.id)
      expect(history).toMatchObject({ frames: { start: 10, end: 20 }, text: 'Flicker on the **left** edge' })
      expect((await notes(f.p.seats.artist, teamList, f.key[2])).map((c) => c.id)).toContain(note.id)
      const reversed = await post(f.p.seats.supervisor, teamList, f.key[2], {
        text: 'x',
        versionId: f.versions.k3video,
        frames: { start: 20, end: 10 },
      })
      expect(reversed.status).toBe(400)
      // A version of another task of the playlist is not this item's.
      const elsewhere = await post(f.p.seats.supervisor, teamList, f.key[2], { text: 'x', versionId: f.versions.k2v1 })
      expect(elsewhere.status).toBe(404)
    })

    it('approves from the player: the status and the approved version; a retake takes the approval back', async () => {
      const events = recordEvents(studio)
      const approve = await post(f.p.seats.manager, teamList, f.key[1], {
        versionId: f.versions.k2v1,
        statusId: f.status('Approved'),
      })
      expect(approve.status).toBe(201)
      expect(await task(f.key[1])).toMatchObject({ statusId: f.status('Approved') })
      const approvedRow = await studio.testDb.handle.db
        .selectFrom('tasks')
        .select('approvedVersionId')
        .where('id', '=', f.key[1])
        .executeTakeFirstOrThrow()
      expect(approvedRow.approvedVersionId).toBe(f.versions.k2v1)
      await studio.hub.flushed()
      // The table and board learn that the approved version moved.
      expect(events).toContainEqual(
        expect.objectContaining({
          event: 'task:update',
          payload: expect.objectContaining({ taskIds: [f.key[1]], fields: ['approvedVersionId'] }),
        }),
      )
      const retake = await post(f.p.seats.manager, teamList, f.key[1], {
        text: 'Softer rim light',
        versionId: f.versions.k2v1,
        statusId: f.status('Retake'),
      })
      expect(retake.status).toBe(201)
      const after = await studio.testDb.handle.db
        .selectFrom('tasks')
        .select(['approvedVersionId', 'statusId'])
        .where('id', '=', f.key[1])
        .executeTakeFirstOrThrow()
      expect(after).toEqual({ approvedVersionId: null, statusId: f.status('Retake') })
      // Artists may not set a done status; clients act on no task.
      const artist = await post(f.p.seats.artist, teamList, f.key[1], {
        versionId: f.versions.k2v1,
        statusId: f.status('Approved'),
      })
      expect(artist.status).toBe(403)
    })

    it('shows clients the notes shared with them and their own, never the studio’s internal ones', async () => {
      const internal = ReviewComment.parse(
        (await post(f.p.seats.supervisor, clientList, f.key[2], { text: 'internal', versionId: f.versions.k3video }))
          .json,
      )
      const shared = ReviewComment.parse(
        (
          await post(f.p.seats.supervisor, clientList, f.key[2], {
            text: 'for the client',
            versionId: f.versions.k3video,
            forClient: true,
          })
        ).json,
      )
      const own = await post(f.p.seats.client, clientList, f.key[2], {
        text: 'Can it be warmer?',
        versionId: f.versions.k3video,
        frames: { start: 3, end: 3 },
      })
      expect(own.status).toBe(201)
      const seen = (await notes(f.p.seats.client, clientList, f.key[2])).map((c) => c.id)
      expect(seen).toContain(shared.id)
      expect(seen).toContain(ReviewComment.parse(own.json).id)
      expect(seen).not.toContain(internal.id)
      const setStatus = await post(f.p.seats.client, clientList, f.key[2], {
        versionId: f.versions.k3video,
        statusId: f.status('Approved'),
      })
      expect(setStatus.status).toBe(403)
    })

    it('lets a guest into their own client playlist only, to comment but not to set a status', async () => {
      const hidden = await studio.auth.createUser({
        email: `guest-${engine}@guests.local`,
        displayName: 'guest',
        role: 'client',
        locale: 'en',
        password: 'unused password',
      })
      const guestOf = (playlistId: string): Principal => ({
        userId: hidden.id,
        role: 'client',
        guest: { linkId: 'link-1', playlistId, projectId: f.p.projectId, name: 'Ann from the agency' },
      })
      const { playlists, notes: service, gate } = studio.review.playlists
      const seen = await playlists.get(guestOf(clientList), clientList)
      expect(seen.guestName).toBe('Ann from the agency')
      expect(seen.can).toEqual({
        edit: false,
        comment: true,
        draw: true,
        decide: false,
        present: false,
        manageGuests: false,
      })
      // The team playlist, or a playlist other than the link's, does not exist for a guest.
      await expect(playlists.get(guestOf(teamList), teamList)).rejects.toBeInstanceOf(NotFound)
      await expect(playlists.get(guestOf(clientList), teamList)).rejects.toBeInstanceOf(NotFound)
      const scope = await gate.scope(guestOf(clientList), clientList)
      expect(scope).toMatchObject({ access: null, actorId: hidden.id, actorName: 'Ann from the agency' })
      const itemId = await itemOf(clientList, f.key[2])
      const note = await service.post(guestOf(clientList), clientList, itemId, {
        text: 'Love it',
        versionId: f.versions.k3video,
        frames: { start: 5, end: 9 },
        forClient: false,
      })
      expect(note).toMatchObject({ authorId: hidden.id, frames: { start: 5, end: 9 }, authorRole: 'client' })
      await expect(
        service.post(guestOf(clientList), clientList, itemId, {
          text: '',
          versionId: f.versions.k3video,
          statusId: f.status('Approved'),
          forClient: false,
        }),
      ).rejects.toBeInstanceOf(Forbidden)
      // The guest reads their own note and the notes shared with clients, as a client would.
      const read = (await service.list(guestOf(clientList), clientList, itemId)).items
      expect(read.map((c) => c.id)).toContain(note.id)
      expect(read.every((c) => c.forClient || c.authorId === hidden.id)).toBe(true)
    })

    it("plays a video's ready review proxy, and its original while there is none", async () => {
      const folder = await mkdtemp(join(tmpdir(), 'proxy-'))
      const proxyPath = join(folder, 'proxy.mp4')
      await writeFile(proxyPath, Buffer.from('proxy bytes'))
      let ready = false
      const proxies: ReviewProxyReader = {
        get: async () => null,
        file: async (versionId) =>
          ready && versionId === f.versions.k3video ? { absolutePath: proxyPath, sizeBytes: 11 } : null,
      }
      const db = studio.testDb.handle.db
      const ctx = {
        db,
        repos: createProductionRepositories(db),
        playlists: createPlaylistRepository(db),
        users: createUserRepository(db),
        production: studio.production.services,
        proxies,
        broadcast: SILENT_REVIEW_ROOMS,
        storageRoot: join(studio.config.dataDir, 'storage'),
      }
      const media = createPlaylistMedia(ctx, createPlaylistGate(ctx))
      const manager: Principal = { userId: f.p.seats.manager.userId, role: 'manager' }
      const original = await media.file(manager, teamList, f.versions.k3video, { variant: 'proxy' })
      expect(original).toMatchObject({ mediaType: 'video/mp4', sizeBytes: f.videoBytes.length })
      ready = true
      const proxy = await media.file(manager, teamList, f.versions.k3video, { variant: 'proxy' })
      expect(proxy).toMatchObject({ absolutePath: proxyPath, sizeBytes: 11 })
      const asked = await media.file(manager, teamList, f.versions.k3video, { variant: 'original' })
      expect(asked.absolutePath).toBe(original.absolutePath)
    })
  })
}
