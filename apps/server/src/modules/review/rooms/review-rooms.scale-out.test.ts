// Two studio instances sharing Postgres and Redis hold one review room between them: every
// participant, whichever instance holds their socket, gets the same numbered changes in the
// same order, with no gap, while the presenter seeks and others draw from the other instance.
import { randomBytes } from 'node:crypto'
import { DEFAULT_ROOM_PLAYBACK } from '@aipipeline/contracts'
import { postgres, redis, requireService } from '@aipipeline/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type TeamProject, teamProject } from '../../../../test-kits/production/production-test-kit'
import {
  fakePlaylists,
  type RoomSeat,
  recordingAnnotations,
  roomSeat,
  stateOf,
} from '../../../../test-kits/review/review-room.fixture'
import { createTestStudio, type TestStudio } from '../../../../test-kits/test-studio'

const ready =
  requireService(redis, 'review rooms across instances') && requireService(postgres, 'review rooms across instances')

async function listen(studio: TestStudio): Promise<string> {
  await studio.app.listen({ port: 0, host: '127.0.0.1' })
  const address = studio.app.server.address()
  if (!address || typeof address === 'string') throw new Error('no port')
  return `http://127.0.0.1:${address.port}`
}

describe.runIf(ready)('a review room shared by two instances [postgres + redis]', () => {
  const playlists = fakePlaylists()
  const drawings = recordingAnnotations()
  const studios: TestStudio[] = []
  const urls: string[] = []
  const seats: RoomSeat[] = []
  let team: TeamProject

  beforeAll(async () => {
    const redisPrefix = `test-rooms-${randomBytes(4).toString('hex')}`
    const review = { playlistGate: playlists.playlistGate, annotations: drawings }
    const first = await createTestStudio('postgres', { redis: true, review, config: { redisPrefix } })
    const second = await createTestStudio('postgres', {
      redis: true,
      review,
      database: first.testDb,
      config: { redisPrefix, secretKey: first.config.secretKey },
    })
    studios.push(first, second)
    for (const s of studios) urls.push(await listen(s))
    team = await teamProject(first, 'SCL')
  })
  afterAll(async () => {
    for (const s of seats) s.close()
    for (const s of [...studios].reverse()) await s.close()
  })

  it('numbers every change once, in one order, for participants on both instances', async () => {
    const playlistId = playlists.add(team.projectId, 'client')
    const on = (instance: 0 | 1, token: string) =>
      roomSeat(urls[instance] ?? '', { token }).then((s) => {
        seats.push(s)
        return s
      })
    const presenter = await on(0, team.seats.manager.token)
    const drawer = await on(1, team.seats.supervisor.token)
    const others = [
      await on(1, team.seats.artist.token),
      await on(0, team.seats.artist.token),
      await on(1, team.seats.client.token),
      await on(0, team.seats.admin.token),
    ]
    const everyone = [presenter, drawer, ...others]
    const joinSeq = new Map<RoomSeat, number>()
    for (const s of everyone) {
      const ack = await s.ask('review:join', { playlistId })
      joinSeq.set(s, stateOf(ack).seq)
    }
    // The artist has a tab on each instance: one participant, two connections.
    const synced = stateOf(await drawer.ask('review:sync', { playlistId }))
    expect(synced.participants.find((p) => p.id === team.seats.artist.userId)?.connections).toBe(2)
    expect(synced.participants).toHaveLength(5)

    expect(await presenter.ask('review:presenter', { playlistId, action: 'take' })).toMatchObject({ ok: true })
    const versionId = `v-${randomBytes(4).toString('hex')}`
    const seeks = Array.from({ length: 150 }, (_, frame) =>
      presenter.ask('review:playback', { playlistId, playback: { ...DEFAULT_ROOM_PLAYBACK, frame } }),
    )
    const draws = Array.from({ length: 20 }, () =>
      drawer.ask('review:draw', {
        playlistId,
        versionId,
        ops: [{ op: 'remove', id: crypto.randomUUID() }],
      }),
    )
    const acks = await Promise.all([...seeks, ...draws])
    expect(acks.filter((a) => !a.ok)).toEqual([])
    const last = Math.max(...acks.map((a) => a.seq as number))

    await Promise.all(everyone.map((s) => s.until((e) => e.payload.seq === last)))
    const orders = everyone.map((s) =>
      s.received
        .filter((e) => typeof e.payload.seq === 'number' && (e.payload.seq as number) > (joinSeq.get(s) ?? 0))
        .map((e) => `${e.payload.seq} ${e.event}`),
    )
    // From its join on, each participant saw seq + 1 every time, up to the last change.
    for (const [i, s] of everyone.entries()) {
      const seqs = orders[i]?.map((o) => Number(o.split(' ')[0])) ?? []
      const from = (joinSeq.get(s) ?? 0) + 1
      expect(seqs).toEqual(Array.from({ length: last - from + 1 }, (_, k) => from + k))
    }
    // And everyone saw the same thing at each seq, whichever instance holds them.
    const tail = (o: string[] | undefined) =>
      (o ?? []).filter((x) => Number(x.split(' ')[0]) > (joinSeq.get(everyone.at(-1) as RoomSeat) ?? 0))
    for (const order of orders) expect(tail(order)).toEqual(tail(orders[0]))
    // Seeks arrive in the order the presenter sent them.
    const frames = presenter.received
      .filter((e) => e.event === 'review:playback')
      .map((e) => (e.payload.playback as { frame: number }).frame)
    expect(frames).toEqual(frames.map((_, i) => i))
  })
})
