// Resolves the caller's project role once per request and answers the realtime room
// policy. Non-members get NotFound: a project they may not see does not exist for them.
import type { RoomName } from '@aipipeline/contracts'
import type { ProjectRepository } from '@aipipeline/db'
import { effectiveRole, NotFound, type ProjectAccess } from '@aipipeline/domain'
import type { RoomPolicy } from '../../realtime/realtime-hub'
import type { Principal } from '../auth'
import { getsFullStream } from './activity.service'

export function createProductionAccess(deps: { projects: ProjectRepository }) {
  async function resolve(principal: Principal, projectId: string): Promise<ProjectAccess> {
    const member = await deps.projects.membership(projectId, principal.userId)
    if (principal.role === 'admin') {
      const archived = member?.archived ?? (await deps.projects.findById(projectId))?.archivedAt
      if (archived === undefined) throw new NotFound('project', projectId)
      const departments = member?.departments ?? []
      return { projectId, userId: principal.userId, role: 'admin', departments, archived: Boolean(archived) }
    }
    if (!member) throw new NotFound('project', projectId)
    const role = effectiveRole(principal.role, member.role ?? undefined)
    return { projectId, userId: principal.userId, role, departments: member.departments, archived: member.archived }
  }

  return {
    /** The caller's access to a project; throws NotFound for non-members (admins see all). */
    resolve,

    /** The caller's access to each project they belong to; undefined for admins (every project). */
    async projectsOf(principal: Principal): Promise<ProjectAccess[] | undefined> {
      if (principal.role === 'admin') return undefined
      const projects = await deps.projects.list(principal.userId, { includeArchived: true })
      return Promise.all(projects.map((p) => resolve(principal, p.id)))
    },

    /**
     * Room policy: `project:<id>` carries every change unfiltered, so only staff members who
     * see the whole project join; clients, vendors and supervisors scoped to departments get
     * their filtered copy on `user:<id>`.
     */
    roomPolicy(fallback: RoomPolicy): RoomPolicy {
      return async (principal: Principal, room: RoomName) => {
        const [kind, id] = room.split(':')
        if (kind !== 'project' || id === undefined) return fallback(principal, room)
        try {
          const access = await resolve(principal, id)
          return getsFullStream(access)
        } catch {
          return false
        }
      }
    },
  }
}
export type ProductionAccessService = ReturnType<typeof createProductionAccess>
