// Filters, grouping, saved filters, undo/redo and spreadsheet import/export above the grid.
import type { Project } from '@aipipeline/contracts'
import { Button, Group, Menu, MultiSelect, Select, Text, TextInput, Tooltip } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ColumnWidths } from './saved-views'
import { SavedViewsMenu } from './saved-views-menu'
import type { GroupBy, TableView } from './table-model'

interface Props {
  projectId: string
  project: Project
  sequences: { id: string; code: string; name: string }[]
  members: { userId: string; displayName: string }[]
  view: TableView
  onView: (view: TableView) => void
  widths: ColumnWidths
  onApplySaved: (view: TableView, widths: ColumnWidths) => void
  onError: (message: string) => void
  shown: number
  /** Shots in the browser so far; below `total` while the rest of a large table loads. */
  loaded: number
  total: number
  undo: { can: boolean; cells: number; run: () => void }
  redo: { can: boolean; run: () => void }
  onImport: () => void
  onExport: (format: 'xlsx' | 'csv') => void
  /** The Render button for the selected shots (absent when nothing is selected or the role cannot render). */
  render?: ReactNode
  /** "Add to playlist" for the selected shots (renders nothing for roles that cannot make playlists). */
  addToPlaylist?: ReactNode
  /** Whether the role edits the breakdown (batch actions are offered only then). */
  canEdit: boolean
  selectedShots: number
  onBatch: (mode: 'status' | 'assign') => void
}

/** The toolbar of the shot table. */
export function ShotTableToolbar(props: Props) {
  const { t } = useTranslation()
  const { view, onView, project } = props
  const filter = view.filter
  const setFilter = (patch: Partial<TableView['filter']>) => onView({ ...view, filter: { ...filter, ...patch } })
  const groupOptions = [
    { value: 'none', label: t('projects.table.groupNone') },
    { value: 'sequence', label: t('projects.table.groupSequence') },
    ...project.taskTypes.map((tt) => ({
      value: `status:${tt.id}`,
      label: t('projects.table.groupStatus', { taskType: tt.name }),
    })),
  ]
  const isGroup = (v: string): v is GroupBy => groupOptions.some((o) => o.value === v)
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <TextInput
        size="xs"
        label={t('projects.table.search')}
        data-testid="table-search"
        placeholder={t('projects.table.searchPlaceholder')}
        value={filter.search}
        onChange={(e) => setFilter({ search: e.currentTarget.value })}
        w={180}
      />
      <MultiSelect
        size="xs"
        label={t('projects.filters.sequence')}
        data={props.sequences.map((s) => ({ value: s.id, label: s.code }))}
        value={filter.sequenceIds}
        onChange={(sequenceIds) => setFilter({ sequenceIds })}
        clearable
        w={180}
      />
      <Select
        size="xs"
        label={t('projects.filters.taskType')}
        placeholder={t('projects.filters.anyTask')}
        data={project.taskTypes.map((tt) => ({ value: tt.id, label: tt.name }))}
        value={filter.taskTypeId}
        onChange={(taskTypeId) => setFilter({ taskTypeId })}
        clearable
        w={150}
      />
      <MultiSelect
        size="xs"
        label={t('projects.filters.status')}
        data={project.statuses.map((s) => ({ value: s.id, label: s.name }))}
        value={filter.statusIds}
        onChange={(statusIds) => setFilter({ statusIds })}
        clearable
        w={180}
      />
      <MultiSelect
        size="xs"
        label={t('projects.filters.assignee')}
        data={props.members.map((m) => ({ value: m.userId, label: m.displayName }))}
        value={filter.assigneeIds}
        onChange={(assigneeIds) => setFilter({ assigneeIds })}
        clearable
        w={180}
      />
      <Select
        size="xs"
        label={t('projects.table.group')}
        data={groupOptions}
        value={view.groupBy}
        onChange={(v) => v !== null && isGroup(v) && onView({ ...view, groupBy: v })}
        allowDeselect={false}
        w={170}
      />
      <SavedViewsMenu
        projectId={props.projectId}
        view={view}
        widths={props.widths}
        canShare={props.canEdit}
        onApply={props.onApplySaved}
        onError={props.onError}
      />
      <Group gap={4} ml="auto" wrap="nowrap">
        {props.canEdit && props.selectedShots > 0 && (
          <>
            <Button size="xs" variant="light" onClick={() => props.onBatch('status')} data-testid="batch-status">
              {t('projects.batch.status', { count: props.selectedShots })}
            </Button>
            <Button size="xs" variant="light" onClick={() => props.onBatch('assign')} data-testid="batch-assign">
              {t('projects.batch.assign', { count: props.selectedShots })}
            </Button>
          </>
        )}
        {props.render}
        {props.addToPlaylist}
        <Text size="xs" c="dimmed" data-testid="shot-count" aria-busy={props.loaded < props.total}>
          {props.loaded < props.total
            ? t('projects.table.countLoading', { shown: props.shown, loaded: props.loaded, total: props.total })
            : t('projects.table.count', { shown: props.shown, total: props.total })}
        </Text>
        <Tooltip label={t('projects.table.undoHint', { count: props.undo.cells })} disabled={!props.undo.can}>
          <Button size="xs" variant="default" onClick={props.undo.run} disabled={!props.undo.can}>
            {t('projects.table.undo')}
          </Button>
        </Tooltip>
        <Button size="xs" variant="default" onClick={props.redo.run} disabled={!props.redo.can}>
          {t('projects.table.redo')}
        </Button>
        {props.canEdit && (
          <Button size="xs" variant="default" onClick={props.onImport}>
            {t('projects.import.open')}
          </Button>
        )}
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button size="xs" variant="default">
              {t('projects.export.open')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => props.onExport('xlsx')}>{t('projects.export.xlsx')}</Menu.Item>
            <Menu.Item onClick={() => props.onExport('csv')}>{t('projects.export.csv')}</Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
    </Group>
  )
}
