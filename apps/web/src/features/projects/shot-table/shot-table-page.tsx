// The shot table: the whole project's shots in a virtualised grid with inline edits,
// paste of spreadsheet blocks as one batch, undo/redo, drag reorder, filters and groups,
// status and assignee pickers, and spreadsheet import/export.
import { productionRoutes } from '@aipipeline/contracts'
import { Alert, Loader, Stack, useComputedColorScheme } from '@mantine/core'
import { useViewportSize } from '@mantine/hooks'
import { useQueryClient } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi, useSession } from '../../../api/api-context'
import { ApiError } from '../../../api/api-error'
import { DrillNotice } from '../../dashboards/drill-notice'
import { type DrillSearch, useDrillShots } from '../../dashboards/use-dashboard-drill'
import { RenderButton } from '../../farm/render/render-button'
import { renderShotsOfTable } from '../../farm/render/render-plan'
import { AssigneeDialog, type AssigneeTarget } from '../assignee-dialog'
import { downloadAuthed } from '../authed-file'
import { projectKeys, useBreakdown, useMembers, useProject, useShotTable } from '../project-queries'
import { NewBreakdownButtons } from '../setup/new-breakdown-buttons'
import { StatusCommentDialog, type StatusTarget } from '../status-comment-dialog'
import { cellCopyText, cellView } from './grid-cells'
import { ImportDialog } from './import-dialog'
import { planEdits, planPaste } from './paste-plan'
import { afterShotFor, optimisticKey } from './reorder'
import { type CellEdit, ShotGrid } from './shot-grid'
import { ShotTableToolbar } from './shot-table-toolbar'
import type { GridTable } from './table-loading'
import { canReorder, DEFAULT_VIEW, indexTasks, type TableView, taskAt } from './table-model'
import { useShotEdits } from './use-shot-edits'
import { sortKeyOf, useTableModel } from './use-table-model'
import { useThumbnails } from './use-thumbnails'

type Notice = { color: 'red' | 'blue'; text: string } | null

function messageOf(error: unknown): string {
  return error instanceof ApiError || error instanceof Error ? error.message : String(error)
}

/** The shot table tab of a project. */
export function ShotTablePage({ projectId, drill }: { projectId: string; drill?: DrillSearch | undefined }) {
  const project = useProject(projectId).data
  const table = useShotTable(projectId).data
  const breakdown = useBreakdown(projectId).data
  const members = useMembers(projectId).data
  const drillShots = useDrillShots(projectId, drill)
  if (!project || !table || !breakdown || !members || (drill && !drillShots.data))
    return <Loader aria-label="loading" />
  return (
    <ShotTableView
      projectId={projectId}
      project={project}
      table={table}
      sequences={breakdown.sequences}
      members={members}
      drillShots={drillShots.data}
    />
  )
}

