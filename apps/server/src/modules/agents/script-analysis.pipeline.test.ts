import { readFileSync } from 'node:fs'
import { ScriptAnalysis } from '@aipipeline/contracts'
import { estimateTokensHeuristic, syntheticScreenplay } from '@aipipeline/domain'
import { describeEachEngine, requireSharedFixtures } from '@aipipeline/testing'
import { expect, it } from 'vitest'
import { createAgentsHarness, MANAGER } from '../../../test-kits/agents/agents-harness.fixture'
import { askedScenes, scriptedAnalyst, shot } from '../../../test-kits/agents/scripted-analyst.fixture'
import { createScriptedLanguageModel, firstPrompt } from '../../../test-kits/agents/scripted-language-model.fixture'

const FIXTURES = new URL('../../../../../../shared/fixtures/screenplays/', import.meta.url)
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8')

if (requireSharedFixtures('script analysis of the fixture screenplays'))
  describeEachEngine('script analysis of the fixture screenplays', (testDb) => {
    async function analyse(fileName: string, analyst: ReturnType<typeof scriptedAnalyst>) {
      const llm = createScriptedLanguageModel(analyst)
      const h = createAgentsHarness(testDb().handle.db, llm)
      const run = await h.service.startScriptAnalysis(MANAGER, { projectId: 'p1', fileName, text: fixture(fileName) })
      expect(await h.runJob(run.id)).toBeUndefined()
      const detail = await h.service.getRun(run.id, MANAGER)
      return { h, llm, detail, analysis: ScriptAnalysis.parse(detail.output) }
    }

    it('breaks the radio-studio short into its two scenes, four characters and the scripted shots', async () => {
      const { analysis, detail } = await analyse(
        'fountain-tools_fdx_test_script_radio_studio.fountain',
        scriptedAnalyst({
          shots: {
            1: [
              shot({
                size: 'wide',
                description: 'The studio through the glass',
                movement: 'dolly-in',
                durationSeconds: 4,
              }),
              shot({ size: 'medium', description: 'DJ at the mic', dialogue: 'Hey everyone…', characters: ['DJ'] }),
              shot({
                size: 'medium-close-up',
                description: 'Dave at the coffee machine',
                characters: ['Dave', 'JIM (O.S.)'],
              }),
            ],
            2: [shot({ size: 'full', description: 'Kay at the shop window', characters: ['KAY'], angle: 'low' })],
          },
          characters: [
            { name: 'DJ', description: 'Bored radio host in headphones', triggerWords: ['headphones'] },
            { name: 'Dave', description: 'Producer with a mug', triggerWords: ['mug', 'cardigan'] },
            { name: 'KAY', description: 'Job hunter in a raincoat', triggerWords: ['raincoat'] },
          ],
          locations: [{ name: 'Radio studio', description: 'Small booth behind glass' }],
        }),
      )
      expect(analysis.title).toBe('FDX Test Script')
      expect(analysis.scenes.map((s) => [s.sceneNumber, s.setting, s.location, s.characters])).toEqual([
        ['1', 'INT', 'RADIO STUDIO', ['DJ', 'DAVE', 'JIM']],
        ['2', 'EXT', 'OUTSIDE THE FOOD STORE', ['KAY']],
      ])
      expect(analysis.scenes[0]?.shots.map((s) => [s.size, s.movement, s.characters])).toEqual([
        ['wide', 'dolly-in', []],
        ['medium', 'static', ['DJ']],
        ['medium-close-up', 'static', ['DAVE', 'JIM']],
      ])
      expect(analysis.characters.map((c) => [c.name, c.triggerWords])).toEqual([
        ['DJ', ['headphones']],
        ['DAVE', ['mug', 'cardigan']],
        ['JIM', []],
        ['KAY', ['raincoat']],
      ])
      expect(analysis.locations.map((l) => [l.name, l.description])).toEqual([
        ['RADIO STUDIO', 'Small booth behind glass'],
        ['OUTSIDE THE FOOD STORE', ''],
      ])
      expect(detail.steps.map((s) => [s.key, s.agent, s.status])).toEqual([
        ['parse', 'screenplay-parser', 'completed'],
        ['chunk', 'screenplay-chunker', 'completed'],
        ['analyse-chunk:0', 'scene-analyst', 'completed'],
        ['merge', 'analysis-merger', 'completed'],
      ])
      expect(detail).toMatchObject({
        status: 'completed',
        progress: 100,
        usage: { calls: 1, repairs: 0, model: 'scripted-model' },
      })
      expect(detail.usage.costMicros).toBeGreaterThan(0)
    })

    it('reads the simple script’s three scenes, including the lower-case and forced headings', async () => {
      const { analysis } = await analyse(
        'nyousefi_simple_script.fountain',
        scriptedAnalyst({
          shots: {
            1: [shot({ size: 'wide', description: 'A man alone at his desk', characters: ['MAN'] })],
            2: [shot({ size: 'extreme-wide', description: 'The house', angle: 'high' })],
            3: [shot({ size: 'insert', description: 'The card hits the table' })],
          },
          characters: [{ name: 'MAN', description: 'A writer', triggerWords: ['typewriter'] }],
          locations: [],
        }),
      )
      expect(analysis.scenes.map((s) => [s.heading, s.setting, s.location, s.timeOfDay, s.shots.length])).toEqual([
        ['INT. OFFICE - MORNING', 'INT', 'OFFICE', 'MORNING', 1],
        ['ext. house - day', 'EXT', 'HOUSE', 'DAY', 1],
        ['FORCED SCENE HEADING', null, 'FORCED SCENE HEADING', null, 1],
      ])
      expect(analysis.characters).toMatchObject([
        { name: 'MAN', description: 'A writer', aliases: ['MAN'], triggerWords: ['typewriter'] },
      ])
    })

    it('reads Adam and Eve, which has no scene heading, as one scene with its three speakers', async () => {
      const { analysis } = await analyse(
        'nyousefi_dialogue_adam_eve.fountain',
        scriptedAnalyst({
          shots: {
            1: [
              shot({
                size: 'medium',
                description: 'Adam and Eve talk',
                characters: ['ADAM', 'EVE ^'],
                angle: 'over-the-shoulder',
              }),
            ],
          },
          characters: [{ name: 'EVE (cont’d)', description: 'Confident', triggerWords: [] }],
          locations: [],
        }),
      )
      expect(analysis.scenes).toHaveLength(1)
      expect(analysis.scenes[0]).toMatchObject({ heading: 'UNTITLED SCENE', characters: ['ADAM', 'EVE', 'R2D2'] })
      expect(analysis.scenes[0]?.shots[0]).toMatchObject({ angle: 'over-the-shoulder', characters: ['ADAM', 'EVE'] })
      expect(analysis.characters.map((c) => c.name)).toEqual(['ADAM', 'EVE', 'R2D2'])
    })

    it('analyses a 110-scene feature in several chunks within the context and merges its cast without duplicates', async () => {
      const synthetic = syntheticScreenplay()
      const llm = createScriptedLanguageModel((call) => {
        const upper = firstPrompt(call)
        const cues = [...upper.matchAll(/^([A-Z][A-Z. ]+(?: \([^)]*\))?)$/gm)].map((m) => m[1] ?? '')
        return {
          object: {
            scenes: askedScenes(call).map((n) => ({
              sceneNumber: n,
              summary: `Scene ${n}`,
              shots: [shot({ size: 'medium', description: `Scene ${n}`, characters: cues.slice(0, 1) })],
            })),
            characters: cues.map((name) => ({ name, description: `${name} as cued`, triggerWords: [] })),
            locations: [],
          },
        }
      })
      const h = createAgentsHarness(testDb().handle.db, llm)
      const run = await h.service.startScriptAnalysis(MANAGER, {
        projectId: 'p1',
        fileName: 'feature.fountain',
        text: synthetic.text,
        maxChunkTokens: 6000,
      })
      expect(await h.runJob(run.id)).toBeUndefined()
      const analysis = ScriptAnalysis.parse((await h.service.getRun(run.id, MANAGER)).output)
      expect(analysis.scenes).toHaveLength(110)
      expect(analysis.chunks).toBeGreaterThan(5)
      expect(llm.calls).toHaveLength(analysis.chunks)
      for (const call of llm.calls) expect(estimateTokensHeuristic(firstPrompt(call))).toBeLessThanOrEqual(6100)
      expect(analysis.scenes.every((s) => s.shots.length === 1)).toBe(true)
      const names = analysis.characters.map((c) => c.name)
      expect(new Set(names).size).toBe(names.length)
      expect([...names].sort()).toEqual([...synthetic.characters].sort())
      expect(analysis.warnings).toEqual([])
    })
  })
