// Review room sync benchmark: two studio processes sharing Postgres and Redis, 50 participants
// (socket.io clients, split across the two) in one playlist's live room, and a presenter who
// seeks 10,000 times (each seek sent once the previous one was acknowledged, as a scrubbing
// hand would). Measures, for every participant, the time from the presenter's send to the
// seek's arrival, and checks every participant's seq: each numbered change once, in order.
// Prints one JSON object; never asserts on time. Target: p95 < 50 ms, 0 out of order, 0 lost.
// Run: npx tsx bench/review-room.bench.ts  (BENCH_PARTICIPANTS / BENCH_EVENTS to change the size)
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DEFAULT_ROOM_PLAYBACK, Project, RoomState, User } from '@aipipeline/contracts'
import { dropPostgresSchema, ensurePostgresSchema } from '@aipipeline/db'
import { TEST_DATABASE_URL, TEST_REDIS_URL } from '@aipipeline/testing'
import { type StudioProcess, startStudioProcess } from '@aipipeline/testing/studio-process'
import { io, type Socket } from 'socket.io-client'
import { z } from 'zod'

const REVIEW_STUDIO_ENTRY = fileURLToPath(
  new URL('../apps/server/test-kits/review/review-studio.fixture.ts', import.meta.url),
)
const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 50)
const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000)

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return Math.round((s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0) * 100) / 100
}

interface Participant {
  socket: Socket
  joinSeq: number
  /** Numbered events in arrival order. */
  seqs: number[]
  /** Arrival time of each seek, by frame (frames are unique per seek). */
  arrivals: Map<number, number>
}

async function connect(url: string, token: string): Promise<Participant> {
  const socket = io(url, { path: '/socket.io', auth: { token }, transports: ['websocket'], reconnection: false })
  const p: Participant = { socket, joinSeq: 0, seqs: [], arrivals: new Map() }
  socket.onAny((event: string, payload: { seq?: number; playback?: { frame: number } }) => {
    if (!event.startsWith('review:') || typeof payload.seq !== 'number') return
    p.seqs.push(payload.seq)
    if (event === 'review:playback' && payload.playback) p.arrivals.set(payload.playback.frame, performance.now())
  })
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve())
    socket.once('connect_error', reject)
  })
  return p
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'aipipeline-review-room-bench-'))
  const db = new URL(TEST_DATABASE_URL)
  db.searchParams.set('schema', `bench_rooms_${process.pid}`)
  const databaseUrl = db.toString()
  await ensurePostgresSchema(databaseUrl)
  // The studio processes inherit this environment: one Redis, one prefix, one room.
  process.env.REDIS_URL = TEST_REDIS_URL
  process.env.REDIS_PREFIX = `bench-rooms-${randomBytes(4).toString('hex')}`
  process.env.LOGIN_RATE_LIMIT_PER_MINUTE = '10000'
  process.env.LOGIN_RATE_LIMIT_PER_ADDRESS_PER_MINUTE = '100000'
  const secretKey = randomBytes(32).toString('hex')
  const studios: StudioProcess[] = []
  const participants: Participant[] = []
  try {
    // One after the other: the first migrates the database.
    for (const name of ['a', 'b'])
      studios.push(
        await startStudioProcess({
          entry: REVIEW_STUDIO_ENTRY,
          dataDir: join(dir, name),
          databaseUrl,
          secretKey,
          farm: {},
        }),
      )
    const [a, b] = studios as [StudioProcess, StudioProcess]
    const project = Project.parse((await a.call('POST', '/api/projects', { code: 'RVB', name: 'Room bench' })).json)
    const tokens: string[] = []
    for (let i = 0; i < PARTICIPANTS; i++) {
      const role = i === 0 ? 'manager' : ['artist', 'supervisor', 'client'][i % 3]
      const email = `p${i}-${randomBytes(3).toString('hex')}@bench.local`
      const user = User.parse(
        (await a.call('POST', '/api/users', { email, displayName: `P${i}`, role, password: 'bench-password-1' })).json,
      )
      const added = await a.call('PUT', `/api/projects/${project.id}/members/${user.id}`, { departments: [] })
      if (added.status !== 200) throw new Error(`add member: ${added.status}`)
      const login = await fetch(`${a.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'bench-password-1' }),
      })
      tokens.push(z.object({ accessToken: z.string() }).parse(await login.json()).accessToken)
    }
    const playlistId = project.id
    for (const [i, token] of tokens.entries()) {
      const p = await connect(i % 2 === 0 ? a.url : b.url, token)
      participants.push(p)
      const ack = z
        .object({ ok: z.literal(true), state: RoomState })
        .parse(await p.socket.emitWithAck('review:join', { playlistId }))
      p.joinSeq = ack.state.seq
    }
    const presenter = participants[0] as Participant
    await presenter.socket.emitWithAck('review:presenter', { playlistId, action: 'take' })

    const sentAt = new Map<number, number>()
    const t0 = performance.now()
    let lastSeq = 0
    for (let frame = 0; frame < EVENTS; frame++) {
      sentAt.set(frame, performance.now())
      const ack = (await presenter.socket.emitWithAck('review:playback', {
        playlistId,
        playback: { ...DEFAULT_ROOM_PLAYBACK, frame },
      })) as { ok: boolean; seq?: number; error?: string }
      if (!ack.ok || ack.seq === undefined) throw new Error(`seek refused: ${ack.error}`)
      lastSeq = ack.seq
    }
    const sendMs = performance.now() - t0
    // Wait for the last seek everywhere (a lost one shows as missing below, not as a hang).
    for (let waited = 0; waited < 30_000 && participants.some((p) => !p.seqs.includes(lastSeq)); waited += 50)
      await new Promise((r) => setTimeout(r, 50))

    const latencies: number[] = []
    let outOfOrder = 0
    let lost = 0
    for (const p of participants) {
      for (const [frame, at] of p.arrivals) latencies.push(at - (sentAt.get(frame) ?? at))
      const after = p.seqs.filter((s) => s > p.joinSeq)
      for (let i = 1; i < after.length; i++) if ((after[i] ?? 0) <= (after[i - 1] ?? 0)) outOfOrder++
      const seen = new Set(after)
      for (let s = p.joinSeq + 1; s <= lastSeq; s++) if (!seen.has(s)) lost++
    }
    process.stdout.write(
      `${JSON.stringify(
        {
          bench: 'review-room',
          instances: 2,
          participants: PARTICIPANTS,
          events: EVENTS,
          deliveries: latencies.length,
          p50Ms: pct(latencies, 50),
          p95Ms: pct(latencies, 95),
          maxMs: Math.round(latencies.reduce((m, l) => Math.max(m, l), 0) * 100) / 100,
          outOfOrder,
          lost,
          seeksPerSecond: Math.round(EVENTS / (sendMs / 1000)),
          loadavg: loadavg().map((l) => Math.round(l * 100) / 100),
        },
        null,
        2,
      )}\n`,
    )
  } finally {
    for (const p of participants) p.socket.disconnect()
    for (const s of studios) await s.stop()
    await dropPostgresSchema(databaseUrl)
    rmSync(dir, { recursive: true, force: true })
  }
}

await main()
