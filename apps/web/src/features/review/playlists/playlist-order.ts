// The order of a playlist's items while the user drags: the moved list shows at once, and the
// server's answer (or the old order, when the server refuses) replaces it.

/** The ids with `movedId` taken out and put where `targetId` stood; unchanged when either is missing. */
export function moveItem(ids: readonly string[], movedId: string, targetId: string): string[] {
  const from = ids.indexOf(movedId)
  const to = ids.indexOf(targetId)
  if (from < 0 || to < 0 || from === to) return [...ids]
  const next = ids.filter((id) => id !== movedId)
  next.splice(to, 0, movedId)
  return next
}

/**
 * The items in `order` when it names each of them exactly once (an optimistic order still
 * pending); otherwise the items as they are, so a stale order never hides or repeats an item.
 */
export function itemsInOrder<T extends { id: string }>(items: readonly T[], order: readonly string[] | null): T[] {
  if (order === null || order.length !== items.length) return [...items]
  const byId = new Map(items.map((i) => [i.id, i]))
  const ordered = order.flatMap((id) => {
    const item = byId.get(id)
    return item ? [item] : []
  })
  return new Set(order).size === items.length && ordered.length === items.length ? ordered : [...items]
}
