// One status column; highlights while a card that may land here is dragged over it. The
// whole column is the drop target, down to the board's bottom, however few cards it holds.
import type { Project } from '@aipipeline/contracts'
import { useDroppable } from '@dnd-kit/core'
import { Badge, Group, Paper, ScrollArea, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { type CardLabels, DraggableCard } from './board-card'
import type { BoardCard } from './board-model'

// Rendering thousands of cards in one column helps nobody; the table shows them all.
const VISIBLE_CARDS = 150

/** A board column with its cards. */
export function BoardColumn(props: {
  status: Project['statuses'][number]
  cards: BoardCard[]
  labels: CardLabels
  accepts: boolean
  onOpen: (card: BoardCard) => void
  height: number
}) {
  const { t } = useTranslation()
  const { status, cards } = props
  const { setNodeRef, isOver } = useDroppable({ id: status.id, disabled: !props.accepts })
  return (
    <Paper
      ref={setNodeRef}
      withBorder
      p="xs"
      w={250}
      miw={250}
      // Header and padding above the card list: the column is as tall as the tallest list.
      mih={props.height + 48}
      data-testid="board-column"
      data-status-id={status.id}
      aria-label={status.name}
      style={{
        borderTop: `3px solid ${status.color}`,
        background: isOver && props.accepts ? 'var(--mantine-color-blue-light)' : undefined,
      }}
    >
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Text fw={600} size="sm">
          {status.name}
        </Text>
        <Group gap={4} wrap="nowrap">
          {!status.canSet && (
            <Badge size="xs" color="gray" variant="outline">
              {t('projects.board.readOnly')}
            </Badge>
          )}
          <Badge size="sm" variant="light" color="gray">
            {cards.length}
          </Badge>
        </Group>
      </Group>
      <ScrollArea.Autosize mah={props.height}>
        <Stack gap={6}>
          {cards.slice(0, VISIBLE_CARDS).map((card) => (
            <DraggableCard key={card.taskId} card={card} labels={props.labels} onOpen={props.onOpen} />
          ))}
          {cards.length > VISIBLE_CARDS && (
            <Text size="xs" c="dimmed" ta="center">
              {t('projects.board.more', { count: cards.length - VISIBLE_CARDS })}
            </Text>
          )}
        </Stack>
      </ScrollArea.Autosize>
    </Paper>
  )
}
