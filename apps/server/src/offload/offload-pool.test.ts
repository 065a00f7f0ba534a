// The offload pool runs TypeScript tasks on worker threads (the worker registers its own
// loader), gives back the same value as an inline run, and maps DomainErrors thrown there
// to the same class here, so HTTP answers do not depend on where the work ran.
import { PayloadTooLarge, RuleViolation, ValidationFailed } from '@aipipeline/domain'
import { afterAll, describe, expect, it } from 'vitest'
import { createOffloadPool } from './offload-pool'
import { failingTask, threadTask } from './offload-pool.test-tasks'

const pool = createOffloadPool({ threads: 1, idleTimeoutMs: 1000 })
afterAll(() => pool.close())

describe('offload pool', () => {
  it('runs a task on a worker thread with the same result as inline', async () => {
    const input = { text: 'INT. LIGHTHOUSE - NIGHT\n\nMARA\nThe lamp is out.\n' }
    const inline = await threadTask.run(input)
    const threaded = await pool.run(threadTask, input)
    expect(threaded.onWorker).toBe(true)
    expect(inline.onWorker).toBe(false)
    expect(threaded.screenplay).toEqual(inline.screenplay)
    expect(pool.completed()).toBeGreaterThanOrEqual(1)
  })

  it('runs small inputs inline and large ones on a thread', async () => {
    expect((await pool.runSized(threadTask, { text: 'x' }, false)).onWorker).toBe(false)
    expect((await pool.runSized(threadTask, { text: 'x' }, true)).onWorker).toBe(true)
  })

  it('throws the DomainError the task threw, as the same class with its details', async () => {
    const rule = await pool.run(failingTask, { code: 'rule' }).catch((e: unknown) => e)
    expect(rule).toBeInstanceOf(RuleViolation)
    expect(rule).toMatchObject({ message: 'node #3 input "x" links to #9', details: { nodeId: '3' } })
    const invalid = await pool.run(failingTask, { code: 'invalid' }).catch((e: unknown) => e)
    expect(invalid).toBeInstanceOf(ValidationFailed)
    expect(invalid).toMatchObject({ issues: [{ path: 'parameters.seed', message: 'not a number' }] })
    const large = await pool.run(failingTask, { code: 'large' }).catch((e: unknown) => e)
    expect(large).toBeInstanceOf(PayloadTooLarge)
    const crash = await pool.run(failingTask, { code: 'crash' }).catch((e: unknown) => e)
    expect(crash).toBeInstanceOf(Error)
    expect(crash).not.toBeInstanceOf(RuleViolation)
  })

  it('refuses work once closed', async () => {
    const other = createOffloadPool({ threads: 1 })
    await other.close()
    await expect(other.run(threadTask, { text: 'x' })).rejects.toThrow(/closed/)
  })
})
