import { describeEachEngine } from '@aipipeline/testing'
import { expect, it } from 'vitest'
import { createAgentsHarness, MANAGER } from '../../../test-kits/agents/agents-harness.fixture'
import { scriptedAnalyst, shot } from '../../../test-kits/agents/scripted-analyst.fixture'
import { createScriptedLanguageModel, lastPrompt } from '../../../test-kits/agents/scripted-language-model.fixture'
import { ModelUnavailable } from './language-model.port'

const SCRIPT = 'INT. DINER - NIGHT\n\nRain on the glass.\n\nMARA\nBurn it.\n\nEXT. PIER - DAWN\n\nGulls.\n'
const analyst = scriptedAnalyst({
  shots: { 1: [shot({ size: 'wide', description: 'Diner' })], 2: [shot({ size: 'wide', description: 'Pier' })] },
  characters: [{ name: 'MARA', description: 'Keeper', triggerWords: ['oilskin'] }],
  locations: [],
})

describeEachEngine('agent runner', (testDb) => {
  it('repairs an answer that does not match the schema by re-asking once with the validation error', async () => {
    const llm = createScriptedLanguageModel(analyst)
    llm.queue.push({
      object: {
        scenes: [{ sceneNumber: 1, summary: 'x', shots: [{ size: 'gigantic' }] }],
        characters: [],
        locations: [],
      },
    })
    const h = createAgentsHarness(testDb().handle.db, llm)
    const run = await h.service.startScriptAnalysis(MANAGER, { projectId: 'p1', text: SCRIPT })
    expect(await h.runJob(run.id)).toBeUndefined()
    const detail = await h.service.getRun(run.id, MANAGER)
    const chunk = detail.steps.find((s) => s.key === 'analyse-chunk:0')
    expect(chunk).toMatchObject({ status: 'completed', attempt: 1, usage: { calls: 2, repairs: 1 } })
    const repair = llm.calls[1]
    expect(repair === undefined ? '' : lastPrompt(repair)).toContain('did not match the required JSON schema')
    expect(llm.calls[1]?.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user'])
    expect(detail.status).toBe('completed')
  })

  it('fails the step after a second invalid answer, keeps the failure in the envelope, and a retry re-runs only that step', async () => {
    const llm = createScriptedLanguageModel(analyst)
    llm.queue.push({ invalidJson: '{"scenes": [' }, { invalidJson: '{"scenes": [' })
    const h = createAgentsHarness(testDb().handle.db, llm)
    const run = await h.service.startScriptAnalysis(MANAGER, { projectId: 'p1', text: SCRIPT })
    expect((await h.runJob(run.id))?.message).toContain('after one repair')
    const failed = await h.service.getRun(run.id, MANAGER)
    const chunk = failed.steps.find((s) => s.key === 'analyse-chunk:0')
    expect(failed.status).toBe('failed')
    expect(chunk).toMatchObject({
      status: 'failed',
      error: { code: 'invalid_output', retryable: true },
      usage: { calls: 2, repairs: 1 },
    })
    const failedCost = chunk?.usage.costMicros ?? 0
    expect(failedCost).toBeGreaterThan(0)

    await h.service.retryStep(run.id, chunk?.id ?? '', MANAGER)
    expect(await h.runJob(run.id)).toBeUndefined()
    const retried = await h.service.getRun(run.id, MANAGER)
    expect(retried.status).toBe('completed')
    expect(retried.steps.map((s) => [s.key, s.attempt, s.status])).toEqual([
      ['parse', 1, 'completed'],
      ['chunk', 1, 'completed'],
      ['analyse-chunk:0', 2, 'completed'],
      ['merge', 1, 'completed'],
    ])
    // The failed attempt's spend stays on the envelope.
    expect(retried.steps[2]?.usage.costMicros).toBeGreaterThan(failedCost)
    expect(llm.calls).toHaveLength(3)
  })

  it('refuses to retry a step that did not fail, or a run still queued', async () => {
    const llm = createScriptedLanguageModel(() => ({ error: new ModelUnavailable('no deployment configured') }))
    const h = createAgentsHarness(testDb().handle.db, llm)
    const run = await h.service.startScriptAnalysis(MANAGER, { projectId: 'p1', text: SCRIPT })
    await h.runJob(run.id)
    const detail = await h.service.getRun(run.id, MANAGER)
    expect(detail.error).toMatchObject({ code: 'model_unavailable', retryable: true })
    const parse = detail.steps.find((s) => s.key === 'parse')
    await expect(h.service.retryStep(run.id, parse?.id ?? '', MANAGER)).rejects.toThrow(/only a failed step/)
    const failed = detail.steps.find((s) => s.status === 'failed')
    await h.service.retryStep(run.id, failed?.id ?? '', MANAGER)
    await expect(h.service.retryStep(run.id, failed?.id ?? '', MANAGER)).rejects.toThrow(/still queued or running/)
  })

  it('reports progress and every step change as events for the project and job rooms', async () => {
    const llm = createScriptedLanguageModel(analyst)
    const h = createAgentsHarness(testDb().handle.db, llm)
    const run = await h.service.startScriptAnalysis(MANAGER, { projectId: 'p1', text: SCRIPT })
    await h.runJob(run.id)
    const statuses = h.events.runs.map((r) => r.status)
    expect(statuses[0]).toBe('queued')
    expect(statuses).toContain('running')
    expect(statuses.at(-1)).toBe('completed')
    const progress = h.events.runs.map((r) => r.progress)
    expect([...progress].sort((a, b) => a - b)).toEqual(progress)
    expect(h.events.steps.map((s) => `${s.key}:${s.status}`)).toEqual([
      'parse:running',
      'parse:completed',
      'chunk:running',
      'chunk:completed',
      'analyse-chunk:0:running',
      'analyse-chunk:0:completed',
      'merge:running',
      'merge:completed',
    ])
  })
})
