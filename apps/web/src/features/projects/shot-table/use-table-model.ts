// Derives the grid model (columns, display rows, lookups) from the cached queries and view.

import type { Project, ShotTable } from '@aipipeline/contracts'
import { canEditBreakdown } from '@aipipeline/domain'
import type { TFunction } from 'i18next'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { GridModel } from './grid-cells'
import { type Lookups, type ShotColumn, shotColumns } from './shot-columns'
import type { GridColumnView } from './shot-grid'
import { buildRows, type SortKey, type TableView, type TaskIndex } from './table-model'

interface Inputs {
  project: Project
  table: ShotTable
  index: TaskIndex
  sequences: { id: string; code: string; name: string }[]
  members: { userId: string; displayName: string }[]
  view: TableView
  userId: string
  thumbnail: (versionId: string) => string | null
  /** Per shot index, the approved version shown as its picture (null: the shot's own thumbnail). */
  approved?: readonly (string | null)[]
  openShot: (shot: number) => void
}

const WIDTHS: Record<ShotColumn['kind'], number> = {
  thumbnail: 90,
  sequence: 90,
  text: 110,
  frame: 80,
  duration: 80,
  custom: 110,
  status: 120,
  assignees: 180,
}

/** The sort key a header click sorts by; null for columns that do not sort. */
export function sortKeyOf(column: ShotColumn): SortKey | null {
  switch (column.kind) {
    case 'text':
    case 'frame':
      return column.id
    case 'duration':
      return 'duration'
    case 'custom':
      return column.id
    case 'sequence':
      return 'order'
    default:
      return null
  }
}

/** The grid model and the columns' headers for the current data and view. */
export function useTableModel(inputs: Inputs) {
  const { t } = useTranslation()
  const { project, table, index, sequences, members, view, thumbnail, approved, openShot } = inputs
  const columns = useMemo(() => shotColumns(project.customFields, project.taskTypes), [project])
  const sequenceOrder = useMemo(() => sequences.map((s) => s.id), [sequences])
  const statusOrder = useMemo(() => project.statuses.map((s) => s.id), [project])
  const rows = useMemo(
    () => buildRows(table, index, view, { sequences: sequenceOrder, statuses: statusOrder }),
    [table, index, view, sequenceOrder, statusOrder],
  )
  const lookups = useMemo<Lookups>(() => {
    const seqById = new Map(sequences.map((s) => [s.id, s]))
    const seqByCode = new Map(sequences.map((s) => [s.code, s.id]))
    const statusById = new Map(project.statuses.map((s) => [s.id, s.name]))
    const people = new Map(members.map((m) => [m.userId, m.displayName]))
    return {
      sequenceCode: (id) => seqById.get(id)?.code ?? '',
      sequenceIdByCode: (code) => seqByCode.get(code),
      statusName: (id) => statusById.get(id) ?? '',
      personName: (id) => people.get(id) ?? '?',
    }
  }, [sequences, project, members])

  const canEdit = canEditBreakdown({
    projectId: project.id,
    userId: inputs.userId,
    role: project.myRole,
    departments: [],
  })

  const model = useMemo<GridModel>(() => {
    const seqById = new Map(sequences.map((s) => [s.id, s]))
    const statusById = new Map(project.statuses.map((s) => [s.id, s.name]))
    return {
      table,
      index,
      rows,
      columns,
      lookups,
      statuses: project.statuses,
      canEdit,
      thumbnail,
      approvedVersion: (shot: number) => approved?.[shot] ?? null,
      openShot,
      groupLabel: (key, count) => {
        const seq = seqById.get(key)
        const name =
          view.groupBy === 'sequence'
            ? seq
              ? `${seq.code} · ${seq.name}`
              : '—'
            : (statusById.get(key) ?? t('projects.table.noStatus'))
        return `${name} (${count})`
      },
    }
  }, [
    table,
    index,
    rows,
    columns,
    lookups,
    project,
    canEdit,
    thumbnail,
    approved,
    openShot,
    sequences,
    view.groupBy,
    t,
  ])

  const headers = useMemo<GridColumnView[]>(
    () =>
      columns.map((column) => {
        const key = sortKeyOf(column)
        const arrow = key !== null && key === view.sort.key && key !== 'order' ? (view.sort.desc ? ' ↓' : ' ↑') : ''
        // Descriptions are sentences; give them room.
        const width = column.id === 'description' ? 240 : WIDTHS[column.kind]
        return { id: column.id, title: `${columnTitle(column, t)}${arrow}`, width }
      }),
    [columns, view.sort, t],
  )

  return { model, headers, canEdit }
}

function columnTitle(column: ShotColumn, t: TFunction): string {
  switch (column.kind) {
    case 'custom':
      return column.field.name
    case 'status':
      return column.taskType.name
    case 'assignees':
      return t('projects.columns.assignees', { taskType: column.taskType.name })
    default:
      return t(`projects.columns.${column.id}`)
  }
}
