import { PromptEnhancementResult } from '@aipipeline/contracts'
import { describeEachEngine } from '@aipipeline/testing'
import { expect, it } from 'vitest'
import { createAgentsHarness, MANAGER } from '../../../test-kits/agents/agents-harness.fixture'
import { scriptedAnalyst, shot } from '../../../test-kits/agents/scripted-analyst.fixture'
import { createScriptedLanguageModel } from '../../../test-kits/agents/scripted-language-model.fixture'

const SCRIPT = 'INT. DINER - NIGHT #4#\n\nRain on the glass.\n\nMARA\nBurn it.\n\nEXT. PIER - DAWN\n\nGulls.\n'
const analyst = scriptedAnalyst({
  shots: {
    1: [
      shot({ size: 'wide', description: 'Diner in rain' }),
      shot({ size: 'close-up', description: 'Mara', characters: ['MARA'], dialogue: 'Burn it.' }),
    ],
    2: [shot({ size: 'extreme-wide', description: 'Pier at dawn', movement: 'crane-up' })],
  },
  characters: [{ name: 'MARA', description: 'Keeper, forties', triggerWords: ['oilskin'] }],
  locations: [{ name: 'DINER', description: 'Chrome and neon' }],
})

describeEachEngine('reviewing and applying a script analysis', (testDb) => {
  async function analysed() {
    const h = createAgentsHarness(testDb().handle.db, createScriptedLanguageModel(analyst))
    const run = await h.service.startScriptAnalysis(MANAGER, {
      projectId: 'p1',
      fileName: 'diner.fountain',
      text: SCRIPT,
    })
    await h.runJob(run.id)
    return { h, runId: run.id }
  }

  it('proposes a sequence per scene, shots SH010…, characters and locations, all new for an empty project', async () => {
    const { h, runId } = await analysed()
    const review = await h.service.review(runId, MANAGER)
    expect(review.items.map((i) => [i.key, i.action])).toEqual([
      ['sequence:SC004', 'create'],
      ['shot:SC004/SH010', 'create'],
      ['shot:SC004/SH020', 'create'],
      ['sequence:SC002', 'create'],
      ['shot:SC002/SH010', 'create'],
      ['character:MARA', 'create'],
      ['asset:DINER', 'create'],
      ['asset:PIER', 'create'],
    ])
    const closeUp = review.items.find((i) => i.key === 'shot:SC004/SH020')
    expect(closeUp?.proposed).toMatchObject({
      description: 'Mara\n“Burn it.”',
      cpeSettings: {
        shot: { size: 'close-up' },
        lighting: { interior: true, timeOfDay: 'night' },
        content: { subject: 'MARA', setting: 'diner' },
      },
    })
  })

  it('creates only the chosen items, skips shots whose sequence is missing, and shows them unchanged afterwards', async () => {
    const { h, runId } = await analysed()
    const result = await h.service.apply(runId, MANAGER, [
      'sequence:SC004',
      'shot:SC004/SH010',
      'shot:SC002/SH010',
      'character:MARA',
    ])
    expect(result.created).toEqual({ sequences: 1, shots: 1, characters: 1, assets: 0 })
    expect(result.skipped).toEqual([
      'shot:SC002/SH010: its sequence sequence:SC002 is neither in the project nor chosen',
    ])
    const inv = await h.production.inventory('p1', MANAGER)
    expect(inv.sequences.map((s) => [s.code, s.name])).toEqual([['SC004', 'INT. DINER - NIGHT']])
    expect(inv.characters).toMatchObject([{ name: 'MARA', description: 'Keeper, forties', triggerWords: ['oilskin'] }])
    const again = await h.service.review(runId, MANAGER)
    const actions = Object.fromEntries(again.items.map((i) => [i.key, i.action]))
    expect(actions).toMatchObject({
      'sequence:SC004': 'unchanged',
      'shot:SC004/SH010': 'unchanged',
      'character:MARA': 'unchanged',
      'shot:SC004/SH020': 'create',
    })
    expect((await h.service.getRun(runId, MANAGER)).decision).toBe('applied')
  })

  it('proposes updates for characters the project already has, keeping their trigger words', async () => {
    const { h, runId } = await analysed()
    h.production.projects
      .get('p1')
      ?.characters.push({ id: 'c1', name: 'Mara', description: 'old', triggerWords: ['braid'] })
    const review = await h.service.review(runId, MANAGER)
    expect(review.items.find((i) => i.key === 'character:MARA')).toMatchObject({
      action: 'update',
      existingId: 'c1',
      changes: ['description', 'triggerWords'],
      proposed: { name: 'Mara', triggerWords: ['braid', 'oilskin'] },
    })
  })

  it('refuses to review a run that has not completed', async () => {
    const h = createAgentsHarness(testDb().handle.db, createScriptedLanguageModel(analyst))
    const run = await h.service.startScriptAnalysis(MANAGER, { projectId: 'p1', text: SCRIPT })
    await expect(h.service.review(run.id, MANAGER)).rejects.toThrow(/queued, not completed/)
    await expect(h.service.startScriptAnalysis(MANAGER, { projectId: 'nope', text: SCRIPT })).rejects.toThrow(
      /project "nope" not found/,
    )
  })
})

