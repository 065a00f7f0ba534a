// One task card on the board; dragged by the whole card (after a few pixels, so a click
// still opens the shot).
import type { LatestVersion } from '@aipipeline/contracts'
import { useDraggable } from '@dnd-kit/core'
import { Anchor, Badge, Group, Image, Paper, Text } from '@mantine/core'
import { useVersionFileUrl, versionCode } from '../shot-page/version-files'
import type { BoardCard } from './board-model'

export interface CardLabels {
  /** The project the cards belong to (for links to their shots). */
  projectId: string
  sequenceCode: (id: string) => string
  taskTypeName: (id: string) => string
  personName: (id: string) => string
  /** The task's newest version, if it has one. */
  latestVersion: (taskId: string) => LatestVersion | undefined
}

/** The newest version's thumbnail across the card's top (loaded with the token). */
function CardThumbnail({ version }: { version: LatestVersion }) {
  const url = useVersionFileUrl(version.thumbnailFileId)
  return url ? (
    <Image src={url} h={72} fit="cover" radius="xs" mb={6} alt="" data-testid="board-card-thumbnail" />
  ) : (
    <div style={{ height: 72, marginBottom: 6, background: 'var(--mantine-color-default-hover)', borderRadius: 2 }} />
  )
}

/** The card's content, also drawn in the drag overlay. */
export function CardBody({ card, labels }: { card: BoardCard; labels: CardLabels }) {
  const version = labels.latestVersion(card.taskId)
  return (
    <>
      {version && <CardThumbnail version={version} />}
      <Group justify="space-between" gap={4} wrap="nowrap">
        <Anchor
          href={`/projects/${encodeURIComponent(labels.projectId)}/shots/${encodeURIComponent(card.shotId)}`}
          // The card's own click opens the shot in the app; the link serves new tabs and readers.
          onClick={(e) => e.preventDefault()}
          size="sm"
          fw={600}
          data-testid="board-card-code"
        >
          {labels.sequenceCode(card.sequenceId)} {card.shotCode}
        </Anchor>
        <Badge size="xs" variant="light">
          {labels.taskTypeName(card.taskTypeId)}
        </Badge>
      </Group>
      {(card.assigneeIds.length > 0 || version) && (
        <Group justify="space-between" gap={4} wrap="nowrap">
          <Text size="xs" c="dimmed" truncate>
            {card.assigneeIds.map(labels.personName).join(', ')}
          </Text>
          {version && (
            <Text size="xs" ff="monospace" fw={600} c="dimmed" data-testid="board-card-version">
              {versionCode(version.number)}
            </Text>
          )}
        </Group>
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
