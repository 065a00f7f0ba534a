// Which item and version the review page shows, and stepping through the playlist's items.
import type { PlaylistItem, ReviewVersion } from '@aipipeline/contracts'

/** The item `itemId` names, or the playlist's first while none (or a removed one) is named. */
export function shownItem(items: readonly PlaylistItem[], itemId: string | null): PlaylistItem | null {
  return items.find((i) => i.id === itemId) ?? items[0] ?? null
}

/**
 * The version on screen: the one the playback names when it is of this item's task and the
 * viewer may see it, else the item's own choice. A client following a presenter who picked an
 * internal version stays on the version the playlist shows them.
 */
export function shownVersion(
  item: PlaylistItem | null,
  versionId: string | null,
  visible: readonly ReviewVersion[],
): ReviewVersion | null {
  if (!item) return null
  const named = versionId === null ? undefined : visible.find((v) => v.id === versionId && v.taskId === item.taskId)
  return named ?? item.version
}

/** The item `step` places after (1) or before (-1) the current one, or null at either end. */
export function steppedItemId(items: readonly PlaylistItem[], currentId: string | null, step: 1 | -1): string | null {
  const index = items.findIndex((i) => i.id === currentId)
  const next = items[Math.max(index, 0) + step]
  return next?.id ?? null
}
