import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  applyDrawingOps,
  type DrawingActor,
  type DrawingOp,
  type DrawingSet,
  drawingsNearFrame,
  emptyDrawingSet,
} from './annotation-ops'

type Shape = { n: number }
const artist: DrawingActor<Shape> = { id: 'artist', name: 'Artist', mayEditOthers: () => false }
const supervisor: DrawingActor<Shape> = { id: 'super', name: 'Supervisor', mayEditOthers: () => true }

function run(ops: DrawingOp<Shape>[], actor = artist, set: DrawingSet<Shape> = emptyDrawingSet()) {
  return applyDrawingOps(set, ops, actor, 0)
}

describe('drawing ops', () => {
  it('adds a new id, ignores a second add of it, and keeps the frame exactly', () => {
    const r = run([
      { op: 'add', id: 'a', frame: 11, shape: { n: 1 } },
      { op: 'add', id: 'a', frame: 12, shape: { n: 2 } },
    ])
    expect(r.outcomes.map((o) => [o.outcome, o.reason])).toEqual([
      ['applied', null],
      ['ignored', 'already added'],
    ])
    expect(r.set.live.get('a')).toMatchObject({ frame: 11, shape: { n: 1 }, authorId: 'artist', revision: 1 })
    expect(r.revision).toBe(1)
  })

  it('never brings a removed drawing back by a late update or add', () => {
    const r = run([
      { op: 'add', id: 'a', frame: 0, shape: { n: 1 } },
      { op: 'remove', id: 'a' },
      { op: 'update', id: 'a', shape: { n: 2 } },
      { op: 'add', id: 'a', frame: 0, shape: { n: 3 } },
      { op: 'remove', id: 'a' },
    ])
    expect(r.outcomes.map((o) => o.reason)).toEqual([null, null, 'removed', 'removed', 'removed'])
    expect(r.set.live.size).toBe(0)
    expect(r.set.removed.has('a')).toBe(true)
  })

  it('tombstones an unknown id on remove, so its add arriving later is ignored', () => {
    const first = run([{ op: 'remove', id: 'late' }])
    expect(first.outcomes[0]).toMatchObject({ outcome: 'ignored', reason: 'unknown' })
    expect(first.newlyRemoved).toEqual(['late'])
    const second = applyDrawingOps(first.set, [{ op: 'add', id: 'late', frame: 3, shape: { n: 1 } }], artist, 1)
    expect(second.outcomes[0]).toMatchObject({ outcome: 'ignored', reason: 'removed' })
    expect(second.revision).toBe(1)
  })

  it("lets only the author or staff who may edit change someone's drawing", () => {
    const drawn = run([{ op: 'add', id: 'a', frame: 0, shape: { n: 1 } }], supervisor)
    const byArtist = applyDrawingOps(
      drawn.set,
      [
        { op: 'update', id: 'a', shape: { n: 9 } },
        { op: 'remove', id: 'a' },
      ],
      artist,
      1,
    )
    expect(byArtist.outcomes.map((o) => o.reason)).toEqual(['not yours', 'not yours'])
    expect(byArtist.revision).toBe(1)
    const mine = run([{ op: 'add', id: 'b', frame: 0, shape: { n: 1 } }], artist)
    const bySupervisor = applyDrawingOps(mine.set, [{ op: 'update', id: 'b', shape: { n: 2 } }], supervisor, 1)
    expect(bySupervisor.set.live.get('b')).toMatchObject({ shape: { n: 2 }, revision: 2, authorId: 'artist' })
  })

  it('ends any interleaving of two clients with no removed id alive, every surviving add present, and the state its accepted order gives', () => {
    const ids = ['a', 'b', 'c', 'd', 'e']
    const op = fc.oneof(
      fc.record({
        op: fc.constant('add' as const),
        id: fc.constantFrom(...ids),
        frame: fc.nat(5),
        shape: fc.record({ n: fc.nat(9) }),
      }),
      fc.record({
        op: fc.constant('update' as const),
        id: fc.constantFrom(...ids),
        shape: fc.record({ n: fc.nat(9) }),
      }),
      fc.record({ op: fc.constant('remove' as const), id: fc.constantFrom(...ids) }),
    )
    const stream = fc.array(fc.array(op, { minLength: 1, maxLength: 4 }), { maxLength: 6 })
    fc.assert(
      fc.property(stream, stream, fc.array(fc.boolean(), { maxLength: 12 }), (mine, theirs, picks) => {
        // Batches from two clients reach the server in an order chosen by the network.
        const order: { actor: DrawingActor<Shape>; batch: DrawingOp<Shape>[] }[] = []
        const a = [...mine]
        const b = [...theirs]
        for (let i = 0; a.length + b.length > 0; i++) {
          const fromA = b.length === 0 || (a.length > 0 && (picks[i] ?? true))
          const batch = fromA ? a.shift() : b.shift()
          if (batch) order.push({ actor: fromA ? artist : supervisor, batch })
        }
        let set = emptyDrawingSet<Shape>()
        let revision = 0
        const everRemoved = new Set<string>()
        const added = new Set<string>()
        const accepted: { actor: DrawingActor<Shape>; op: DrawingOp<Shape> }[] = []
        for (const { actor, batch } of order) {
          const r = applyDrawingOps(set, batch, actor, revision)
          expect(r.revision).toBeGreaterThanOrEqual(revision)
          set = r.set
          revision = r.revision
          for (const id of r.newlyRemoved) everRemoved.add(id)
          r.outcomes.forEach((o, i) => {
            const original = batch[i]
            if (original === undefined) return
            if (o.outcome === 'applied' && o.op === 'add') added.add(o.id)
            if (o.outcome === 'applied' || r.newlyRemoved.includes(o.id)) accepted.push({ actor, op: original })
          })
        }
        for (const id of everRemoved) expect(set.live.has(id)).toBe(false)
        for (const id of added) if (!everRemoved.has(id)) expect(set.live.has(id)).toBe(true)
        let replay = emptyDrawingSet<Shape>()
        for (const { actor, op } of accepted) replay = applyDrawingOps(replay, [op], actor, 0).set
        const view = (s: DrawingSet<Shape>) =>
          [...s.live.values()].map((d) => [d.id, d.frame, d.shape.n, d.authorId]).sort()
        expect(view(replay)).toEqual(view(set))
        expect([...replay.removed].sort()).toEqual([...set.removed].sort())
      }),
    )
  })
})

describe('drawings near a frame', () => {
  const drawings = [0, 1, 2, 3, 5].map((frame) => ({ id: `f${frame}`, frame }))

  it('shows only the frame’s own drawings without ghosting', () => {
    expect(drawingsNearFrame(drawings, 2, null)).toEqual({ current: [{ id: 'f2', frame: 2 }], ghosts: [] })
  })

  it('adds neighbours within the ghosting window with their distance', () => {
    const { current, ghosts } = drawingsNearFrame(drawings, 2, { before: 1, after: 3 })
    expect(current.map((d) => d.id)).toEqual(['f2'])
    expect(ghosts.map((g) => [g.drawing.id, g.distance])).toEqual([
      ['f1', -1],
      ['f3', 1],
      ['f5', 3],
    ])
  })
})
