// Saved shot table views: every member saves their own and sees the project's shared ones;
// managers and supervisors may share; a view is deleted by its owner, or by a manager when
// it is shared. Views of other people that are not shared are invisible (404).
import { type SaveShotTableViewRequest, type ShotTableView, ShotTableViewSettings } from '@aipipeline/contracts'
import type { ShotTableViewRecord } from '@aipipeline/db'
import { canEditBreakdown, canManageProject, NotFound, type ProjectAccess, requireAccess } from '@aipipeline/domain'
import type { z } from 'zod'
import type { Principal } from '../auth'
import type { ProductionAccessService } from './production-access.service'
import type { ProductionContext } from './production-context'

function mayDelete(a: ProjectAccess, view: ShotTableViewRecord): boolean {
  return view.ownerId === a.userId || (view.shared && canManageProject(a))
}

export function createShotTableViewService(ctx: ProductionContext, access: ProductionAccessService) {
  const { repos } = ctx

  function toView(a: ProjectAccess, record: ShotTableViewRecord): ShotTableView | null {
    // A view saved before a change of shape is left out rather than half-applied.
    const parsed = ShotTableViewSettings.safeParse(JSON.parse(record.view))
    if (!parsed.success) return null
    const { id, name, ownerId, shared, updatedAt } = record
    return { id, name, ownerId, shared, updatedAt, canDelete: mayDelete(a, record), view: parsed.data }
  }

  return {
    async list(principal: Principal, projectId: string) {
      const a = await access.resolve(principal, projectId)
      const records = await repos.tableViews.visible(projectId, a.userId)
      return { items: records.flatMap((r) => toView(a, r) ?? []) }
    },

    async save(principal: Principal, projectId: string, input: z.output<typeof SaveShotTableViewRequest>) {
      const a = await access.resolve(principal, projectId)
      if (input.shared) requireAccess(canEditBreakdown(a), 'share views with the project')
      const record = await repos.tableViews.save({
        projectId,
        ownerId: a.userId,
        name: input.name,
        shared: input.shared,
        view: JSON.stringify(input.view),
      })
      const view = toView(a, record)
      if (!view) throw new NotFound('view', record.id)
      return view
    },

    async remove(principal: Principal, projectId: string, viewId: string): Promise<void> {
      const a = await access.resolve(principal, projectId)
      const record = await repos.tableViews.find(viewId)
      const visible = record && record.projectId === projectId && (record.shared || record.ownerId === a.userId)
      if (!visible) throw new NotFound('view', viewId)
      requireAccess(mayDelete(a, record), 'delete this view')
      await repos.tableViews.remove(viewId)
    },
  }
}
export type ShotTableViewService = ReturnType<typeof createShotTableViewService>
