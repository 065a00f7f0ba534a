// Rows whose order the user changes by dragging a row's handle onto another row (or with the
// arrow buttons, for keyboards). Reports the moved row and its new 0-based position; the
// server renumbers, so the list shows the server's order once the project reloads.
import {
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
} from '@dnd-kit/core'
import { ActionIcon, Group, Paper } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

interface Props<T extends { id: string }> {
  items: readonly T[]
  disabled?: boolean
  onMove: (id: string, position: number) => void
  render: (item: T) => ReactNode
  /** Accessible name of a row (its handle says "drag {label}"). */
  label: (item: T) => string
}

/** A list reordered by drag and drop. */
export function SortableRows<T extends { id: string }>(props: Props<T>) {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor),
  )
  const onDragEnd = (e: DragEndEvent) => {
    const target = e.over?.id
    if (target === undefined || target === e.active.id) return
    const position = props.items.findIndex((i) => i.id === target)
    if (position >= 0) props.onMove(String(e.active.id), position)
  }
  return (
    <DndContext sensors={sensors} onDragEnd={onDragEnd}>
      {props.items.map((item, index) => (
        <Row key={item.id} {...props} item={item} index={index} />
      ))}
    </DndContext>
  )
}

function Row<T extends { id: string }>(props: Props<T> & { item: T; index: number }) {
  const { t } = useTranslation()
  const { item, index, items, disabled } = props
  const drag = useDraggable({ id: item.id, disabled })
  const drop = useDroppable({ id: item.id })
  const style = drag.transform
    ? { transform: `translate(${drag.transform.x}px, ${drag.transform.y}px)`, zIndex: 2, position: 'relative' as const }
    : undefined
  return (
    <Paper
      ref={drop.setNodeRef}
      withBorder
      p={6}
      bg={drop.isOver && !drag.isDragging ? 'var(--mantine-color-blue-light)' : undefined}
      data-testid={`row-${props.label(item)}`}
    >
      <Group gap="xs" wrap="nowrap" ref={drag.setNodeRef} style={style}>
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={t('projectSetup.common.dragHint')}
          disabled={disabled}
          style={{ cursor: 'grab' }}
          {...drag.listeners}
          {...drag.attributes}
        >
          ⠿
        </ActionIcon>
        <Group gap="xs" wrap="nowrap" style={{ flex: 1, minWidth: 0 }}>
          {props.render(item)}
        </Group>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="sm"
          aria-label={`${t('projectSetup.common.moveUp')} ${props.label(item)}`}
          disabled={disabled || index === 0}
          onClick={() => props.onMove(item.id, index - 1)}
        >
          ↑
        </ActionIcon>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="sm"
          aria-label={`${t('projectSetup.common.moveDown')} ${props.label(item)}`}
          disabled={disabled || index === items.length - 1}
          onClick={() => props.onMove(item.id, index + 1)}
        >
          ↓
        </ActionIcon>
      </Group>
    </Paper>
  )
}
