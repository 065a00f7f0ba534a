import type { RenderGroupJob } from '@aipipeline/contracts'
import { describe, expect, it } from 'vitest'
import { canRender, contactSheet, jobCount, parseSweepValues, renderableTasks } from './render-plan'

const job = (over: Partial<RenderGroupJob>): RenderGroupJob => ({
  id: 'j',
  name: 'j',
  state: 'succeeded',
  progress: 1,
  shotId: 's1',
  shotCode: 'SH010',
  taskId: 't1',
  variation: 0,
  seed: 1,
  sweep: {},
  error: null,
  outputs: [],
  ...over,
})

describe('render plan', () => {
  it('lets staff render and hides the button from clients and vendors', () => {
    expect(canRender('artist')).toBe(true)
    expect(canRender('client')).toBe(false)
    expect(canRender('vendor')).toBe(false)
  })

  it('offers an artist only the tasks assigned to them; a manager every task of the type', () => {
    const shots = [
      { id: 's1', code: 'SH010', tasks: [{ id: 't1', taskTypeId: 'key', assigneeIds: ['me'] }] },
      { id: 's2', code: 'SH020', tasks: [{ id: 't2', taskTypeId: 'key', assigneeIds: [] }] },
    ]
    expect(renderableTasks(shots, 'key', { role: 'artist', userId: 'me' }).map((t) => t.taskId)).toEqual(['t1'])
    expect(renderableTasks(shots, 'key', { role: 'manager', userId: 'me' })).toHaveLength(2)
  })

  it('counts tasks × variations × sweep combinations', () => {
    expect(jobCount(12, 4, {})).toBe(48)
    expect(jobCount(2, 2, { cfg: [4, 7], steps: [10, 20, 30] })).toBe(24)
  })

  it('types sweep values and names the first that does not fit', () => {
    expect(parseSweepValues('4, 6.5 ,8', 'float')).toEqual({ ok: true, values: [4, 6.5, 8] })
    expect(parseSweepValues('10, 2.5', 'int')).toEqual({ ok: false, bad: '2.5' })
    expect(parseSweepValues('-1', 'seed')).toEqual({ ok: false, bad: '-1' })
  })

  it('lays out the first sweep axis across and shots × variations down', () => {
    const jobs = [0, 1].flatMap((variation) =>
      [4, 7].map((cfg) => job({ id: `v${variation}c${cfg}`, variation, sweep: { cfg } })),
    )
    const sheet = contactSheet({ axes: [{ name: 'cfg', values: [4, 7] }], variations: 2, jobs }, (n) => `v${n}`)
    expect(sheet.columns).toEqual(['4', '7'])
    expect(sheet.rows.map((r) => [r.label, r.cells.map((c) => c?.id)])).toEqual([
      ['v1', ['v0c4', 'v0c7']],
      ['v2', ['v1c4', 'v1c7']],
    ])
  })

  it('puts variations across when there is no sweep', () => {
    const jobs = [job({ id: 'a', variation: 0 }), job({ id: 'b', variation: 1 })]
    const sheet = contactSheet({ axes: [], variations: 2, jobs }, (n) => `v${n}`)
    expect(sheet.columns).toEqual(['v1', 'v2'])
    expect(sheet.rows).toHaveLength(1)
  })
})
