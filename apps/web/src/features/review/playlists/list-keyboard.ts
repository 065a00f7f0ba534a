// Keyboard dragging in a vertical list: each arrow press jumps the held item onto the centre of
// the next item above or below (dnd-kit's default moves 25 px, which in rows of other heights
// needs a guessable number of presses and can stop between two rows).
import type { KeyboardCoordinateGetter } from '@dnd-kit/core'

interface Slot {
  top: number
  height: number
}

/** How far (px) the held item's centre must move to reach its neighbour's centre; null at the end of the list. */
export function stepToNeighbour(slots: readonly Slot[], held: Slot, direction: 'up' | 'down'): number | null {
  const centre = held.top + held.height / 2
  const centres = slots.map((s) => s.top + s.height / 2)
  // Half a pixel of slack: the held item's own slot has its centre, not a neighbour's.
  const ahead =
    direction === 'down'
      ? centres.filter((c) => c > centre + 0.5).sort((a, b) => a - b)
      : centres.filter((c) => c < centre - 0.5).sort((a, b) => b - a)
  const target = ahead[0]
  return target === undefined ? null : target - centre
}

export const listKeyboardCoordinates: KeyboardCoordinateGetter = (event, { currentCoordinates, context }) => {
  const direction = event.code === 'ArrowDown' ? 'down' : event.code === 'ArrowUp' ? 'up' : null
  if (direction === null || context.collisionRect === null) return undefined
  event.preventDefault()
  const dy = stepToNeighbour([...context.droppableRects.values()], context.collisionRect, direction)
  return dy === null ? currentCoordinates : { x: currentCoordinates.x, y: currentCoordinates.y + dy }
}
