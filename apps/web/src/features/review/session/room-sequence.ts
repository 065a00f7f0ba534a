// The order in which a review room's numbered events are applied. The server numbers every
// change with the room's `seq` (+1 per change); socket.io may still hand them over out of order
// across reconnects and adapters, so events wait here until every earlier one has arrived.
// A full state (join, sync, `review:state`) resets the count: what it already covers is dropped.

export interface Sequenced {
  seq: number
}

export interface SequenceState<E extends Sequenced> {
  /** The seq of the last change applied (the room's state seq after it). */
  applied: number
  /** Events that came early, by seq, waiting for the ones before them. */
  waiting: ReadonlyMap<number, E>
}

export function startSequence<E extends Sequenced>(applied: number): SequenceState<E> {
  return { applied, waiting: new Map() }
}

/** Takes the events that are now next in line, in order, from `waiting`. */
function drain<E extends Sequenced>(applied: number, waiting: Map<number, E>): { state: SequenceState<E>; ready: E[] } {
  const ready: E[] = []
  let next = waiting.get(applied + 1)
  while (next !== undefined) {
    waiting.delete(applied + 1)
    ready.push(next)
    applied += 1
    next = waiting.get(applied + 1)
  }
  return { state: { applied, waiting }, ready }
}

/**
 * One arriving event: returns the events to apply now, in seq order (possibly none, possibly
 * several when it fills a gap). Old and duplicate events are dropped.
 */
export function receive<E extends Sequenced>(
  state: SequenceState<E>,
  event: E,
): { state: SequenceState<E>; ready: E[] } {
  if (event.seq <= state.applied || state.waiting.has(event.seq)) return { state, ready: [] }
  const waiting = new Map(state.waiting)
  waiting.set(event.seq, event)
  return drain(state.applied, waiting)
}

/**
 * A full state at `seq` arrived: everything up to it is covered. Returns the waiting events
 * after it that can now be applied on top.
 */
export function resetTo<E extends Sequenced>(
  state: SequenceState<E>,
  seq: number,
): { state: SequenceState<E>; ready: E[] } {
  const waiting = new Map([...state.waiting].filter(([s]) => s > seq))
  return drain(seq, waiting)
}

/** Keeps `event` until a full state says where the room is (events that beat the join's answer). */
export function hold<E extends Sequenced>(state: SequenceState<E>, event: E): SequenceState<E> {
  const waiting = new Map(state.waiting)
  waiting.set(event.seq, event)
  return { applied: state.applied, waiting }
}

/** Whether some event is waiting for an earlier one that has not come (a gap). */
export function hasGap<E extends Sequenced>(state: SequenceState<E>): boolean {
  return state.waiting.size > 0
}
