// Who may join which room and receive which event: the same questions the REST routes ask,
// answered by the same access services (project membership, render job visibility), so a
// socket never learns what the API would refuse. The hub asks `mayJoin` on every join and
// `mayReceive` for every socket on every emitted event.
import type { RoomName, ServerEventName } from '@aipipeline/contracts'
import {
  access,
  canEditBreakdown,
  canManageProject,
  NotFound,
  type ProjectAccess,
  roleSatisfies,
} from '@aipipeline/domain'
import type { Principal } from '../modules/auth'

/** Decides whether a principal may join a room. */
export type RoomPolicy = (principal: Principal, room: RoomName) => boolean | Promise<boolean>

export interface RenderJobScope {
  shotId: string | null
  taskId: string | null
  submittedBy: string | null
}

export interface RealtimeAccessDeps {
  /** Project rooms: the production module's rule (full-stream members only). */
  projectRoom: RoomPolicy
  /** Project membership; throws NotFound for non-members. */
  resolveProject(principal: Principal, projectId: string): Promise<ProjectAccess>
  /** A render job's scope, null if there is no such job. */
  renderJob(jobId: string): Promise<RenderJobScope | null>
  /** Whether the caller may see the render job (the farm routes' rule). */
  mayViewRenderJob(principal: Principal, jobId: string, job: RenderJobScope): Promise<boolean>
  /** The project of the agent run a background job executes, if the job runs one. */
  agentRunProject(jobId: string): Promise<string | undefined>
  /** Whether the playlist gate lets the caller into the playlist's live review room. */
  reviewRoom(principal: Principal, playlistId: string): Promise<boolean>
}

/** Team changes: a project room's decisions are asked again from the next event on. */
const MEMBER_EVENTS: ReadonlySet<ServerEventName> = new Set(['member:new', 'member:update', 'member:remove'])

/**
 * How long a project room decision is kept for deliveries. Team changes drop a project's
 * decisions at once (see `observe`), on every instance (the hub hands each instance every
 * event); the bound only covers changes that bypass the team routes.
 */
const ROOM_DECISION_MS = 2000

/** Farm events about one job: delivered only to those who may see that job. */
const JOB_EVENTS: ReadonlySet<ServerEventName> = new Set(['farm:job', 'farm:job-progress', 'farm:job-versions'])

/** Keys of how a version was generated; never sent to clients over sockets. */
const GENERATION_KEYS: ReadonlySet<string> = new Set(['prompt', 'negativePrompt', 'seed', 'model', 'parameters'])

/** Studio staff: the roles the farm and review routes admit (clients and vendors are outside). */
function isStaff(role: Principal['role']): boolean {
  return roleSatisfies(access.atLeast('artist'), role)
}

function jobIdOf(payload: unknown): string | undefined {
  if (typeof payload !== 'object' || payload === null || !('jobId' in payload)) return undefined
  return typeof payload.jobId === 'string' ? payload.jobId : undefined
}

/** A payload without generation details at any depth (for clients). */
function withoutGeneration(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutGeneration)
  if (typeof value !== 'object' || value === null) return value
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !GENERATION_KEYS.has(key))
      .map(([key, v]) => [key, withoutGeneration(v)]),
  )
}

