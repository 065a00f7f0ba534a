// The script import wizard end to end over HTTP: a deployment on the fake LLM server, a
// project, preview → analysis run executed by the job worker → review diff → apply; access
// rules for artists and supervisors. No real model is called.
import { readFileSync } from 'node:fs'
import {
  AgentRunDetail,
  AnalysisReview,
  ApplyAnalysisResult,
  MAX_SCRIPT_CHARS,
  PromptEnhancementResult,
  ScriptPreview,
  ShotBreakdown,
} from '@aipipeline/contracts'
import {
  type FakeLlmRequest,
  type FakeLlmServer,
  requireSharedFixtures,
  startFakeLlmServer,
  testEngines,
} from '@aipipeline/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestStudio, type TestStudio } from '../../../test-kits/test-studio'
import { type RunningWorker, startWorker } from '../../jobs'

const FIXTURES = new URL('../../../../../../shared/fixtures/screenplays/', import.meta.url)
// The radio-studio screenplay from the shared fixtures drives the whole HTTP flow.
const RADIO = requireSharedFixtures('agents API script import')
  ? readFileSync(new URL('fountain-tools_fdx_test_script_radio_studio.fountain', FIXTURES), 'utf8')
  : ''

/** The scripted analyst behind the fake provider: one shot per asked scene, the cast it sees. */
function analystReply(request: FakeLlmRequest) {
  const asked = /Scenes to analyse: ([\d, ]+)\./.exec(request.promptText)?.[1] ?? ''
  const scenes = asked
    .split(',')
    .map((n) => Number.parseInt(n.trim(), 10))
    .filter(Number.isFinite)
  return {
    kind: 'json' as const,
    value: {
      scenes: scenes.map((n) => ({
        sceneNumber: n,
        summary: `Scene ${n}`,
        shots: [
          {
            size: 'wide',
            angle: 'eye-level',
            movement: 'static',
            description: `Establishing ${n}`,
            dialogue: null,
            characters: [],
            durationSeconds: 2,
          },
        ],
      })),
      characters: [{ name: 'KAY', description: 'Job hunter', triggerWords: ['raincoat'] }],
      locations: [],
    },
  }
}

const ENHANCEMENT = {
  subject: 'KAY, a job hunter in a yellow raincoat',
  action: 'reads the job posters in the shop window',
  setting: 'outside a corner food store on a wet street',
  details: ['reflections in the glass'],
  shot: { size: null, angle: 'low', movement: null, composition: null },
  look: { mood: 'melancholic', colourTone: null },
  changes: ['described the setting'],
}

