// One task card on the board; dragged by the whole card (after a few pixels, so a click
// still opens the shot).
import { useDraggable } from '@dnd-kit/core'
import { Badge, Group, Paper, Text } from '@mantine/core'
import type { BoardCard } from './board-model'

export interface CardLabels {
  sequenceCode: (id: string) => string
  taskTypeName: (id: string) => string
  personName: (id: string) => string
}

/** The card's content, also drawn in the drag overlay. */
export function CardBody({ card, labels }: { card: BoardCard; labels: CardLabels }) {
  return (
    <>
      <Group justify="space-between" gap={4} wrap="nowrap">
        <Text size="sm" fw={600}>
          {labels.sequenceCode(card.sequenceId)} {card.shotCode}
        </Text>
        <Badge size="xs" variant="light">
          {labels.taskTypeName(card.taskTypeId)}
        </Badge>
      </Group>
      {card.assigneeIds.length > 0 && (
        <Text size="xs" c="dimmed" truncate>
          {card.assigneeIds.map(labels.personName).join(', ')}
        </Text>
      )}
    </>
  )
}

/** A draggable card. */
export function DraggableCard(props: { card: BoardCard; labels: CardLabels; onOpen: (card: BoardCard) => void }) {
  const { card } = props
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: card.taskId })
  return (
    <Paper
      ref={setNodeRef}
      withBorder
      p={8}
      radius="sm"
      data-testid="board-card"
      data-task-id={card.taskId}
      style={{ opacity: isDragging ? 0.4 : 1, cursor: 'grab', touchAction: 'none' }}
      onClick={() => props.onOpen(card)}
      {...attributes}
      {...listeners}
    >
      <CardBody card={card} labels={props.labels} />
    </Paper>
  )
}
