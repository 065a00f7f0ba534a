// Drag reorder in the grid: which shot the moved one should follow (what the move endpoint
// takes), and the fractional key to show it in place before the server answers.
import { keyBetween } from '@aipipeline/domain'

/**
 * For a shot dropped at `targetIndex` among the visible shots (editorial order, the moved
 * shot already taken out), the shot it should come right after in the whole project.
 * Hidden shots (filters) between two visible ones stay before the next visible shot.
 */
export function afterShotFor(
  visible: readonly string[],
  allInOrder: readonly string[],
  moved: string,
  targetIndex: number,
): string | null {
  const others = visible.filter((id) => id !== moved)
  const next = others[targetIndex]
  if (next === undefined) return others.at(-1) ?? allInOrder.filter((id) => id !== moved).at(-1) ?? null
  const full = allInOrder.filter((id) => id !== moved)
  const at = full.indexOf(next)
  return at <= 0 ? null : (full[at - 1] ?? null)
}

/** The ordering key between the neighbours the shot lands between (what the server computes). */
export function optimisticKey(orderedKeys: readonly string[], afterKey: string | null): string {
  const next = afterKey === null ? orderedKeys[0] : orderedKeys.find((k) => k > afterKey)
  return keyBetween(afterKey, next ?? null)
}
