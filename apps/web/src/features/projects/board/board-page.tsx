// The kanban board: a column per status the caller's role sees on the board, a card per
// task. Dropping a card on a column posts the status comment; the card moves at once and
// goes back, with the server's reason, if the server refuses (403, 422).
import { productionRoutes } from '@aipipeline/contracts'
import {
  DndContext,
  type DragEndEvent,
  DragOverlay,
  type DragStartEvent,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core'
import { Alert, Group, Loader, MultiSelect, Paper, ScrollArea, Select, Stack } from '@mantine/core'
import { useViewportSize } from '@mantine/hooks'
import { useQueryClient } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../../api/api-context'
import { apiErrorText } from '../../../api/error-text'
import { projectKeys, useBreakdown, useLatestVersions, useMembers, useProject, useShotTable } from '../project-queries'
import { CardBody, type CardLabels } from './board-card'
import { BoardColumn } from './board-column'
import { type BoardCard, type BoardFilter, boardCards, boardColumns, canDrop, cardsByColumn } from './board-model'

/** The kanban tab of a project. */
export function BoardPage({ projectId }: { projectId: string }) {
  const { t } = useTranslation()
  const api = useApi()
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const project = useProject(projectId).data
  const table = useShotTable(projectId).data
  const sequences = useBreakdown(projectId).data?.sequences
  const members = useMembers(projectId).data
  const latest = useLatestVersions(projectId).data
  const [filter, setFilter] = useState<BoardFilter>({ sequenceIds: [], taskTypeId: null, assigneeIds: [] })
  const [pending, setPending] = useState<ReadonlyMap<string, string>>(new Map())
  const [dragging, setDragging] = useState<BoardCard | null>(null)
  const [error, setError] = useState<string | null>(null)
  const { height: viewport } = useViewportSize()
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor),
  )

  const columns = useMemo(() => (project ? boardColumns(project.statuses, project.myRole) : []), [project])
  const cards = useMemo(() => (table ? boardCards(table, filter, pending) : []), [table, filter, pending])
  const byColumn = useMemo(() => cardsByColumn(cards, columns), [cards, columns])
  const labels = useMemo<CardLabels>(() => {
    const seq = new Map((sequences ?? []).map((s) => [s.id, s.code]))
    const types = new Map((project?.taskTypes ?? []).map((tt) => [tt.id, tt.name]))
    const people = new Map((members ?? []).map((m) => [m.userId, m.displayName]))
    return {
      projectId,
      sequenceCode: (id) => seq.get(id) ?? '',
      taskTypeName: (id) => types.get(id) ?? '',
      personName: (id) => people.get(id) ?? '?',
      latestVersion: (taskId) => latest?.get(taskId),
    }
  }, [projectId, sequences, project, members, latest])

  if (!project || !table || !sequences || !members) return <Loader aria-label={t('app.loading')} />

  const forget = (taskId: string) =>
    setPending((cur) => {
      const next = new Map(cur)
      next.delete(taskId)
      return next
    })

  const onDragStart = (e: DragStartEvent) => setDragging(cards.find((c) => c.taskId === e.active.id) ?? null)
  const onDragEnd = async (e: DragEndEvent) => {
    setDragging(null)
    const card = cards.find((c) => c.taskId === e.active.id)
    const column = columns.find((c) => c.id === e.over?.id)
    if (!card || !column || !canDrop(card, column)) return
    setError(null)
    setPending((cur) => new Map(cur).set(card.taskId, column.id))
    try {
      await api.call(productionRoutes.postComment, { params: { taskId: card.taskId }, body: { statusId: column.id } })
      await queryClient.invalidateQueries({ queryKey: projectKeys.table(projectId) })
    } catch (err) {
      setError(apiErrorText(err, t))
    } finally {
      forget(card.taskId)
    }
  }

  return (
    <Stack gap="sm">
      <Group gap="xs" align="flex-end">
        <MultiSelect
          size="xs"
          label={t('projects.filters.sequence')}
          data={sequences.map((s) => ({ value: s.id, label: s.code }))}
          value={filter.sequenceIds}
          onChange={(sequenceIds) => setFilter({ ...filter, sequenceIds })}
          clearable
          w={200}
        />
        <Select
          size="xs"
          label={t('projects.filters.taskType')}
          placeholder={t('projects.filters.anyTask')}
          data={project.taskTypes.map((tt) => ({ value: tt.id, label: tt.name }))}
          value={filter.taskTypeId}
          onChange={(taskTypeId) => setFilter({ ...filter, taskTypeId })}
          clearable
          w={170}
        />
        <MultiSelect
          size="xs"
          label={t('projects.filters.assignee')}
          data={members.map((m) => ({ value: m.userId, label: m.displayName }))}
          value={filter.assigneeIds}
          onChange={(assigneeIds) => setFilter({ ...filter, assigneeIds })}
          clearable
          w={200}
        />
      </Group>
      {error && (
        <Alert color="red" role="alert" withCloseButton onClose={() => setError(null)} py={6}>
          {t('projects.board.refused', { message: error })}
        </Alert>
      )}
      <DndContext
        sensors={sensors}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setDragging(null)}
      >
        <ScrollArea type="auto" offsetScrollbars>
          <Group gap="sm" align="flex-start" wrap="nowrap" pb="sm">
            {columns.map((status) => (
              <BoardColumn
                key={status.id}
                status={status}
                cards={byColumn.get(status.id) ?? []}
                labels={labels}
                accepts={dragging === null ? status.canSet : canDrop(dragging, status)}
                height={Math.max(300, viewport - 300)}
                onOpen={(card) =>
                  void navigate({
                    to: '/projects/$projectId/shots/$shotId',
                    params: { projectId, shotId: card.shotId },
                  })
                }
              />
            ))}
          </Group>
        </ScrollArea>
        <DragOverlay>
          {dragging && (
            <Paper withBorder shadow="md" p={8} radius="sm" w={234}>
              <CardBody card={dragging} labels={labels} />
            </Paper>
          )}
        </DragOverlay>
      </DndContext>
    </Stack>
  )
}
