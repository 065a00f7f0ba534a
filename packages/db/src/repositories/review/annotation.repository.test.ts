// Drawings on both engines: batches on one version take turns (nothing lost, nothing
// resurrected, the revision strictly grows), frames are kept exactly, tombstones hold.
import { randomUUID as newId } from 'node:crypto'
import type { DrawingActor, DrawingOp } from '@aipipeline/domain'
import { describeEachEngine } from '@aipipeline/testing'
import { expect, it } from 'vitest'
import { createAnnotationRepository } from './annotation.repository'

const alice: DrawingActor<unknown> = { id: 'alice', name: 'Alice', mayEditOthers: () => false }
const bob: DrawingActor<unknown> = { id: 'bob', name: 'Bob', mayEditOthers: () => true }
const pen = (x: number) => ({ tool: 'pen', points: [[x, 0.5]], color: '#ff0000', width: 0.004 })

describeEachEngine('annotation repository', (db) => {
  const repo = () => createAnnotationRepository(db().handle)

  it('stores a drawing on its exact frame and lists it with the version revision', async () => {
    const version = newId()
    const id = newId()
    const r = await repo().apply(version, [{ op: 'add', id, frame: 1011, shape: pen(0.25) }], alice)
    expect(r.revision).toBe(1)
    expect(r.outcomes[0]).toMatchObject({ outcome: 'applied', drawing: { id, frame: 1011, authorName: 'Alice' } })
    const listed = await repo().list(version)
    expect(listed.revision).toBe(1)
    expect(listed.items).toEqual([expect.objectContaining({ id, frame: 1011, shape: pen(0.25), revision: 1 })])
  })

  it('runs concurrent batches one after another: nothing lost, nothing resurrected, revisions strictly grow', async () => {
    const version = newId()
    const shared = newId()
    await repo().apply(version, [{ op: 'add', id: shared, frame: 0, shape: pen(0.1) }], alice)
    const aliceIds = Array.from({ length: 8 }, () => newId())
    const bobIds = Array.from({ length: 8 }, () => newId())
    const batches: [DrawingActor<unknown>, DrawingOp<unknown>[]][] = [
      ...aliceIds.map((id, i): [DrawingActor<unknown>, DrawingOp<unknown>[]] => [
        alice,
        [
          { op: 'add', id, frame: i, shape: pen(0.2) },
          { op: 'update', id: shared, shape: pen(i / 10) },
        ],
      ]),
      ...bobIds.map((id, i): [DrawingActor<unknown>, DrawingOp<unknown>[]] => [
        bob,
        i === 3 ? [{ op: 'remove', id: shared }] : [{ op: 'add', id, frame: 100 + i, shape: pen(0.3) }],
      ]),
    ]
    const results = await Promise.all(batches.map(([actor, ops]) => repo().apply(version, ops, actor)))
    const revisions = results.map((r) => r.revision).sort((a, b) => a - b)
    expect(new Set(revisions).size).toBe(revisions.length)
    expect(Math.max(...revisions)).toBe(1 + batches.length)
    const listed = await repo().list(version)
    const ids = new Set(listed.items.map((d) => d.id))
    expect(ids.has(shared)).toBe(false)
    for (const id of [...aliceIds, ...bobIds.filter((_, i) => i !== 3)]) expect(ids.has(id)).toBe(true)
    expect(listed.revision).toBe(1 + batches.length)
  })

  it('ignores a late add of an id removed before it was known', async () => {
    const version = newId()
    const id = newId()
    const removed = await repo().apply(version, [{ op: 'remove', id }], alice)
    expect(removed.outcomes[0]).toMatchObject({ outcome: 'ignored', reason: 'unknown' })
    const late = await repo().apply(version, [{ op: 'add', id, frame: 4, shape: pen(0.5) }], alice)
    expect(late.outcomes[0]).toMatchObject({ outcome: 'ignored', reason: 'removed' })
    expect(late.revision).toBe(removed.revision)
    expect((await repo().list(version)).items).toEqual([])
  })

  it('keeps drawings of one version apart from another with the same id', async () => {
    const id = newId()
    const [a, b] = [newId(), newId()]
    await repo().apply(a, [{ op: 'add', id, frame: 1, shape: pen(0.1) }], alice)
    await repo().apply(b, [{ op: 'remove', id }], alice)
    expect((await repo().list(a)).items).toHaveLength(1)
  })
})
