// Live review rooms over real sockets on both engines: the presenter drives everyone with
// numbered changes, late joiners land on the room's state, every client event is checked
// against the sender's access to the playlist, and drawings are persisted in the room's order.
import { DEFAULT_ROOM_PLAYBACK, type RoomPlayback } from '@aipipeline/contracts'
import { testEngines } from '@aipipeline/testing'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { call, type TeamProject, teamProject } from '../../../../test-kits/production/production-test-kit'
import {
  BROKEN_PLAYLIST,
  fakePlaylists,
  type RoomSeat,
  recordingAnnotations,
  roomSeat,
  stateOf,
} from '../../../../test-kits/review/review-room.fixture'
import { createTestStudio, type TestStudio } from '../../../../test-kits/test-studio'

const seek = (frame: number): RoomPlayback => ({ ...DEFAULT_ROOM_PLAYBACK, itemId: 'item-1', frame })
const pen = (id: string) => ({
  op: 'add' as const,
  id,
  frame: 12,
  shape: {
    tool: 'line' as const,
    from: [0.1, 0.1] as [number, number],
    to: [0.5, 0.5] as [number, number],
    color: '#ff0000',
    width: 0.004,
  },
})

for (const engine of testEngines('review rooms')) {
  describe(`live review rooms [${engine}]`, () => {
    let studio: TestStudio
    let url = ''
    let team: TeamProject
    const playlists = fakePlaylists()
    const drawings = recordingAnnotations()
    let teamPlaylist = ''
    let clientPlaylist = ''
    const seats: RoomSeat[] = []
    const seat = async (token: string) => {
      const s = await roomSeat(url, { token })
      seats.push(s)
      return s
    }

    beforeAll(async () => {
      studio = await createTestStudio(engine, {
        review: { playlistGate: playlists.playlistGate, annotations: drawings },
      })
      await studio.app.listen({ port: 0, host: '127.0.0.1' })
      const address = studio.app.server.address()
      if (!address || typeof address === 'string') throw new Error('no port')
      url = `http://127.0.0.1:${address.port}`
      team = await teamProject(studio, 'RVW')
      teamPlaylist = playlists.add(team.projectId, 'team')
      clientPlaylist = playlists.add(team.projectId, 'client')
    })
    afterEach(() => {
      for (const s of seats.splice(0)) s.close()
    })
    afterAll(async () => studio.close())

    it('numbers the presenter’s seek for everyone; others are refused; a late joiner lands on the state', async () => {
      const playlistId = playlists.add(team.projectId, 'team')
      const presenter = await seat(team.seats.supervisor.token)
      const viewer = await seat(team.seats.artist.token)
      expect(await presenter.ask('review:join', { playlistId })).toMatchObject({ ok: true })
      const joined = await viewer.ask('review:join', { playlistId })
      const taken = await presenter.ask('review:presenter', { playlistId, action: 'take' })
      expect(taken).toMatchObject({ ok: true })

      const sent = await presenter.ask('review:playback', { playlistId, playback: seek(240) })
      expect(sent).toEqual({ ok: true, seq: (taken.seq as number) + 1 })
      await viewer.until((e) => e.event === 'review:playback')
      const got = viewer.received.find((e) => e.event === 'review:playback')?.payload
      expect(got).toMatchObject({
        playlistId,
        seq: sent.seq,
        by: team.seats.supervisor.userId,
        playback: { frame: 240 },
      })
      // Every numbered event the viewer got after joining follows the one before it.
      const joinedSeq = stateOf(joined).seq
      const after = viewer.seqs().filter((s) => s > joinedSeq)
      expect(after).toEqual(after.map((_, i) => joinedSeq + 1 + i))

      expect(await viewer.ask('review:playback', { playlistId, playback: seek(1) })).toEqual({
        ok: false,
        error: 'only the presenter may drive playback',
        reason: 'not_presenter',
      })

      const late = await seat(team.seats.manager.token)
      const landed = await late.ask('review:join', { playlistId })
      const state = stateOf(landed)
      expect(state.playback.frame).toBe(240)
      expect(state.presenterId).toBe(team.seats.supervisor.userId)
      expect(state.seq).toBe((sent.seq as number) + 1)
      expect(state.participants.map((p) => p.id).sort()).toEqual(
        [team.seats.supervisor, team.seats.artist, team.seats.manager].map((s) => s.userId).sort(),
      )
      expect(await late.ask('review:sync', { playlistId })).toMatchObject({ ok: true, state: { seq: state.seq } })
    })

    it('seats and unseats the presenter by the rules', async () => {
      const playlistId = playlists.add(team.projectId, 'client')
      const artist = await seat(team.seats.artist.token)
      const supervisor = await seat(team.seats.supervisor.token)
      const client = await seat(team.seats.client.token)
      for (const s of [artist, supervisor, client])
        expect(await s.ask('review:join', { playlistId })).toMatchObject({ ok: true })
      expect(await client.ask('review:presenter', { playlistId, action: 'take' })).toMatchObject({ ok: false })
      expect(await artist.ask('review:presenter', { playlistId, action: 'take' })).toMatchObject({ ok: true })
      // An artist may not take the seat from someone; a supervisor may.
      const manager = await seat(team.seats.manager.token)
      expect(await manager.ask('review:join', { playlistId })).toMatchObject({ ok: true })
      expect(await supervisor.ask('review:presenter', { playlistId, action: 'take' })).toMatchObject({ ok: true })
      expect(await artist.ask('review:presenter', { playlistId, action: 'take' })).toMatchObject({ ok: false })
      expect(
        await supervisor.ask('review:presenter', { playlistId, action: 'give', participantId: 'nobody' }),
      ).toMatchObject({ ok: false, error: 'that participant is not in the room' })
      expect(
        await supervisor.ask('review:presenter', {
          playlistId,
          action: 'give',
          participantId: team.seats.artist.userId,
        }),
      ).toMatchObject({ ok: true })
      expect(await artist.ask('review:playback', { playlistId, playback: seek(5) })).toMatchObject({ ok: true })
      // The presenter leaving the room leaves the seat empty.
      artist.close()
      await manager.until((e) => e.event === 'review:presence' && e.payload.presenterId === null)
      const state = await manager.ask('review:sync', { playlistId })
      expect(state).toMatchObject({ ok: true, state: { presenterId: null, playback: { frame: 5 } } })
    })

    it('counts a participant’s connections: one tab closing keeps them in the room', async () => {
      const playlistId = playlists.add(team.projectId, 'team')
      const tabA = await seat(team.seats.artist.token)
      const tabB = await seat(team.seats.artist.token)
      const watcher = await seat(team.seats.manager.token)
      for (const s of [tabA, tabB, watcher]) await s.ask('review:join', { playlistId })
      const before = await watcher.ask('review:sync', { playlistId })
      const artistIn = (s: unknown) => stateOf(s).participants.find((p) => p.id === team.seats.artist.userId)
      expect(artistIn(before)?.connections).toBe(2)
      tabA.close()
      const seqBefore = stateOf(before).seq
      await watcher.until((e) => e.event === 'review:presence' && (e.payload.seq ?? 0) > seqBefore)
      expect(artistIn(await watcher.ask('review:sync', { playlistId }))?.connections).toBe(1)
    })

    it('keeps clients and vendors out of a team playlist’s room and refuses every event', async () => {
      for (const role of ['client', 'vendor'] as const) {
        const s = await seat(team.seats[role].token)
        expect(await s.socket.emitWithAck('room:join', { room: `review:${teamPlaylist}` })).toMatchObject({ ok: false })
        expect(await s.ask('review:join', { playlistId: teamPlaylist })).toEqual({
          ok: false,
          error: 'no such playlist',
          reason: 'not_found',
        })
        for (const [event, body] of [
          ['review:sync', {}],
          ['review:leave', {}],
          ['review:playback', { playback: seek(3) }],
          ['review:presenter', { action: 'take' }],
          ['review:draw', { versionId: 'v1', ops: [pen(crypto.randomUUID())] }],
          ['review:pointer', { x: 0.5, y: 0.5 }],
        ] as const) {
          expect(await s.ask(event, { playlistId: teamPlaylist, ...body })).toEqual({
            ok: false,
            error: 'no such playlist',
            reason: 'not_found',
          })
        }
        // A playlist shared with clients lets them in.
        expect(await s.ask('review:join', { playlistId: clientPlaylist })).toMatchObject({ ok: true })
      }
      const outsider = await studio.signIn('artist')
      const stranger = await seat(outsider.accessToken)
      expect(await stranger.ask('review:join', { playlistId: clientPlaylist })).toEqual({
        ok: false,
        error: 'no such playlist',
        reason: 'not_found',
      })
    })

    it('refuses events from a socket that did not join, and malformed payloads, with a reason', async () => {
      const s = await seat(team.seats.artist.token)
      expect(await s.ask('review:sync', { playlistId: teamPlaylist })).toEqual({
        ok: false,
        error: 'join the review room first',
        reason: 'join_first',
      })
      const bad = await s.ask('review:playback', { playlistId: teamPlaylist, playback: { frame: -1 } })
      expect(bad.ok).toBe(false)
      expect(bad.error).toMatch(/^invalid review:playback/)
      // An unexpected failure answers a plain refusal; the socket stays and is answered again.
      expect(await s.ask('review:join', { playlistId: BROKEN_PLAYLIST })).toEqual({
        ok: false,
        error: 'server error',
        reason: 'server_error',
      })
      expect(await s.ask('review:join', { playlistId: teamPlaylist })).toMatchObject({ ok: true })
    })

    it('stops sending to a member removed from the project at once', async () => {
      const playlistId = playlists.add(team.projectId, 'team')
      const leaving = await studio.signIn('artist')
      const added = await call(
        studio,
        team.seats.manager,
        'PUT',
        `/api/projects/${team.projectId}/members/${leaving.user.id}`,
        {
          departments: [],
        },
      )
      expect(added.status).toBe(200)
      const presenter = await seat(team.seats.manager.token)
      const removed = await seat(leaving.accessToken)
      const staying = await seat(team.seats.artist.token)
      for (const s of [presenter, removed, staying])
        expect(await s.ask('review:join', { playlistId })).toMatchObject({ ok: true })
      await presenter.ask('review:presenter', { playlistId, action: 'take' })
      await presenter.ask('review:playback', { playlistId, playback: seek(10) })
      await removed.until((e) => e.event === 'review:playback')

      const gone = await call(
        studio,
        team.seats.manager,
        'DELETE',
        `/api/projects/${team.projectId}/members/${leaving.user.id}`,
      )
      expect(gone.status).toBeLessThan(300)
      const after = await presenter.ask('review:playback', { playlistId, playback: seek(20) })
      await staying.until((e) => e.event === 'review:playback' && e.payload.seq === after.seq)
      await studio.hub.flushed()
      expect(removed.received.some((e) => e.event === 'review:playback' && e.payload.seq === after.seq)).toBe(false)
      expect(await removed.ask('review:sync', { playlistId })).toEqual({
        ok: false,
        error: 'no such playlist',
        reason: 'not_found',
      })
    })

    it('persists drawings in the order the room numbers them and sends them to everyone', async () => {
      const playlistId = playlists.add(team.projectId, 'team')
      const a = await seat(team.seats.artist.token)
      const b = await seat(team.seats.supervisor.token)
      for (const s of [a, b]) await s.ask('review:join', { playlistId })
      const versionId = `v-${crypto.randomUUID()}`
      const sends = Array.from({ length: 12 }, (_, i) => {
        const id = crypto.randomUUID()
        return { id, ack: (i % 2 === 0 ? a : b).ask('review:draw', { playlistId, versionId, ops: [pen(id)] }) }
      })
      const acks = await Promise.all(sends.map((s) => s.ack))
      for (const ack of acks) expect(ack.ok).toBe(true)
      const bySeq = sends.map((s, i) => ({ id: s.id, seq: acks[i]?.seq as number })).sort((x, y) => x.seq - y.seq)
      const persisted = drawings.persisted.filter((p) => p.versionId === versionId).map((p) => p.op.id)
      expect(persisted).toEqual(bySeq.map((d) => d.id))
      const last = bySeq.at(-1)?.seq
      await b.until((e) => e.event === 'review:annotations' && e.payload.seq === last)
      const seen = b.received.filter((e) => e.event === 'review:annotations').map((e) => e.payload.seq)
      expect(seen).toEqual(bySeq.map((d) => d.seq))
      expect(
        await a.ask('review:draw', { playlistId, versionId: 'missing-1', ops: [pen(crypto.randomUUID())] }),
      ).toEqual({
        ok: false,
        error: 'no such version in this playlist',
        reason: 'not_found',
      })
    })

    it('numbers what REST writes announce, with the same seq as the room', async () => {
      const playlistId = playlists.add(team.projectId, 'team')
      const s = await seat(team.seats.artist.token)
      const joined = await s.ask('review:join', { playlistId })
      const seq = stateOf(joined).seq
      await studio.review.roomBroadcast.playlistChanged(playlistId)
      await s.until((e) => e.event === 'review:playlist')
      expect(s.received.find((e) => e.event === 'review:playlist')?.payload).toEqual({ playlistId, seq: seq + 1 })
    })
  })
}
