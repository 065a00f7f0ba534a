// Minimal stand-ins for the playlist panels (the real ones replace this file).
import type { PlaylistDetail } from '@aipipeline/contracts'

export function PlaylistItemsPanel(props: {
  detail: PlaylistDetail
  currentItemId: string | null
  onSelect(itemId: string): void
}) {
  return (
    <div data-testid="playlist-items">
      {props.detail.items.map((item) => (
        <button
          type="button"
          key={item.id}
          data-item-id={item.id}
          aria-current={item.id === props.currentItemId}
          onClick={() => props.onSelect(item.id)}
        >
          {item.shotCode} {item.taskTypeName}
        </button>
      ))}
    </div>
  )
}

export function PlaylistHeaderMenu(_props: { detail: PlaylistDetail }) {
  return null
}