function ShotTableView(props: {
  projectId: string
  project: NonNullable<ReturnType<typeof useProject>['data']>
  table: GridTable
  sequences: { id: string; code: string; name: string }[]
  members: { userId: string; displayName: string }[]
  drillShots?: ReadonlySet<string> | undefined
}) {
  const { projectId, project, table } = props
  const { t } = useTranslation()
  const api = useApi()
  const userId = useSession()?.user.id ?? ''
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const dark = useComputedColorScheme('light') === 'dark'
  // Opened from a dashboard chart: only the shots behind the clicked bar, until cleared.
  const [view, setView] = useState<TableView>(() =>
    props.drillShots
      ? { ...DEFAULT_VIEW, filter: { ...DEFAULT_VIEW.filter, shotIds: props.drillShots } }
      : DEFAULT_VIEW,
  )
  const [notice, setNotice] = useState<Notice>(null)
  const [statusTarget, setStatusTarget] = useState<StatusTarget | null>(null)
  const [assigneeTarget, setAssigneeTarget] = useState<AssigneeTarget | null>(null)
  const [importing, setImporting] = useState(false)
  const edits = useShotEdits(projectId)
  const index = useMemo(() => indexTasks(table), [table])
  const thumbs = useThumbnails(table)
  const { model, headers } = useTableModel({ ...props, index, view, userId, thumbnail: thumbs.thumbnail })
  const cellAt = useCallback((c: number, r: number) => cellView(model, c, r), [model])
  const copyText = useCallback((c: number, r: number) => cellCopyText(model, c, r), [model])

  const fail = useCallback((error: unknown) => setNotice({ color: 'red', text: messageOf(error) }), [])
  const reportSkipped = useCallback(
    (count: number) =>
      count > 0 ? setNotice({ color: 'blue', text: t('projects.table.skipped', { count }) }) : setNotice(null),
    [t],
  )

  const onEdit = useCallback(
    (cells: CellEdit[]) => {
      const plan = planEdits({ edits: cells, columns: model.columns, rows: model.rows, table, lookups: model.lookups })
      reportSkipped(plan.skipped.filter((s) => s.reason !== 'readonly').length)
      edits.apply({ forward: plan.updates, inverse: plan.inverse, cells: cells.length }).catch(fail)
    },
    [model, table, edits, fail, reportSkipped],
  )

  const onPaste = useCallback(
    (column: number, row: number, block: string[][]) => {
      const plan = planPaste({
        block,
        column,
        row,
        columns: model.columns,
        rows: model.rows,
        table,
        lookups: model.lookups,
      })
      reportSkipped(plan.skipped.length)
      const cells = block.reduce((n, r) => n + r.length, 0)
      edits.apply({ forward: plan.updates, inverse: plan.inverse, cells }).catch(fail)
    },
    [model, table, edits, fail, reportSkipped],
  )

  const onActivate = useCallback(
    (col: number, row: number) => {
      const display = model.rows[row]
      const column = model.columns[col]
      if (display?.kind !== 'shot' || !column) return
      const shotId = table.shots.id[display.shot] ?? ''
      const label = `${model.lookups.sequenceCode(table.shots.sequenceId[display.shot] ?? '')} ${table.shots.code[display.shot] ?? ''}`
      if (column.kind === 'thumbnail') {
        void navigate({ to: '/projects/$projectId/shots/$shotId', params: { projectId, shotId } })
        return
      }
      if (column.kind !== 'status' && column.kind !== 'assignees') return
      const task = taskAt(index, column.taskType.id, display.shot)
      if (task < 0) return
      const taskId = table.tasks.id[task] ?? ''
      const full = `${label} · ${column.taskType.name}`
      if (column.kind === 'status')
        setStatusTarget({ taskId, statusId: table.tasks.statusId[task] ?? null, label: full })
      else if (model.canEdit)
        setAssigneeTarget({ taskId, assigneeIds: table.tasks.assigneeIds[task] ?? [], label: full })
    },
    [model, table, index, navigate, projectId],
  )

  const onHeaderClick = useCallback(
    (col: number) => {
      const column = model.columns[col]
      const key = column ? sortKeyOf(column) : null
      if (key === null) return
      setView((v) => {
        if (v.sort.key !== key) return { ...v, sort: { key, desc: false } }
        if (!v.sort.desc && key !== 'order') return { ...v, sort: { key, desc: true } }
        return { ...v, sort: { key: 'order', desc: false } }
      })
    },
    [model.columns],
  )

  const onRowMove = useCallback(
    (from: number, to: number) => {
      const moved = model.rows[from]
      if (moved?.kind !== 'shot') return
      const shotId = table.shots.id[moved.shot] ?? ''
      const without = model.rows.filter((_, i) => i !== from)
      const targetIndex = without.slice(0, to).filter((r) => r.kind === 'shot').length
      const visible = model.rows.flatMap((r) => (r.kind === 'shot' ? [table.shots.id[r.shot] ?? ''] : []))
      const order = table.shots.id
        .map((id, i) => ({ id, key: table.shots.orderKey[i] ?? '' }))
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      const afterShotId = afterShotFor(
        visible,
        order.map((o) => o.id),
        shotId,
        targetIndex,
      )
      const afterKey = afterShotId === null ? null : (order.find((o) => o.id === afterShotId)?.key ?? null)
      const key = optimisticKey(
        order.filter((o) => o.id !== shotId).map((o) => o.key),
        afterKey,
      )
      const tableKey = projectKeys.table(projectId)
      queryClient.setQueryData<GridTable>(tableKey, (cur) => {
        if (!cur) return cur
        const orderKey = [...cur.shots.orderKey]
        orderKey[moved.shot] = key
        return { ...cur, shots: { ...cur.shots, orderKey } }
      })
      api
        .call(productionRoutes.moveShot, { params: { shotId }, body: { afterShotId } })
        .catch(fail)
        .finally(() => void queryClient.invalidateQueries({ queryKey: tableKey }))
    },
    [model.rows, table, api, projectId, queryClient, fail],
  )

  // Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) anywhere on the page except inside text fields,
  // which keep their own undo.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return
      const key = e.key.toLowerCase()
      if (key !== 'z' && key !== 'y') return
      const target = e.target
      if (target instanceof HTMLElement && target.closest('input, textarea, [contenteditable="true"]')) {
        if (!target.closest('[data-testid="shot-grid"]')) return
      }
      e.preventDefault()
      const redo = key === 'y' || e.shiftKey
      ;(redo ? edits.redo() : edits.undo()).catch(fail)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [edits, fail])

  const onVisibleRows = useCallback(
    (first: number, last: number) => {
      const shots = model.rows.slice(first, last + 1).flatMap((r) => (r.kind === 'shot' ? [r.shot] : []))
      thumbs.onVisibleShots(shots)
    },
    [model.rows, thumbs],
  )

  const gridBox = useRef<HTMLDivElement>(null)
  const { height: viewport } = useViewportSize()
  const [top, setTop] = useState(0)
  useLayoutEffect(() => {
    setTop(gridBox.current?.getBoundingClientRect().top ?? 0)
  })
  const shown = model.rows.filter((r) => r.kind === 'shot').length
  const [selectedRows, setSelectedRows] = useState<number[]>([])
  const renderShots = useMemo(
    () =>
      renderShotsOfTable(
        table,
        selectedRows.flatMap((r) => {
          const row = model.rows[r]
          return row?.kind === 'shot' ? [row.shot] : []
        }),
      ),
    [table, model.rows, selectedRows],
  )
  const exportAs = (format: 'xlsx' | 'csv') =>
    downloadAuthed(
      api,
      `/api/projects/${encodeURIComponent(projectId)}/shots/export?format=${format}`,
      `${project.code}-shots.${format}`,
    ).catch(fail)

  return (
    <Stack gap="sm">
      <NewBreakdownButtons project={project} sequences={props.sequences} />
      <ShotTableToolbar
        projectId={projectId}
        project={project}
        sequences={props.sequences}
        members={props.members}
        view={view}
        onView={setView}
        shown={shown}
        loaded={table.shots.id.length}
        total={table.partial?.total ?? table.shots.id.length}
        undo={{ can: edits.canUndo, cells: edits.undoCells, run: () => void edits.undo().catch(fail) }}
        redo={{ can: edits.canRedo, run: () => void edits.redo().catch(fail) }}
        onImport={() => setImporting(true)}
        onExport={exportAs}
        render={<RenderButton project={project} shots={renderShots} size="xs" />}
      />
      <DrillNotice
        view={view}
        onClear={() => setView((v) => ({ ...v, filter: { ...v.filter, shotIds: undefined } }))}
      />
      {notice && (
        <Alert
          color={notice.color}
          withCloseButton
          onClose={() => setNotice(null)}
          role={notice.color === 'red' ? 'alert' : 'status'}
          py={6}
        >
          {notice.text}
        </Alert>
      )}
      <div ref={gridBox}>
        <ShotGrid
          columns={headers}
          rows={model.rows.length}
          cellAt={cellAt}
          copyText={copyText}
          onEdit={onEdit}
          onPaste={onPaste}
          onActivate={onActivate}
          onHeaderClick={onHeaderClick}
          {...(canReorder(view) && model.canEdit ? { onRowMove } : {})}
          onVisibleRowsChange={onVisibleRows}
          onSelectedRowsChange={setSelectedRows}
          frozenColumns={3}
          dark={dark}
          height={Math.max(320, viewport - top - 24)}
        />
      </div>
      <StatusCommentDialog
        projectId={projectId}
        target={statusTarget}
        statuses={project.statuses}
        onClose={() => setStatusTarget(null)}
      />
      <AssigneeDialog projectId={projectId} target={assigneeTarget} onClose={() => setAssigneeTarget(null)} />
      <ImportDialog projectId={projectId} opened={importing} onClose={() => setImporting(false)} />
    </Stack>
  )
}
