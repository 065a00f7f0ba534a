// Shot spreadsheets: export every column the caller may see as XLSX or CSV; import with a
// dry run first. The dry run and the apply compute the same plan; applying writes it in one
// transaction (spreadsheet-apply.ts).
import type { ImportReport } from '@aipipeline/contracts'
import { canEditBreakdown, NotFound, requireAccess, seesOnlyAssigned } from '@aipipeline/domain'
import type { OffloadPool } from '../../offload/offload-pool'
import type { Principal } from '../auth'
import type { ActivityService } from './activity.service'
import type { CommentService } from './comment.service'
import type { ProductionAccessService } from './production-access.service'
import type { ProductionContext } from './production-context'
import { assigneesByTask, taskView } from './production-visibility'
import { loadProjectView, type ProjectView } from './project-view'
import { applyImport } from './spreadsheet-apply'
import { type Sheet, writeCsv, writeXlsx } from './spreadsheet-codec'
import { type SheetContext, type ShotTasks, sheetColumns, shotCells } from './spreadsheet-columns'
import { planImport } from './spreadsheet-import'
import { OFFLOAD_SHEET_BYTES, readSheetTask } from './spreadsheet-reading.task'

/** Where imported files are read and the most rows accepted (SPREADSHEET_MAX_ROWS). */
export interface SheetReading {
  offload: OffloadPool
  maxRows: number
}

export function createSpreadsheetService(
  ctx: ProductionContext,
  access: ProductionAccessService,
  activity: ActivityService,
  comments: CommentService,
  reading: SheetReading,
) {
  const { repos } = ctx

  async function snapshot(view: ProjectView) {
    const projectId = view.access.projectId
    const [project, sequences, members, shots, tasks, pairs] = await Promise.all([
      repos.projects.findById(projectId),
      repos.projects.sequences(projectId),
      repos.projects.members(projectId),
      repos.shots.all(projectId),
      repos.shots.tasks(projectId),
      repos.shots.assignees(projectId),
    ])
    if (!project) throw new NotFound('project', projectId)
    const assignees = assigneesByTask(pairs)
    const byShot = new Map<string, Map<string, ShotTasks>>()
    for (const t of tasks) {
      const seen = taskView(view.v, t, assignees.get(t.id) ?? [])
      if (!seen) continue
      const m = byShot.get(t.shotId) ?? new Map<string, ShotTasks>()
      m.set(t.taskTypeId, { statusId: seen.statusId, assigneeIds: seen.assigneeIds })
      byShot.set(t.shotId, m)
    }
    const sheetCtx: SheetContext = {
      sequences: new Map(sequences.map((s) => [s.id, s.code])),
      codeRules: project.codeRules,
      statuses: view.statuses.filter((s) => view.v.statusVisible(s.id)),
      taskTypes: view.taskTypes,
      fields: view.v.fields,
      members,
    }
    const visibleShots = seesOnlyAssigned(view.access) ? shots.filter((s) => byShot.has(s.id)) : shots
    return { sheetCtx, shots: visibleShots, byShot, tasks }
  }

  return {
    /** The shot list as a file: every column the caller may see, codes as text. */
    async export(
      principal: Principal,
      projectId: string,
      format: 'xlsx' | 'csv',
    ): Promise<{ data: Buffer; mediaType: string; fileName: string }> {
      const view = await loadProjectView(repos, access, principal, projectId)
      const project = await repos.projects.findById(projectId)
      if (!project) throw new NotFound('project', projectId)
      const { sheetCtx, shots, byShot } = await snapshot(view)
      const columns = sheetColumns(sheetCtx)
      const sheet: Sheet = {
        header: columns.map((c) => c.header),
        rows: shots.map((s, i) => shotCells(sheetCtx, columns, s, i + 1, byShot.get(s.id) ?? new Map())),
      }
      const fileName = `${project.code}-shots.${format}`
      return format === 'xlsx'
        ? {
            data: await writeXlsx(
              sheet,
              columns.map((c) => c.format),
            ),
            mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            fileName,
          }
        : { data: writeCsv(sheet), mediaType: 'text/csv; charset=utf-8', fileName }
    },

    /** Plans an import; unless it is a dry run or has conflicts, applies it. */
    async import(
      principal: Principal,
      projectId: string,
      input: { format: 'xlsx' | 'csv'; data: Buffer; dryRun: boolean },
    ): Promise<ImportReport> {
      const view = await loadProjectView(repos, access, principal, projectId)
      requireAccess(canEditBreakdown(view.access), 'import shots')
      const sheet = await reading.offload.runSized(
        readSheetTask,
        { format: input.format, data: input.data, maxRows: reading.maxRows },
        input.data.byteLength >= OFFLOAD_SHEET_BYTES,
      )
      const { sheetCtx, shots, byShot, tasks } = await snapshot(view)
      const plan = planImport(sheet, sheetColumns(sheetCtx), sheetCtx, shots, byShot)
      const blocking = plan.report.conflicts.filter((c) => c.row > 1)
      const work = plan.planned.filter((p) => !p.shot || p.changed.length > 0)
      if (input.dryRun || blocking.length > 0 || work.length === 0)
        return { ...plan.report, dryRun: input.dryRun, applied: false }

      await applyImport({ ctx, activity, comments }, principal, view, work, tasks)
      return { ...plan.report, dryRun: false, applied: true }
    },
  }
}
export type SpreadsheetService = ReturnType<typeof createSpreadsheetService>
