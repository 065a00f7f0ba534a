// Frame-keyed drawings as ordered deltas. A version's drawings are a set of live drawings plus
// tombstones; ops apply in order and never bring a removed id back, so two reviewers drawing,
// editing and erasing at once lose nothing and resurrect nothing (Kitsu's whole-frame saves
// did both). The shape is opaque here: contracts validate it, the store keeps it as JSON.

/** A drawing that is on its frame now. */
export interface LiveDrawing<S> {
  id: string
  frame: number
  shape: S
  authorId: string
  authorName: string
  /** The version's annotation revision when this drawing last changed. */
  revision: number
}

/** A version's drawings: the live ones by id, and every id ever removed (kept forever). */
export interface DrawingSet<S> {
  live: ReadonlyMap<string, LiveDrawing<S>>
  removed: ReadonlySet<string>
}

export type DrawingOp<S> =
  | { op: 'add'; id: string; frame: number; shape: S }
  | { op: 'update'; id: string; shape: S }
  | { op: 'remove'; id: string }

/** Why an op changed nothing. */
export type DrawingIgnoredReason = 'already added' | 'removed' | 'unknown' | 'not yours'

export type DrawingOpOutcome<S> =
  | { op: DrawingOp<S>['op']; id: string; outcome: 'applied'; reason: null; drawing: LiveDrawing<S> | null }
  | { op: DrawingOp<S>['op']; id: string; outcome: 'ignored'; reason: DrawingIgnoredReason; drawing: null }

export interface DrawingActor<S> {
  id: string
  name: string
  /** Whether the actor may change (update or remove) a drawing someone else made. */
  mayEditOthers: (drawing: LiveDrawing<S>) => boolean
}

export interface DrawingBatchResult<S> {
  set: DrawingSet<S>
  outcomes: DrawingOpOutcome<S>[]
  /** The revision the changed drawings carry: `revision` + 1 when anything applied, else unchanged. */
  revision: number
  /** Ids that became tombstones in this batch (including unknown ids, so a late add is ignored). */
  newlyRemoved: string[]
}

/** An empty set of drawings. */
export function emptyDrawingSet<S>(): DrawingSet<S> {
  return { live: new Map(), removed: new Set() }
}

/**
 * Applies a batch of ops in order by one actor. `revision` is the version's revision before the
 * batch; every drawing the batch adds or updates carries the next one. Pure: the input set is
 * not changed.
 */
export function applyDrawingOps<S>(
  before: DrawingSet<S>,
  ops: readonly DrawingOp<S>[],
  actor: DrawingActor<S>,
  revision: number,
): DrawingBatchResult<S> {
  const live = new Map(before.live)
  const removed = new Set(before.removed)
  const next = revision + 1
  const outcomes: DrawingOpOutcome<S>[] = []
  const newlyRemoved: string[] = []
  const ignore = (op: DrawingOp<S>, reason: DrawingIgnoredReason) =>
    outcomes.push({ op: op.op, id: op.id, outcome: 'ignored', reason, drawing: null })
  const mayChange = (d: LiveDrawing<S>) => d.authorId === actor.id || actor.mayEditOthers(d)

  for (const op of ops) {
    const current = live.get(op.id)
    if (removed.has(op.id)) {
      ignore(op, 'removed')
      continue
    }
    switch (op.op) {
      case 'add': {
        if (current) {
          ignore(op, 'already added')
          break
        }
        const drawing = {
          id: op.id,
          frame: op.frame,
          shape: op.shape,
          authorId: actor.id,
          authorName: actor.name,
          revision: next,
        }
        live.set(op.id, drawing)
        outcomes.push({ op: 'add', id: op.id, outcome: 'applied', reason: null, drawing })
        break
      }
      case 'update': {
        if (!current) ignore(op, 'unknown')
        else if (!mayChange(current)) ignore(op, 'not yours')
        else {
          const drawing = { ...current, shape: op.shape, revision: next }
          live.set(op.id, drawing)
          outcomes.push({ op: 'update', id: op.id, outcome: 'applied', reason: null, drawing })
        }
        break
      }
      case 'remove': {
        if (current && !mayChange(current)) {
          ignore(op, 'not yours')
          break
        }
        // An unknown id is tombstoned too: its add may still be on its way and must not land.
        live.delete(op.id)
        removed.add(op.id)
        newlyRemoved.push(op.id)
        if (current) outcomes.push({ op: 'remove', id: op.id, outcome: 'applied', reason: null, drawing: null })
        else ignore(op, 'unknown')
        break
      }
    }
  }
  const changed = outcomes.some((o) => o.outcome === 'applied') || newlyRemoved.length > 0
  return { set: { live, removed }, outcomes, revision: changed ? next : revision, newlyRemoved }
}

/** The drawings that show on `frame`, and (faded) those on up to `before`/`after` neighbouring frames. */
export function drawingsNearFrame<T extends { frame: number }>(
  drawings: readonly T[],
  frame: number,
  ghosting: { before: number; after: number } | null,
): { current: T[]; ghosts: { drawing: T; distance: number }[] } {
  const current = drawings.filter((d) => d.frame === frame)
  if (ghosting === null) return { current, ghosts: [] }
  const ghosts = drawings.flatMap((d) => {
    const distance = d.frame - frame
    const near = (distance < 0 && -distance <= ghosting.before) || (distance > 0 && distance <= ghosting.after)
    return near ? [{ drawing: d, distance }] : []
  })
  return { current, ghosts }
}