export function createRealtimeAccess(deps: RealtimeAccessDeps) {
  // A job's shot, task and submitter never change, so its scope is kept once read.
  const scopes = new Map<string, RenderJobScope | null>()
  async function scopeOf(jobId: string): Promise<RenderJobScope | null> {
    if (!scopes.has(jobId)) {
      if (scopes.size > 10_000) scopes.clear()
      const scope = await deps.renderJob(jobId)
      // An unknown id may be a job not written yet; only found jobs are remembered.
      if (scope === null) return null
      scopes.set(jobId, scope)
    }
    return scopes.get(jobId) ?? null
  }

  // Project and review room decisions for deliveries, per (room, user, role, session, guest
  // link): a batch of events asks the database once per member instead of once per event and
  // socket (a review room's presenter seeks many times a second).
  const decisions = new Map<string, { at: number; allowed: Promise<boolean> }>()
  function roomDecision(principal: Principal, room: RoomName, decide: () => Promise<boolean>): Promise<boolean> {
    const session = 'sessionVersion' in principal ? String(principal.sessionVersion) : ''
    const link = principal.guest?.linkId ?? ''
    const key = `${room}\u0000${principal.userId}\u0000${principal.role}\u0000${session}\u0000${link}`
    const now = Date.now()
    const kept = decisions.get(key)
    if (kept !== undefined && now - kept.at < ROOM_DECISION_MS) return kept.allowed
    if (decisions.size > 10_000) decisions.clear()
    const allowed = decide()
    decisions.set(key, { at: now, allowed })
    // A failed check is not kept: the next event asks again.
    allowed.catch(() => {
      if (decisions.get(key)?.allowed === allowed) decisions.delete(key)
    })
    return allowed
  }

  async function mayFollowJob(principal: Principal, jobId: string): Promise<boolean> {
    if (!isStaff(principal.role)) return false
    const job = await scopeOf(jobId)
    if (job !== null) return deps.mayViewRenderJob(principal, jobId, job)
    // Background jobs that run agents: followed by those who may start and review them.
    const projectId = await deps.agentRunProject(jobId)
    if (projectId === undefined) return false
    return deps.resolveProject(principal, projectId).then(canEditBreakdown, (err: unknown) => {
      if (err instanceof NotFound) return false
      throw err
    })
  }

  async function mayJoin(principal: Principal, room: RoomName): Promise<boolean> {
    // A review guest hears only their playlist's room and their own; nothing of the studio.
    if (principal.guest !== undefined) {
      return room === `review:${principal.guest.playlistId}` || room === `user:${principal.userId}`
    }
    const [kind, id] = room.split(':')
    switch (kind) {
      case 'user':
        return id === principal.userId
      case 'project':
        return id !== undefined && (await deps.projectRoom(principal, room))
      case 'job':
        return id !== undefined && (await mayFollowJob(principal, id))
      // A playlist's live room: whoever the playlist gate admits (clients and vendors only to
      // playlists shared with them, guests only to their link's playlist).
      case 'review':
        return id !== undefined && (await deps.reviewRoom(principal, id))
      // `farm` and `system` carry what only staff routes show.
      case 'farm':
      case 'system':
        return id === undefined && isStaff(principal.role)
      default:
        return false
    }
  }

  /** Whether the event, sent to `room`, may reach this principal. */
  async function mayReceive(
    principal: Principal,
    room: RoomName,
    event: ServerEventName,
    payload: unknown,
  ): Promise<boolean> {
    const [kind, id] = room.split(':')
    if (principal.guest !== undefined) return mayJoin(principal, room)
    const member =
      kind === 'project' && id !== undefined
        ? await roomDecision(principal, room, async () => deps.projectRoom(principal, room))
        : kind === 'review' && id !== undefined
          ? await roomDecision(principal, room, () => deps.reviewRoom(principal, id))
          : await mayJoin(principal, room)
    if (!member) return false
    if (kind === 'farm' && JOB_EVENTS.has(event)) {
      const jobId = jobIdOf(payload)
      const job = jobId === undefined ? null : await scopeOf(jobId)
      return jobId !== undefined && job !== null && deps.mayViewRenderJob(principal, jobId, job)
    }
    // Budgets are for the project's managers (as GET /api/llm/budgets).
    if (kind === 'project' && id !== undefined && event === 'llm:budget-alert') {
      return canManageProject(await deps.resolveProject(principal, id))
    }
    return true
  }

  return {
    mayJoin,
    mayReceive,
    /**
     * Sees every event as it is emitted (before any delivery): a team change drops the
     * project's kept decisions, and every review room's (a room does not name its project), so
     * a removed member gets nothing from that event on.
     */
    observe(room: RoomName, event: ServerEventName): void {
      if (!MEMBER_EVENTS.has(event) || !room.startsWith('project:')) return
      const prefix = `${room}\u0000`
      for (const key of decisions.keys()) {
        if (key.startsWith(prefix) || key.startsWith('review:')) decisions.delete(key)
      }
    },
    /** The payload as this principal may see it: clients never get generation details. */
    shape(principal: Principal, payload: unknown): unknown {
      return principal.role === 'client' ? withoutGeneration(payload) : payload
    },
  }
}
export type RealtimeAccess = ReturnType<typeof createRealtimeAccess>
