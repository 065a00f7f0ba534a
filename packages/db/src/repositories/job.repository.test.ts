import { describeEachEngine } from '@aipipeline/testing'
import { expect, it } from 'vitest'
import { isoNow, newId } from '../ids'
import { createJobRepository, type NewJob } from './job.repository'

const T0 = '2030-01-01T00:00:00.000Z'
const LATER = '2030-01-01T00:01:00.000Z'

function newJob(name: string, over: Partial<NewJob> = {}): NewJob {
  return {
    id: newId(),
    name,
    data: { n: 1 },
    priority: 0,
    runAt: T0,
    maxAttempts: 1,
    backoff: null,
    createdAt: T0,
    ...over,
  }
}

describeEachEngine('job repository', (testDb) => {
  it('lets exactly one of many concurrent claimers take a job', async () => {
    const jobs = createJobRepository(testDb().handle.db)
    await jobs.insertIfAbsent(newJob('race'))
    const claims = await Promise.all(
      Array.from({ length: 6 }, (_, i) => jobs.claimNext('race', `w${i}`, LATER, '2030-01-01T00:02:00.000Z')),
    )
    expect(claims.filter((c) => c !== undefined)).toHaveLength(1)
  })

  it('claims the highest priority first, then the earliest run time', async () => {
    const jobs = createJobRepository(testDb().handle.db)
    const low = newJob('prio', { priority: 1 })
    const highLate = newJob('prio', { priority: 5, runAt: '2030-01-01T00:00:30.000Z' })
    const highEarly = newJob('prio', { priority: 5 })
    for (const j of [low, highLate, highEarly]) await jobs.insertIfAbsent(j)
    const order: string[] = []
    for (let i = 0; i < 3; i++) {
      const c = await jobs.claimNext('prio', 'w', LATER, '2030-01-01T00:02:00.000Z')
      if (c) order.push(c.id)
    }
    expect(order).toEqual([highEarly.id, highLate.id, low.id])
  })

  it('returns the existing job when an id is enqueued twice', async () => {
    const jobs = createJobRepository(testDb().handle.db)
    const first = await jobs.insertIfAbsent(newJob('dup', { id: 'dup-1', data: { v: 1 } }))
    const second = await jobs.insertIfAbsent(newJob('dup', { id: 'dup-1', data: { v: 2 } }))
    expect([first.created, second.created]).toEqual([true, false])
    expect(second.job.data).toEqual({ v: 1 })
  })

  it('lets only the lock holder complete, and re-offers a job whose lock expired', async () => {
    const jobs = createJobRepository(testDb().handle.db)
    const job = newJob('lock')
    await jobs.insertIfAbsent(job)
    await jobs.claimNext('lock', 'dead', T0, '2030-01-01T00:00:10.000Z')
    expect(await jobs.claimNext('lock', 'other', '2030-01-01T00:00:05.000Z', LATER)).toBeUndefined()
    const taken = await jobs.claimNext('lock', 'alive', '2030-01-01T00:00:11.000Z', LATER)
    expect(taken?.id).toBe(job.id)
    expect(await jobs.complete(job.id, 'dead', 'zombie', isoNow())).toBe(false)
    expect(await jobs.complete(job.id, 'alive', 'ok', isoNow())).toBe(true)
    expect(await jobs.findById(job.id)).toMatchObject({ state: 'completed', result: 'ok', lockedBy: null })
  })

  it('advances a schedule tick for one caller only', async () => {
    const jobs = createJobRepository(testDb().handle.db)
    await jobs.upsertSchedule(
      { id: 'nightly', cron: '0 0 * * *', timezone: null, name: 'n', data: {}, opts: {}, nextRunAt: T0 },
      T0,
    )
    const wins = await Promise.all([1, 2, 3].map(() => jobs.advanceSchedule('nightly', T0, LATER)))
    expect(wins.filter(Boolean)).toHaveLength(1)
    expect(await jobs.dueSchedules(T0)).toHaveLength(0)
  })
})
