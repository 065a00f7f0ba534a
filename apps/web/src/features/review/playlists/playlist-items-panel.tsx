// The review page's left column: the playlist's items in order. Those who edit the playlist
// drag an item by its handle (mouse, or Space and the arrow keys) to reorder it: the list
// moves at once and goes back if the server refuses. Everyone else sees a plain list.
import type { PlaylistDetail, PlaylistItem } from '@aipipeline/contracts'
import {
  type Announcements,
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
} from '@dnd-kit/core'
import { Alert, Stack, Text } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { apiErrorText } from '../../../api/error-text'
import { useProject } from '../../projects/project-queries'
import { listKeyboardCoordinates } from './list-keyboard'
import { PlaylistItemMenu } from './playlist-item-menu'
import { PlaylistItemRow } from './playlist-item-row'
import { itemsInOrder, moveItem } from './playlist-order'
import { useRemakeProxy, useRemovePlaylistItem, useReorderPlaylist, useUpdatePlaylistItem } from './playlist-queries'

export interface PlaylistItemsPanelProps {
  detail: PlaylistDetail
  currentItemId: string | null
  onSelect(itemId: string): void
}

export function PlaylistItemsPanel({ detail, currentItemId, onSelect }: PlaylistItemsPanelProps) {
  const { t } = useTranslation()
  const statusOf = useStatusLook(detail)
  if (detail.items.length === 0)
    return (
      <Text c="dimmed" size="sm" data-testid="playlist-items-empty">
        {t('playlists.items.empty')}
      </Text>
    )
  if (!detail.can.edit)
    return (
      <Stack gap={6} data-testid="playlist-items">
        {detail.items.map((item) => (
          <PlaylistItemRow
            key={item.id}
            item={item}
            current={item.id === currentItemId}
            status={statusOf(item)}
            onSelect={() => onSelect(item.id)}
          />
        ))}
      </Stack>
    )
  return <EditableItems detail={detail} currentItemId={currentItemId} onSelect={onSelect} statusOf={statusOf} />
}

/** Status colours come from the project; guests and clients, who never see statuses, do not ask for it. */
function useStatusLook(detail: PlaylistDetail) {
  const asks = detail.guestName === null && detail.items.some((i) => i.statusId !== null)
  const statuses = useProject(detail.project.id, { enabled: asks }).data?.statuses
  return (item: PlaylistItem) => {
    const status = statuses?.find((s) => s.id === item.statusId)
    return status ? { name: status.name, color: status.color } : null
  }
}

function EditableItems(
  props: PlaylistItemsPanelProps & { statusOf: (item: PlaylistItem) => { name: string; color: string } | null },
) {
  const { t } = useTranslation()
  const { detail } = props
  const playlistId = detail.playlist.id
  const reorder = useReorderPlaylist(playlistId)
  const update = useUpdatePlaylistItem(playlistId)
  const remove = useRemovePlaylistItem(playlistId)
  const remakeProxy = useRemakeProxy(playlistId)
  const [order, setOrder] = useState<string[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  // A new detail (the server's answer, or a change from elsewhere) replaces the pending order.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the items array is what changes
  useEffect(() => setOrder(null), [detail.items])
  const items = itemsInOrder(detail.items, order)
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: listKeyboardCoordinates }),
  )
  const failed = (e: unknown) => setError(apiErrorText(e, t))

  const onDragEnd = (e: DragEndEvent) => {
    const target = e.over?.id
    if (target === undefined || target === e.active.id) return
    const previous = order
    const next = moveItem(
      items.map((i) => i.id),
      String(e.active.id),
      String(target),
    )
    setError(null)
    setOrder(next)
    reorder.mutate(next, {
      onError: (err) => {
        setOrder(previous)
        failed(err)
      },
    })
  }

  const shot = (id: string | number) => items.find((i) => i.id === id)?.shotCode ?? ''
  const position = (id: string | number | undefined) => ({
    position: items.findIndex((i) => i.id === id) + 1,
    total: items.length,
  })
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('playlists.items.drag.pickedUp', { shot: shot(active.id) }),
    onDragOver: ({ active, over }) =>
      over ? t('playlists.items.drag.over', { shot: shot(active.id), ...position(over.id) }) : undefined,
    onDragEnd: ({ active, over }) =>
      over ? t('playlists.items.drag.dropped', { shot: shot(active.id), ...position(over.id) }) : undefined,
    onDragCancel: ({ active }) => t('playlists.items.drag.cancelled', { shot: shot(active.id) }),
  }

  return (
    <Stack gap={6} data-testid="playlist-items">
      {error && (
        <Alert color="red" role="alert" withCloseButton onClose={() => setError(null)} py={6}>
          {error}
        </Alert>
      )}
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{
          announcements,
          screenReaderInstructions: { draggable: t('playlists.items.drag.instructions') },
        }}
      >
        {items.map((item) => (
          <DraggableItem
            key={item.id}
            item={item}
            current={item.id === props.currentItemId}
            status={props.statusOf(item)}
            onSelect={() => props.onSelect(item.id)}
            menu={
              <PlaylistItemMenu
                item={item}
                onChoose={(body) => update.mutate({ itemId: item.id, body }, { onError: failed })}
                onRemove={() => remove.mutate(item.id, { onError: failed })}
                onRemakeProxy={() => item.version && remakeProxy.mutate(item.version.id, { onError: failed })}
              />
            }
          />
        ))}
      </DndContext>
    </Stack>
  )
}

function DraggableItem(props: Omit<Parameters<typeof PlaylistItemRow>[0], 'handle' | 'dropTarget' | 'style'>) {
  const drag = useDraggable({ id: props.item.id })
  const drop = useDroppable({ id: props.item.id })
  // The drop target is the resting slot; only the row inside it moves, so slots stay measurable.
  const style = drag.transform
    ? { transform: `translate(0px, ${drag.transform.y}px)`, zIndex: 2, position: 'relative' as const }
    : undefined
  return (
    <div ref={drop.setNodeRef}>
      <div ref={drag.setNodeRef} style={style}>
        <PlaylistItemRow
          {...props}
          handle={{ listeners: drag.listeners, attributes: drag.attributes }}
          dropTarget={drop.isOver && !drag.isDragging}
        />
      </div>
    </div>
  )
}
