// Test helpers: a project with a full team (one member per role) over the real HTTP API,
// a recorder of realtime events, and seats connected over real sockets. Only imported by tests.
import { JoinRoomAck, Project, Sequence } from '@aipipeline/contracts'
import type { Role } from '@aipipeline/domain'
import { io as connect } from 'socket.io-client'
import type { TestStudio } from '../test-studio'

export interface Seat {
  token: string
  userId: string
  email: string
}

export interface TeamProject {
  projectId: string
  seats: Record<Role, Seat>
  statuses: { id: string; name: string; clientAllowed: boolean; artistAllowed: boolean }[]
  taskTypes: { id: string; name: string; department: string | null }[]
  sequenceId: string
}

/** Calls the API as a seat and returns status and parsed JSON. */
export async function call(studio: TestStudio, seat: Seat | undefined, method: string, url: string, body?: unknown) {
  const res = await studio.app.inject({
    method: method as 'GET',
    url,
    headers: seat ? { authorization: `Bearer ${seat.token}` } : {},
    ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
  })
  const json: unknown = res.headers['content-type']?.toString().includes('json') ? res.json() : undefined
  return { status: res.statusCode, json, raw: res.rawPayload }
}

const ROLES: Role[] = ['admin', 'manager', 'supervisor', 'artist', 'client', 'vendor']

/** Creates a project (as the manager) with every role as a member. */
export async function teamProject(studio: TestStudio, code: string): Promise<TeamProject> {
  const entries: [Role, Seat][] = []
  for (const role of ROLES) {
    const s = await studio.signIn(role)
    entries.push([role, { token: s.accessToken, userId: s.user.id, email: s.user.email }])
  }
  const seat = new Map(entries)
  const get = (r: Role): Seat => {
    const found = seat.get(r)
    if (!found) throw new Error(r)
    return found
  }
  const seats: Record<Role, Seat> = {
    admin: get('admin'),
    manager: get('manager'),
    supervisor: get('supervisor'),
    artist: get('artist'),
    client: get('client'),
    vendor: get('vendor'),
  }
  const created = await call(studio, seats.manager, 'POST', '/api/projects', { code, name: `Film ${code}` })
  if (created.status !== 201) throw new Error(`create project: ${created.status} ${JSON.stringify(created.json)}`)
  const project = Project.parse(created.json)
  for (const role of ROLES) {
    if (role === 'manager') continue
    const departments = role === 'supervisor' ? ['Keyframe'] : []
    const r = await call(studio, seats.manager, 'PUT', `/api/projects/${project.id}/members/${seats[role].userId}`, {
      departments,
    })
    if (r.status !== 200) throw new Error(`add member: ${r.status} ${JSON.stringify(r.json)}`)
  }
  const seq = await call(studio, seats.manager, 'POST', `/api/projects/${project.id}/sequences`, { code: 'SQ010' })
  const sequence = Sequence.parse(seq.json)
  return {
    projectId: project.id,
    seats,
    statuses: project.statuses,
    taskTypes: project.taskTypes,
    sequenceId: sequence.id,
  }
}

/** Records every event the hub sends, by room, while still sending it. */
export function recordEvents(studio: TestStudio): { room: string; event: string; payload: unknown }[] {
  const seen: { room: string; event: string; payload: unknown }[] = []
  const original = studio.hub.emit.bind(studio.hub)
  studio.hub.emit = (room, event, payload) => {
    seen.push({ room, event, payload })
    original(room, event, payload)
  }
  return seen
}

/** A seat connected to the realtime hub, keeping every event it receives. */
export interface LiveSeat {
  received: { event: string; payload: unknown }[]
  /** Joins a room; the answer says whether the policy let the seat in. */
  join(room: string): Promise<boolean>
  /** Resolves once everything the server sent before this call has arrived (one round trip). */
  settled(): Promise<void>
  /** Calls back when the server ends the connection (a session that ended, say). */
  onDisconnect(listener: () => void): void
  close(): void
}

/** Connects a seat to a listening studio at `url` over a WebSocket. */
export async function liveSeat(url: string, seat: Seat): Promise<LiveSeat> {
  const socket = connect(url, {
    path: '/socket.io',
    auth: { token: seat.token },
    transports: ['websocket'],
    reconnection: false,
  })
  const received: LiveSeat['received'] = []
  socket.onAny((event: string, payload: unknown) => received.push({ event, payload }))
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve())
    socket.once('connect_error', reject)
  })
  const ask = async (what: 'room:join' | 'room:leave', room: string) =>
    JoinRoomAck.parse(await socket.emitWithAck(what, { room })).ok
  return {
    received,
    join: (room) => ask('room:join', room),
    async settled() {
      // Leaving a room the seat is not in changes nothing; its answer follows earlier events.
      await ask('room:leave', 'system')
    },
    onDisconnect: (listener) => void socket.once('disconnect', () => listener()),
    close: () => socket.disconnect(),
  }
}