describeEachEngine('prompt enhancement', (testDb) => {
  const suggestion = {
    subject: 'MARA, a lighthouse keeper in an oilskin coat',
    action: 'lights the lamp',
    setting: 'lamp room at the top of the lighthouse',
    details: ['salt-streaked glass', 'brass fittings'],
    shot: { size: 'close-up', angle: 'low', movement: null, composition: 'rule-of-thirds' },
    look: { mood: 'tense', colourTone: null },
    changes: ['named the setting', 'added framing'],
  }

  it('returns before and after prompts, keeps the user’s choices, adds trigger words and re-validates', async () => {
    const llm = createScriptedLanguageModel(() => ({ object: suggestion }))
    const h = createAgentsHarness(testDb().handle.db, llm)
    h.production.projects.get('p1')?.shots.push({
      id: 's1',
      sequenceId: 'q1',
      code: 'SH010',
      description: 'Mara lights the lamp',
      cpeSettings: { shot: { size: 'wide' } },
    })
    const run = await h.service.startPromptEnhancement(MANAGER, {
      projectId: 'p1',
      shotId: 's1',
      description: 'Mara lights the lamp',
      characters: [{ name: 'MARA', description: 'Keeper', triggerWords: ['mara_lora'] }],
      targetModel: 'flux-dev',
    })
    expect(await h.runJob(run.id)).toBeUndefined()
    const detail = await h.service.getRun(run.id, MANAGER)
    const result = PromptEnhancementResult.parse(detail.output)
    expect(result.before.prompt).not.toContain('lighthouse')
    expect(result.after.prompt).toContain('lighthouse')
    // The CPE formatter capitalises detail phrases; the trigger word is there, case aside.
    expect(result.after.prompt.toLowerCase()).toContain('mara_lora')
    expect(result.after.cpeSettings).toMatchObject({
      shot: { size: 'wide', angle: 'low', composition: 'rule-of-thirds' },
      look: { mood: 'tense' },
    })
    expect(result.after.status).not.toBe('malformed')
    expect(result.changes).toEqual(['named the setting', 'added framing'])
    expect(detail.steps.map((s) => s.key)).toEqual(['check-before', 'enhance', 'check-after'])

    const decided = await h.service.decide(run.id, MANAGER, 'accept')
    expect(decided).toMatchObject({ applied: true, run: { decision: 'accepted' } })
    expect(await h.production.shot('p1', 's1', MANAGER)).toMatchObject({
      cpeSettings: { content: { action: 'lights the lamp' } },
    })
    await expect(h.service.decide(run.id, MANAGER, 'reject')).rejects.toThrow(/already decided/)
  })

  it('a rejected enhancement leaves the shot as it was', async () => {
    const h = createAgentsHarness(
      testDb().handle.db,
      createScriptedLanguageModel(() => ({ object: suggestion })),
    )
    h.production.projects
      .get('p1')
      ?.shots.push({ id: 's2', sequenceId: 'q1', code: 'SH020', description: 'x', cpeSettings: null })
    const run = await h.service.startPromptEnhancement(MANAGER, {
      projectId: 'p1',
      shotId: 's2',
      description: 'x',
      characters: [],
      targetModel: 'sdxl',
    })
    await h.runJob(run.id)
    expect(await h.service.decide(run.id, MANAGER, 'reject')).toMatchObject({
      applied: false,
      run: { decision: 'rejected' },
    })
    expect((await h.production.shot('p1', 's2', MANAGER))?.cpeSettings).toBeNull()
  })

  it('reports CPE settings that do not parse instead of guessing', async () => {
    const h = createAgentsHarness(
      testDb().handle.db,
      createScriptedLanguageModel(() => ({ object: suggestion })),
    )
    await expect(
      h.service.startPromptEnhancement(MANAGER, {
        projectId: 'p1',
        description: 'x',
        characters: [],
        cpeSettings: { shot: { size: 'huge' } },
        targetModel: 'sdxl',
      }),
    ).rejects.toMatchObject({ code: 'validation_failed', issues: [{ path: 'body.cpeSettings.shot.size' }] })
  })
})
