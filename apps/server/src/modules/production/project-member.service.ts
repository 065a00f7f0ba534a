// The project team: every member may see it; managers add members, change their project role
// and departments, and remove them. Each change is one transaction with its activity row and
// a studio-only event (who is on a team and in what role is the studio's business).
import type { Member, PutMemberRequest } from '@aipipeline/contracts'
import type { MemberRecord } from '@aipipeline/db'
import {
  assertWritable,
  canManageProject,
  NotFound,
  type Role,
  requireAccess,
  requireProjectKeepsManager,
} from '@aipipeline/domain'
import type { z } from 'zod'
import type { Principal } from '../auth'
import type { ActivityService, Change } from './activity.service'
import type { ProductionAccessService } from './production-access.service'
import { changeCommitter, changeHeader, studioOnlyChange } from './production-change'
import type { ProductionContext } from './production-context'

function memberView(m: MemberRecord): z.input<typeof Member> {
  const role = m.globalRole === 'admin' ? 'admin' : (m.projectRole ?? m.globalRole)
  return {
    userId: m.userId,
    email: m.email,
    displayName: m.displayName,
    role,
    studioRole: m.globalRole,
    projectRole: m.projectRole,
    departments: m.departments,
  }
}

type Membership = { role: Role | null; departments: readonly string[] }

/** Which of a member's settings a PUT changes (empty when it changes nothing). */
function changedSettings(current: Membership, input: z.output<typeof PutMemberRequest>): string[] {
  const fields: string[] = []
  if (current.role !== input.role) fields.push('role')
  if (JSON.stringify(current.departments) !== JSON.stringify(input.departments)) fields.push('departments')
  return fields
}

export function createProjectMemberService(
  ctx: ProductionContext,
  access: ProductionAccessService,
  activity: ActivityService,
) {
  const { repos } = ctx
  const commit = changeCommitter(ctx, activity)

  async function managed(principal: Principal, projectId: string): Promise<void> {
    const a = await access.resolve(principal, projectId)
    requireAccess(canManageProject(a), 'manage this project')
    assertWritable(a)
  }

  return {
    async list(principal: Principal, projectId: string) {
      await access.resolve(principal, projectId)
      return { items: (await repos.projects.members(projectId)).map(memberView) }
    },

    /** Adds the user to the team or sets their project role and departments (a no-op records nothing). */
    async put(principal: Principal, projectId: string, userId: string, input: z.output<typeof PutMemberRequest>) {
      await managed(principal, projectId)
      const user = await ctx.users.findById(userId)
      if (!user) throw new NotFound('user', userId)
      const before = await repos.projects.membership(projectId, userId)
      const unchanged = before !== undefined && changedSettings(before, input).length === 0
      if (!unchanged)
        await commit(projectId, principal.userId, async (r) => {
          const current = await r.projects.membership(projectId, userId)
          const team = await r.projects.members(projectId)
          const after = [
            ...team.filter((m) => m.userId !== userId),
            { userId, globalRole: user.role, projectRole: input.role },
          ]
          requireProjectKeepsManager(team, after)
          await r.projects.upsertMember(projectId, userId, input.role, input.departments)
          const header = changeHeader(projectId, principal.userId)
          const data = { userId, displayName: user.displayName, role: input.role, departments: input.departments }
          const fields = current ? changedSettings(current, input) : []
          const change: Change = current
            ? {
                event: 'member:update',
                payload: { ...header, userId, fields },
                ...studioOnlyChange(userId, { ...data, fields }),
              }
            : { event: 'member:new', payload: { ...header, userId }, ...studioOnlyChange(userId, data) }
          return { result: undefined, change }
        })
      const member = (await repos.projects.members(projectId)).find((m) => m.userId === userId)
      if (!member) throw new NotFound('member', userId)
      return memberView(member)
    },

    async remove(principal: Principal, projectId: string, userId: string): Promise<void> {
      await managed(principal, projectId)
      await commit(projectId, principal.userId, async (r) => {
        const team = await r.projects.members(projectId)
        const current = team.find((m) => m.userId === userId)
        if (!current) throw new NotFound('member', userId)
        requireProjectKeepsManager(
          team,
          team.filter((m) => m.userId !== userId),
        )
        await r.projects.removeMember(projectId, userId)
        const change: Change = {
          event: 'member:remove',
          payload: { ...changeHeader(projectId, principal.userId), userId },
          ...studioOnlyChange(userId, { userId, displayName: current.displayName }),
        }
        return { result: undefined, change }
      })
    },
  }
}
export type ProjectMemberService = ReturnType<typeof createProjectMemberService>
