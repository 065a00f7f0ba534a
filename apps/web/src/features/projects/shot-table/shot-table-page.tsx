import { Alert, Loader, Stack, Text, useComputedColorScheme } from '@mantine/core'
import { useViewportSize } from '@mantine/hooks'
import { useNavigate } from '@tanstack/react-router'
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi, useSession } from '../../../api/api-context'
import { apiErrorText } from '../../../api/error-text'
import { DrillNotice } from '../../dashboards/drill-notice'
import { type DrillSearch, useDrillShots } from '../../dashboards/use-dashboard-drill'
import { RenderButton } from '../../farm/render/render-button'
import { renderShotsOfTable } from '../../farm/render/render-plan'
import { AddToPlaylistButton } from '../../review/playlists/add-to-playlist-button'
import { AssigneeDialog, type AssigneeTarget } from '../assignee-dialog'
import { downloadAuthed } from '../authed-file'
import { useBreakdown, useLatestVersions, useMembers, useProject, useShotTable } from '../project-queries'
import { NewBreakdownButtons } from '../setup/new-breakdown-buttons'
import { StatusCommentDialog, type StatusTarget } from '../status-comment-dialog'
import { approvedByShot } from './approved-thumbnails'
import { type BatchMode, BatchTaskDialog } from './batch-task-dialog'
import { cellCopyText, cellView } from './grid-cells'
import { ImportDialog } from './import-dialog'
import { fillBlock, planEdits, planPaste } from './paste-plan'
import { type ColumnWidths, withWidth } from './saved-views'
import { type CellEdit, ShotGrid } from './shot-grid'
import { ShotTableToolbar } from './shot-table-toolbar'
import type { GridTable } from './table-loading'
import { canReorder, DEFAULT_VIEW, indexTasks, type TableView, taskAt } from './table-model'
import { useRowMove, useUndoKeys } from './use-grid-gestures'
import { useShotEdits } from './use-shot-edits'
import { sortKeyOf, useTableModel } from './use-table-model'
import { useThumbnails } from './use-thumbnails'

type Notice = { color: 'red' | 'blue'; text: string } | null

