// A project's departments: every member may list them; managers create, rename and delete.
// A rename or delete carries through to members and task types in one transaction.
import type { Department } from '@aipipeline/contracts'
import { inProductionTransaction } from '@aipipeline/db'
import { Conflict, canManageProject, NotFound, requireAccess } from '@aipipeline/domain'
import type { Principal } from '../auth'
import type { ProductionAccessService } from './production-access.service'
import type { ProductionContext } from './production-context'

function exists(name: string): Conflict {
  return new Conflict(`a department named "${name}" already exists`, { rule: 'department_exists' })
}

export function createDepartmentService(ctx: ProductionContext, access: ProductionAccessService) {
  async function managed(principal: Principal, projectId: string): Promise<void> {
    requireAccess(canManageProject(await access.resolve(principal, projectId)), 'manage this project')
  }
  async function find(projectId: string, name: string): Promise<Department> {
    const found = (await ctx.repos.departments.list(projectId)).find((d) => d.name === name)
    if (!found) throw new NotFound('department', name)
    return found
  }

  return {
    async list(principal: Principal, projectId: string) {
      await access.resolve(principal, projectId)
      return { items: await ctx.repos.departments.list(projectId) }
    },

    async create(principal: Principal, projectId: string, name: string): Promise<Department> {
      await managed(principal, projectId)
      await inProductionTransaction(ctx.db, async (r) => {
        if ((await r.departments.list(projectId)).some((d) => d.name === name)) throw exists(name)
        await r.departments.insert(projectId, name)
      })
      return find(projectId, name)
    },

    async rename(principal: Principal, projectId: string, from: string, to: string): Promise<Department> {
      await managed(principal, projectId)
      await inProductionTransaction(ctx.db, async (r) => {
        const all = await r.departments.list(projectId)
        if (!all.some((d) => d.name === from)) throw new NotFound('department', from)
        if (to !== from && all.some((d) => d.name === to)) throw exists(to)
        await r.departments.rename(projectId, from, to)
      })
      return find(projectId, to)
    },

    async remove(principal: Principal, projectId: string, name: string): Promise<void> {
      await managed(principal, projectId)
      await inProductionTransaction(ctx.db, async (r) => {
        if (!(await r.departments.list(projectId)).some((d) => d.name === name)) throw new NotFound('department', name)
        await r.departments.remove(projectId, name)
      })
    },
  }
}
export type DepartmentService = ReturnType<typeof createDepartmentService>