for (const engine of RADIO ? testEngines('agents API') : []) {
  describe(`script import over HTTP [${engine}]`, () => {
    let studio: TestStudio
    let fake: FakeLlmServer
    let worker: RunningWorker
    const tokens: Record<string, string> = {}
    const userIds: Record<string, string> = {}
    let projectId = ''

    async function call(method: 'GET' | 'POST' | 'PUT', url: string, role: string, payload?: unknown) {
      return studio.app.inject({
        method,
        url,
        headers: {
          authorization: `Bearer ${tokens[role]}`,
          ...(payload ? { 'content-type': 'application/json' } : {}),
        },
        ...(payload ? { payload: JSON.stringify(payload) } : {}),
      })
    }

    async function settled(runId: string): Promise<AgentRunDetail> {
      for (;;) {
        const run = AgentRunDetail.parse((await call('GET', `/api/agents/runs/${runId}`, 'manager')).json())
        if (run.status === 'completed' || run.status === 'failed') return run
        await new Promise((r) => setTimeout(r, 50))
      }
    }

    beforeAll(async () => {
      fake = await startFakeLlmServer()
      // The first structured answer is cut off: the runner must repair it with one re-ask.
      const analysing = (r: FakeLlmRequest) => r.wantsJson && r.promptText.includes('Scenes to analyse')
      fake.script({ match: analysing, reply: { kind: 'raw', text: '{"scenes": [' }, times: 1 })
      fake.script({ match: analysing, reply: analystReply })
      fake.script({
        match: (r) => r.wantsJson && r.promptText.includes('Target model:'),
        reply: { kind: 'json', value: ENHANCEMENT },
      })
      studio = await createTestStudio(engine)
      for (const role of ['admin', 'manager', 'supervisor', 'artist'] as const) {
        const session = await studio.signIn(role)
        tokens[role] = session.accessToken
        userIds[role] = session.user.id
      }
      worker = await startWorker({ queue: studio.queue, registry: studio.jobs })
      const dep = await call('POST', '/api/llm/deployments', 'admin', {
        name: 'fake analyst',
        provider: 'openai',
        modelId: 'gpt-4o-mini',
        baseUrl: `${fake.url}/v1`,
        apiKey: 'sk-test-agents',
        contextWindow: 128_000,
      })
      expect(dep.statusCode).toBe(201)
      const project = await call('POST', '/api/projects', 'manager', { code: 'RADIO', name: 'Radio Days' })
      expect(project.statusCode).toBe(201)
      projectId = project.json().id
    })
    afterAll(async () => {
      await worker.stop()
      await studio.close()
      await fake.close()
    })

    it('previews the script without calling a model', async () => {
      const before = fake.requests.length
      const res = await call('POST', '/api/agents/script-analyses/preview', 'manager', {
        projectId,
        fileName: 'radio.fountain',
        text: RADIO,
      })
      expect(res.statusCode).toBe(200)
      const preview = ScriptPreview.parse(res.json())
      expect(preview).toMatchObject({
        title: 'FDX Test Script',
        format: 'fountain',
        chunks: 1,
        characters: ['DJ', 'DAVE', 'JIM', 'KAY'],
      })
      expect(preview.scenes.map((s) => s.location)).toEqual(['RADIO STUDIO', 'OUTSIDE THE FOOD STORE'])
      expect(preview.estimatedCostMicros).toBeGreaterThan(0)
      expect(fake.requests.length).toBe(before)
    })

    it('analyses in the background, repairs the cut-off answer, and applies the chosen items to the project', async () => {
      const started = await call('POST', '/api/agents/script-analyses', 'manager', {
        projectId,
        fileName: 'radio.fountain',
        text: RADIO,
      })
      expect(started.statusCode).toBe(202)
      const runId: string = started.json().run.id
      const run = await settled(runId)
      expect(run.status).toBe('completed')
      expect(run.steps.find((s) => s.key === 'analyse-chunk:0')?.usage).toMatchObject({
        repairs: 1,
        calls: 2,
        model: 'gpt-4o-mini',
      })
      expect(run.usage.costMicros).toBeGreaterThan(0)

      const review = AnalysisReview.parse(
        (await call('GET', `/api/agents/script-analyses/${runId}/review`, 'manager')).json(),
      )
      expect(review.items.map((i) => i.key)).toEqual([
        'sequence:SC001',
        'shot:SC001/SH010',
        'sequence:SC002',
        'shot:SC002/SH010',
        'character:DJ',
        'character:DAVE',
        'character:JIM',
        'character:KAY',
        'asset:RADIO STUDIO',
        'asset:OUTSIDE THE FOOD STORE',
      ])
      const applied = await call('POST', `/api/agents/script-analyses/${runId}/apply`, 'manager', {
        itemKeys: ['sequence:SC001', 'shot:SC001/SH010', 'character:KAY', 'asset:RADIO STUDIO'],
      })
      expect(applied.statusCode).toBe(200)
      expect(ApplyAnalysisResult.parse(applied.json()).created).toEqual({
        sequences: 1,
        shots: 1,
        characters: 1,
        assets: 1,
      })
      const breakdown = (await call('GET', `/api/projects/${projectId}/breakdown`, 'manager')).json()
      expect(breakdown.sequences.map((s: { code: string }) => s.code)).toEqual(['SC001'])
      expect(breakdown.characters).toMatchObject([{ name: 'KAY', triggerWords: ['raincoat'] }])
      // The applied shot is linked to the location of its scene (an applied asset).
      const shot = (await call('GET', `/api/projects/${projectId}/shots`, 'manager')).json().items[0]
      const links = ShotBreakdown.parse((await call('GET', `/api/shots/${shot.id}/breakdown`, 'manager')).json())
      expect(links.assets.map((a) => a.name)).toEqual(['RADIO STUDIO'])
      expect(links.characters.every((c) => c.name === 'KAY')).toBe(true)
      const again = AnalysisReview.parse(
        (await call('GET', `/api/agents/script-analyses/${runId}/review`, 'manager')).json(),
      )
      expect(again.items.filter((i) => i.action === 'unchanged').map((i) => i.key)).toEqual([
        'sequence:SC001',
        'shot:SC001/SH010',
        'character:KAY',
        'asset:RADIO STUDIO',
      ])
    })

    it('enhances an applied shot’s prompt for a target model and writes the settings on accept', async () => {
      const page = (await call('GET', `/api/projects/${projectId}/shots`, 'manager')).json()
      const shotId: string = page.items[0].id
      expect((await call('GET', `/api/shots/${shotId}`, 'manager')).json().cpeSettings).toMatchObject({
        shot: { size: 'wide' },
      })
      const started = await call('POST', '/api/agents/prompt-enhancements', 'manager', {
        projectId,
        shotId,
        description: 'Kay at the shop window',
        characters: [{ name: 'KAY', description: 'Job hunter', triggerWords: ['raincoat'] }],
        targetModel: 'flux-dev',
      })
      expect(started.statusCode).toBe(202)
      const run = await settled(started.json().run.id)
      expect(run.status).toBe('completed')
      const result = PromptEnhancementResult.parse(run.output)
      expect(result.after.prompt).toContain('corner food store')
      // The shot's own framing (from the analysis) wins over the model's suggested low angle.
      expect(result.after.cpeSettings).toMatchObject({
        shot: { size: 'wide', angle: 'eye-level' },
        look: { mood: 'melancholic' },
      })
      const decided = await call('POST', `/api/agents/prompt-enhancements/${run.id}/decision`, 'manager', {
        decision: 'accept',
      })
      expect(decided.json()).toMatchObject({ applied: true, run: { decision: 'accepted' } })
      const shot = (await call('GET', `/api/shots/${shotId}`, 'manager')).json()
      expect(shot.cpeSettings).toMatchObject({ content: { action: 'reads the job posters in the shop window' } })
    })

    it('lets an artist enhance the prompt of a shot assigned to them, and of no other shot', async () => {
      await call('PUT', `/api/projects/${projectId}/members/${userIds.artist}`, 'manager', {})
      const page = (await call('GET', `/api/projects/${projectId}/shots`, 'manager')).json()
      const mine = page.items[0]
      const other = await call('POST', `/api/projects/${projectId}/shots`, 'manager', {
        shots: [{ sequenceId: mine.sequenceId, code: 'SH099' }],
      })
      expect(other.statusCode).toBe(201)
      await call('POST', `/api/projects/${projectId}/tasks/batch-assign`, 'manager', {
        taskIds: [mine.tasks[0].id],
        userIds: [userIds.artist],
      })
      const enhance = (shotId: string | undefined) =>
        call('POST', '/api/agents/prompt-enhancements', 'artist', {
          projectId,
          ...(shotId ? { shotId } : {}),
          description: 'Kay at the shop window',
          targetModel: 'flux-dev',
        })
      const assigned = await enhance(mine.id)
      expect(assigned.statusCode).toBe(202)
      await settled(assigned.json().run.id)
      expect((await enhance(other.json().items[0].id)).statusCode).toBe(403)
      expect((await enhance(undefined)).statusCode).toBe(403)
    })

    it('previews a screenplay larger than the server-wide body limit', async () => {
      const text = RADIO.repeat(Math.ceil((studio.config.bodyLimitBytes * 1.5) / RADIO.length))
      expect(text.length).toBeLessThan(MAX_SCRIPT_CHARS)
      const res = await call('POST', '/api/agents/script-analyses/preview', 'manager', { projectId, text })
      expect(res.statusCode).toBe(200)
    })

    it('lets artists start nothing and supervisors not list runs', async () => {
      const artist = await call('POST', '/api/agents/script-analyses', 'artist', { projectId, text: RADIO })
      expect(artist.statusCode).toBe(403)
      expect((await call('GET', '/api/agents/runs', 'supervisor')).statusCode).toBe(403)
      const listed = await call('GET', `/api/agents/runs?projectId=${projectId}`, 'manager')
      expect(listed.json().items.length).toBeGreaterThan(0)
    })

    it('answers 400 naming the field for a malformed request, and 404 for an unknown run', async () => {
      const bad = await call('POST', '/api/agents/script-analyses', 'manager', { projectId, text: '' })
      expect(bad.statusCode).toBe(400)
      expect(bad.body).toContain('text')
      expect((await call('GET', '/api/agents/runs/nope', 'manager')).statusCode).toBe(404)
    })
  })
}
