import { describeEachEngine } from '@aipipeline/testing'
import { expect, it } from 'vitest'
import { newId } from '../../ids'
import { createAgentRunRepository } from './agent-run.repository'
import { createAgentStepRepository, EMPTY_STEP_USAGE } from './agent-step.repository'

const T0 = '2030-01-01T00:00:00.000Z'
const T1 = '2030-01-01T00:01:00.000Z'

describeEachEngine('agent run and step repositories', (testDb) => {
  const repos = () => ({
    runs: createAgentRunRepository(testDb().handle.db),
    steps: createAgentStepRepository(testDb().handle.db),
  })
  const newRun = (projectId = 'p1', createdAt = T0) => ({
    id: newId(),
    projectId,
    pipeline: 'script-analysis',
    label: 'draft.fountain',
    input: { text: 'INT. HOUSE - DAY', n: 1 },
    createdBy: 'u1',
    createdAt,
  })

  it('stores a run with its JSON input and lists a project’s runs newest first', async () => {
    const { runs } = repos()
    const older = await runs.insert(newRun('p-list', T0))
    const newer = await runs.insert(newRun('p-list', T1))
    await runs.insert(newRun('p-other', T1))
    const listed = await runs.list({ projectId: 'p-list' })
    expect(listed.map((r) => r.id)).toEqual([newer.id, older.id])
    expect(listed[0]?.input).toEqual({ text: 'INT. HOUSE - DAY', n: 1 })
    expect(listed[0]?.status).toBe('queued')
  })

  it('records progress, output and errors, and requeues only a finished run', async () => {
    const { runs } = repos()
    const run = await runs.insert(newRun())
    expect(await runs.requeue(run.id, T1)).toBe(false)
    await runs.update(
      run.id,
      { status: 'failed', error: { code: 'model', message: 'down', retryable: true }, progress: 40 },
      T1,
    )
    const failed = await runs.get(run.id)
    expect(failed).toMatchObject({ status: 'failed', progress: 40, error: { code: 'model' } })
    expect(await runs.requeue(run.id, T1)).toBe(true)
    expect(await runs.get(run.id)).toMatchObject({ status: 'queued', error: null })
  })

  it('accepts one review decision per completed run', async () => {
    const { runs } = repos()
    const run = await runs.insert(newRun())
    expect(await runs.decide(run.id, 'applied', 'u2', T1)).toBe(false)
    await runs.update(run.id, { status: 'completed', output: { ok: true } }, T1)
    const decisions = await Promise.all([
      runs.decide(run.id, 'applied', 'u2', T1),
      runs.decide(run.id, 'applied', 'u3', T1),
    ])
    expect(decisions.filter(Boolean)).toHaveLength(1)
    expect((await runs.get(run.id))?.decision).toBe('applied')
  })

  it('keeps one envelope per step key, counting attempts and remembering the failure until a retry succeeds', async () => {
    const { runs, steps } = repos()
    const run = await runs.insert(newRun())
    const first = await steps.start({
      id: newId(),
      runId: run.id,
      parentId: null,
      key: 'parse',
      agent: 'parser',
      input: { a: 1 },
      at: T0,
    })
    await steps.complete(first.id, { scenes: 2 }, { usage: EMPTY_STEP_USAGE, costMicros: 0, at: T0 })
    const chunk = await steps.start({
      id: newId(),
      runId: run.id,
      parentId: first.id,
      key: 'chunk:0',
      agent: 'analyst',
      input: { c: 0 },
      at: T0,
    })
    const usage = { model: 'm', inputTokens: 10, outputTokens: 5, calls: 2, repairs: 1 }
    await steps.fail(
      chunk.id,
      { code: 'invalid_output', message: 'bad', retryable: true },
      { usage, costMicros: 1234, at: T0 },
    )
    expect((await steps.byKey(run.id, 'chunk:0'))?.error).toMatchObject({ code: 'invalid_output' })
    const again = await steps.start({
      id: newId(),
      runId: run.id,
      parentId: first.id,
      key: 'chunk:0',
      agent: 'analyst',
      input: { c: 0 },
      at: T1,
    })
    expect(again).toMatchObject({ id: chunk.id, attempt: 2, status: 'running', costMicros: 1234 })
    await steps.complete(chunk.id, { shots: [] }, { usage, costMicros: 2468, at: T1 })
    const listed = await steps.listForRun(run.id)
    expect(listed.map((s) => [s.key, s.status, s.attempt, s.parentId])).toEqual([
      ['parse', 'completed', 1, null],
      ['chunk:0', 'completed', 2, first.id],
    ])
    expect(listed[1]).toMatchObject({ costMicros: 2468, usage, error: null, output: { shots: [] } })
  })

  it('fails steps left running by a dead worker', async () => {
    const { runs, steps } = repos()
    const run = await runs.insert(newRun())
    await steps.start({ id: newId(), runId: run.id, parentId: null, key: 'parse', agent: 'parser', input: {}, at: T0 })
    await steps.failRunning(run.id, { code: 'interrupted', message: 'worker stopped', retryable: true }, T1)
    expect((await steps.byKey(run.id, 'parse'))?.status).toBe('failed')
  })
})