// Why a cell was refused (paste-plan's reasons), each with a translated sentence.
const REASONS = ['frame', 'number', 'date', 'outBeforeIn', 'code', 'sequence', 'choice', 'boolean', 'readonly'] as const
type Reason = (typeof REASONS)[number]
const isReason = (r: string): r is Reason => (REASONS as readonly string[]).includes(r)
const reasonOf = (r: string): Reason => (isReason(r) ? r : 'readonly')

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
  const [batch, setBatch] = useState<BatchMode | null>(null)
  const [widths, setWidths] = useState<ColumnWidths>({})
  const edits = useShotEdits(projectId)
  const index = useMemo(() => indexTasks(table), [table])
  const latest = useLatestVersions(projectId).data
  const approved = useMemo(
    () =>
      approvedByShot(
        table,
        latest,
        project.taskTypes.map((tt) => tt.id),
      ),
    [table, latest, project.taskTypes],
  )
  const thumbs = useThumbnails(table, approved)
  const openShot = useCallback(
    (shot: number) =>
      void navigate({
        to: '/projects/$projectId/shots/$shotId',
        params: { projectId, shotId: table.shots.id[shot] ?? '' },
      }),
    [navigate, projectId, table],
  )
  const { model, headers } = useTableModel({
    ...props,
    index,
    view,
    userId,
    thumbnail: thumbs.thumbnail,
    approved,
    openShot,
  })
  const columnsShown = useMemo(() => headers.map((h) => ({ ...h, width: widths[h.id] ?? h.width })), [headers, widths])
  const onColumnResize = useCallback((id: string, width: number) => setWidths((w) => withWidth(w, id, width)), [])
  const cellAt = useCallback((c: number, r: number) => cellView(model, c, r), [model])
  const copyText = useCallback((c: number, r: number) => cellCopyText(model, c, r), [model])

  const fail = useCallback((error: unknown) => setNotice({ color: 'red', text: apiErrorText(error, t) }), [t])
  const reportSkipped = useCallback(
    (skipped: { reason: string }[]) => {
      const first = skipped[0]
      if (!first) return setNotice(null)
      const reason = t(`projects.table.invalid.${reasonOf(first.reason)}`)
      setNotice({ color: 'blue', text: t('projects.table.skippedWhy', { count: skipped.length, reason }) })
    },
    [t],
  )
  const shotEdit = useCallback(
    (plan: ReturnType<typeof planPaste>, cells: number) =>
      edits
        .apply({
          forward: { kind: 'shots', updates: plan.updates },
          inverse: { kind: 'shots', updates: plan.inverse },
          cells,
        })
        .catch(fail),
    [edits, fail],
  )

  // Why typed text cannot go into a cell, in the user's language; the editor stays open.
  const cellProblem = useCallback(
    (column: number, row: number, text: string) => {
      const input = { columns: model.columns, rows: model.rows, table, lookups: model.lookups }
      const problem = planEdits({ ...input, edits: [{ column, row, text }] }).skipped[0]
      return problem ? t(`projects.table.invalid.${reasonOf(problem.reason)}`) : null
    },
    [model, table, t],
  )

  const onEdit = useCallback(
    (cells: CellEdit[]) => {
      const plan = planEdits({ edits: cells, columns: model.columns, rows: model.rows, table, lookups: model.lookups })
      reportSkipped(plan.skipped.filter((s) => s.reason !== 'readonly'))
      void shotEdit(plan, cells.length)
    },
    [model, table, shotEdit, reportSkipped],
  )

  const onPaste = useCallback(
    (column: number, row: number, pasted: string[][], range: { width: number; height: number }) => {
      const block = fillBlock(pasted, { row, ...range }, model.rows)
      const plan = planPaste({
        block,
        column,
        row,
        columns: model.columns,
        rows: model.rows,
        table,
        lookups: model.lookups,
      })
      reportSkipped(plan.skipped)
      void shotEdit(
        plan,
        block.reduce((n, r) => n + r.length, 0),
      )
    },
    [model, table, shotEdit, reportSkipped],
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
      if (column.kind !== 'status' && column.kind !== 'assignees') {
        // A double-click on a cell the role cannot edit says why instead of doing nothing.
        if (!model.canEdit && column.kind !== 'duration')
          setNotice({ color: 'blue', text: t('projects.table.readOnlyCell') })
        return
      }
      const task = taskAt(index, column.taskType.id, display.shot)
      if (task < 0) return
      const taskId = table.tasks.id[task] ?? ''
      const full = `${label} · ${column.taskType.name}`
      if (column.kind === 'status')
        setStatusTarget({ taskId, statusId: table.tasks.statusId[task] ?? null, label: full })
      else if (model.canEdit)
        setAssigneeTarget({ taskId, assigneeIds: table.tasks.assigneeIds[task] ?? [], label: full })
    },
    [model, table, index, navigate, projectId, t],
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

  const onRowMove = useRowMove({ projectId, table, rows: model.rows, fail })
  useUndoKeys(edits, fail)

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
  const selectedShots = useMemo(
    () =>
      selectedRows.flatMap((r) => {
        const row = model.rows[r]
        return row?.kind === 'shot' ? [row.shot] : []
      }),
    [model.rows, selectedRows],
  )
  const renderShots = useMemo(() => renderShotsOfTable(table, selectedShots), [table, selectedShots])
  // The selection's tasks of one task type, in the table's order, for a playlist.
  const playlistSelection = useMemo(
    () => ({
      count: selectedShots.length,
      taskTypeId: view.filter.taskTypeId,
      taskIdsFor: (taskTypeId: string) =>
        selectedShots.flatMap((shot) => {
          const task = taskAt(index, taskTypeId, shot)
          const id = task < 0 ? undefined : table.tasks.id[task]
          return id === undefined ? [] : [id]
        }),
    }),
    [selectedShots, view.filter.taskTypeId, index, table],
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
        widths={widths}
        onApplySaved={(saved, savedWidths) => {
          setView(saved)
          setWidths(savedWidths)
        }}
        onError={(text) => setNotice({ color: 'red', text })}
        shown={shown}
        loaded={table.shots.id.length}
        total={table.partial?.total ?? table.shots.id.length}
        undo={{ can: edits.canUndo, cells: edits.undoCells, run: () => void edits.undo().catch(fail) }}
        redo={{ can: edits.canRedo, run: () => void edits.redo().catch(fail) }}
        onImport={() => setImporting(true)}
        onExport={exportAs}
        render={<RenderButton project={project} shots={renderShots} size="xs" />}
        addToPlaylist={<AddToPlaylistButton projectId={projectId} selection={playlistSelection} />}
        canEdit={model.canEdit}
        selectedShots={selectedShots.length}
        onBatch={setBatch}
      />
      {!model.canEdit && (
        <Text size="xs" c="dimmed" data-testid="read-only-reason">
          {t('projects.table.readOnlyRole', { role: t(`roles.${project.myRole}`) })}
        </Text>
      )}
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
          columns={columnsShown}
          onColumnResize={onColumnResize}
          rows={model.rows.length}
          cellAt={cellAt}
          copyText={copyText}
          onEdit={onEdit}
          onPaste={onPaste}
          cellProblem={cellProblem}
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
      <BatchTaskDialog
        mode={batch}
        project={project}
        table={table}
        index={index}
        shots={selectedShots}
        members={props.members}
        apply={edits.apply}
        onClose={() => setBatch(null)}
      />
    </Stack>
  )
}
