// A project's departments: its own list plus every name its members and task types use.
// Renaming or deleting rewrites those names too; callers run it in one transaction.
import type { Db } from '../../dialect/dialect-factory'
import { isoNow } from '../../ids'
import { stringList } from './production-records'

export interface DepartmentRecord {
  name: string
  memberCount: number
  taskTypeCount: number
}

export function createDepartmentRepository(db: Db) {
  async function memberRows(projectId: string) {
    const rows = await db
      .selectFrom('projectMembers')
      .select(['userId', 'departments'])
      .where('projectId', '=', projectId)
      .execute()
    return rows.map((r) => ({ userId: r.userId, departments: stringList(r.departments) }))
  }

  /** Rewrites every member's department list with `change` (only rows that change are written). */
  async function rewriteMembers(projectId: string, change: (names: string[]) => string[]): Promise<void> {
    for (const m of await memberRows(projectId)) {
      const next = change(m.departments)
      if (JSON.stringify(next) === JSON.stringify(m.departments)) continue
      await db
        .updateTable('projectMembers')
        .set({ departments: JSON.stringify(next) })
        .where('projectId', '=', projectId)
        .where('userId', '=', m.userId)
        .execute()
    }
  }

  return {
    /** Every department of the project, by name, with how many members and task types are in it. */
    async list(projectId: string): Promise<DepartmentRecord[]> {
      const [own, members, taskTypes] = await Promise.all([
        db.selectFrom('departments').select('name').where('projectId', '=', projectId).execute(),
        memberRows(projectId),
        db.selectFrom('taskTypes').select('department').where('projectId', '=', projectId).execute(),
      ])
      const found = new Map<string, DepartmentRecord>()
      const entry = (name: string) => {
        const e = found.get(name) ?? { name, memberCount: 0, taskTypeCount: 0 }
        found.set(name, e)
        return e
      }
      for (const r of own) entry(r.name)
      for (const m of members) for (const d of new Set(m.departments)) entry(d).memberCount += 1
      for (const t of taskTypes) if (t.department !== null) entry(t.department).taskTypeCount += 1
      return [...found.values()].sort((a, b) => a.name.localeCompare(b.name))
    },

    async insert(projectId: string, name: string): Promise<void> {
      await db.insertInto('departments').values({ projectId, name, createdAt: isoNow() }).execute()
    },

    /** Renames a department everywhere in the project: its own list, members and task types. */
    async rename(projectId: string, from: string, to: string): Promise<void> {
      await db.deleteFrom('departments').where('projectId', '=', projectId).where('name', 'in', [from, to]).execute()
      await db.insertInto('departments').values({ projectId, name: to, createdAt: isoNow() }).execute()
      await rewriteMembers(projectId, (names) => [...new Set(names.map((n) => (n === from ? to : n)))])
      await db
        .updateTable('taskTypes')
        .set({ department: to })
        .where('projectId', '=', projectId)
        .where('department', '=', from)
        .execute()
    },

    /** Deletes a department: members leave it and task types no longer belong to one. */
    async remove(projectId: string, name: string): Promise<void> {
      await db.deleteFrom('departments').where('projectId', '=', projectId).where('name', '=', name).execute()
      await rewriteMembers(projectId, (names) => names.filter((n) => n !== name))
      await db
        .updateTable('taskTypes')
        .set({ department: null })
        .where('projectId', '=', projectId)
        .where('department', '=', name)
        .execute()
    },
  }
}
export type DepartmentRepository = ReturnType<typeof createDepartmentRepository>
