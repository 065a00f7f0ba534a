// Pure pieces of the Render dialog and the group page: which tasks of the chosen shots may be
// rendered, how many jobs a render makes, sweep values typed from text, and the contact
// sheet's grid (first sweep axis across, shots × variations × other axes down).
import type { RenderGroup, RenderGroupJob, ShotTable, WorkflowParameter, WorkflowTemplate } from '@aipipeline/contracts'
import { isOutsider, type Role } from '@aipipeline/domain'

/** A shot as the dialog needs it: code and tasks with their type and assignees. */
export interface RenderShot {
  id: string
  code: string
  tasks: { id: string; taskTypeId: string; assigneeIds: readonly string[] }[]
}

/** Staff render; clients and vendors never see the button. */
export function canRender(role: Role | undefined): boolean {
  return role !== undefined && !isOutsider({ role })
}

/**
 * The tasks of `taskTypeId` on the shots that the user may render: an artist only their own
 * (the server checks supervisors' departments and answers with a translated refusal).
 */
export function renderableTasks(
  shots: readonly RenderShot[],
  taskTypeId: string | null,
  me: { role: Role; userId: string },
): { taskId: string; shotId: string; code: string }[] {
  if (taskTypeId === null) return []
  return shots.flatMap((shot) =>
    shot.tasks
      .filter((task) => task.taskTypeId === taskTypeId)
      .filter((task) => me.role !== 'artist' || task.assigneeIds.includes(me.userId))
      .map((task) => ({ taskId: task.id, shotId: shot.id, code: shot.code })),
  )
}

/** Jobs a render makes: tasks × variations × sweep combinations. */
export function jobCount(tasks: number, variations: number, sweep: Record<string, readonly unknown[]>): number {
  return Object.values(sweep).reduce((n, values) => n * values.length, tasks * variations)
}

export type SweepValues = { ok: true; values: (string | number | boolean)[] } | { ok: false; bad: string }

/** "4, 6, 8" → typed values for the parameter; the first value that does not fit otherwise. */
export function parseSweepValues(text: string, type: WorkflowParameter['type']): SweepValues {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')
  const values: (string | number | boolean)[] = []
  for (const part of parts) {
    if (type === 'string') values.push(part)
    else if (type === 'boolean') {
      if (part !== 'true' && part !== 'false') return { ok: false, bad: part }
      values.push(part === 'true')
    } else {
      const n = Number(part)
      const whole = type === 'int' || type === 'seed'
      if (!Number.isFinite(n) || (whole && !Number.isInteger(n)) || (type === 'seed' && n < 0))
        return { ok: false, bad: part }
      values.push(n)
    }
  }
  return { ok: true, values }
}

export interface ContactSheet {
  /** Column headings: values of the first sweep axis, or variations. */
  columns: string[]
  rows: { key: string; shotCode: string; label: string; cells: (RenderGroupJob | null)[] }[]
}

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v))

/** Lays a group's jobs out by its sweep axes. */
export function contactSheet(
  group: Pick<RenderGroup, 'axes' | 'variations' | 'jobs'>,
  variationLabel: (n: number) => string,
): ContactSheet {
  const [across, ...down] = group.axes
  const columns = across
    ? across.values.map(show)
    : Array.from({ length: Math.max(1, group.variations) }, (_, i) => variationLabel(i + 1))
  const rows = new Map<string, ContactSheet['rows'][number]>()
  for (const job of group.jobs) {
    const variation = job.variation ?? 0
    const rest = down.map((axis) => `${axis.name}=${show(job.sweep[axis.name])}`)
    const parts = [...(across && group.variations > 1 ? [variationLabel(variation + 1)] : []), ...rest]
    const key = `${job.taskId ?? job.id}|${across ? variation : ''}|${rest.join('|')}`
    let row = rows.get(key)
    if (row === undefined) {
      row = { key, shotCode: job.shotCode ?? '', label: parts.join(' · '), cells: columns.map(() => null) }
      rows.set(key, row)
    }
    const column = across ? across.values.findIndex((v) => show(v) === show(job.sweep[across.name])) : variation
    if (column >= 0 && column < row.cells.length) row.cells[column] = job
  }
  return { columns, rows: [...rows.values()] }
}

/** The shots at `shotIndexes` of a columnar shot table, with their tasks. */
export function renderShotsOfTable(table: ShotTable, shotIndexes: readonly number[]): RenderShot[] {
  const wanted = new Map<number, RenderShot>()
  for (const i of shotIndexes) {
    const id = table.shots.id[i]
    if (id !== undefined) wanted.set(i, { id, code: table.shots.code[i] ?? '', tasks: [] })
  }
  if (wanted.size === 0) return []
  table.tasks.id.forEach((taskId, t) => {
    const shot = wanted.get(table.tasks.shot[t] ?? -1)
    shot?.tasks.push({
      id: taskId,
      taskTypeId: table.tasks.taskTypeId[t] ?? '',
      assigneeIds: table.tasks.assigneeIds[t] ?? [],
    })
  })
  return [...wanted.values()]
}

/**
 * Whether a template renders from a shot's prompt alone: templates that need an input image,
 * mask or control image without a default wait for input versions, which this dialog does not pick.
 */
export function rendersFromShot(template: Pick<WorkflowTemplate, 'parameters'>): boolean {
  return !template.parameters.some(
    (p) => (p.role === 'image' || p.role === 'mask' || p.role === 'controlImage') && p.default === undefined,
  )
}
