import { describeEachEngine, newRenderJob } from '@aipipeline/testing'
import { expect, it } from 'vitest'
import { newId } from '../ids'
import { createRenderGroupRepository } from './render-group.repository'

const group = () => ({
  id: newId(),
  projectId: null,
  templateId: null,
  name: 'Still',
  variations: 2,
  axes: [{ name: 'cfg', values: [4, 7] }],
  submittedBy: null,
})

describeEachEngine('render group repository', (db) => {
  it('stores a group with its jobs and each job’s variation, seed and sweep values', async () => {
    const repo = createRenderGroupRepository(db().handle.db)
    const g = group()
    const values = [0, 1].flatMap((variation) =>
      [4, 7].map((cfg) => ({ variation, seed: 10 + variation, sweep: { cfg } })),
    )
    const jobs = await repo.insertGroup(
      g,
      values.map(() => newRenderJob()),
      values,
    )
    expect(jobs.every((j) => j.groupId === g.id)).toBe(true)
    const stored = await repo.get(g.id)
    expect(stored?.axes).toEqual(g.axes)
    expect(jobs.map((j) => stored?.jobValues[j.id])).toEqual(values)
    expect((await repo.ofGroup(g.id)).map((j) => j.id).sort()).toEqual(jobs.map((j) => j.id).sort())
  })

  it('stores nothing when one job of a large group cannot be written', async () => {
    const repo = createRenderGroupRepository(db().handle.db)
    const g = group()
    const jobs = Array.from({ length: 160 }, (_, i) =>
      // A prompt the NOT NULL column refuses, deep in the third insert chunk.
      i === 130 ? { ...newRenderJob(), promptJson: null as unknown as string } : newRenderJob(),
    )
    const values = jobs.map((_, i) => ({ variation: i % 4, seed: i, sweep: {} }))
    await expect(repo.insertGroup(g, jobs, values)).rejects.toThrow()
    expect(await repo.get(g.id)).toBeNull()
    expect(await repo.ofGroup(g.id)).toEqual([])
  })
})
