// A large screenplay is read on a worker thread: the studio keeps answering while it parses,
// the preview is the same as an in-thread read, and a script over SCRIPT_MAX_CHARS gets 413.
import { syntheticScreenplay } from '@aipipeline/domain'
import { testEngines } from '@aipipeline/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callApi, createTestStudio, type TestStudio } from '../../../test-kits/test-studio'
import { DEFAULT_CHUNK_TOKENS } from './script-analysis.schemas'
import { OFFLOAD_SCRIPT_CHARS, outlineScriptTask } from './script-reading.task'

/**
 * ~500 KB of dialogue in one long scene: chunking it line by line takes a second or more,
 * long enough that a parse on the event loop would hold every other request until it ends
 * (bench/server/event-loop.bench.ts measures the 2 MB case).
 */
const LONG_SCENE = `INT. RADIO STUDIO - NIGHT\n\n${'MARA\nWe are still on the air, keep talking.\n\n'.repeat(12_000)}`

for (const engine of testEngines('screenplay offload')) {
  describe(`screenplay reading off the event loop [${engine}]`, () => {
    let studio: TestStudio
    let token = ''
    let projectId = ''
    const call = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
      callApi(studio, method, url, token, payload)

    beforeAll(async () => {
      studio = await createTestStudio(engine, { config: { scriptMaxChars: 2_500_000 } })
      token = (await studio.signIn('manager')).accessToken
      const project = await call('POST', '/api/projects', { code: 'LONG', name: 'Long Night' })
      expect(project.statusCode).toBe(201)
      projectId = project.json().id
    })
    afterAll(async () => {
      await studio.close()
    })

    it('answers /api/health while a large screenplay preview is still parsing', async () => {
      expect(LONG_SCENE.length).toBeGreaterThan(OFFLOAD_SCRIPT_CHARS)
      let previewDone = false
      const preview = call('POST', '/api/agents/script-analyses/preview', {
        projectId,
        fileName: 'long.fountain',
        text: LONG_SCENE,
      }).finally(() => {
        previewDone = true
      })
      let answered = 0
      while (!previewDone && answered < 10) {
        const health = await call('GET', '/api/health')
        expect(health.statusCode).toBe(200)
        if (!previewDone) answered++
      }
      const res = await preview
      expect(res.statusCode).toBe(200)
      // Health requests kept being answered during the parse: it ran on another thread.
      expect(answered).toBeGreaterThanOrEqual(5)
      expect(studio.offload.completed()).toBeGreaterThanOrEqual(1)
    }, 120_000)

    it('previews a large script on a worker thread exactly as an in-thread read does', async () => {
      const text = syntheticScreenplay({ scenes: 400 }).text
      expect(text.length).toBeGreaterThan(OFFLOAD_SCRIPT_CHARS)
      const before = studio.offload.completed()
      const res = await call('POST', '/api/agents/script-analyses/preview', { projectId, text })
      expect(res.statusCode).toBe(200)
      expect(studio.offload.completed()).toBe(before + 1)
      const { chunkTokens: _, ...inline } = await outlineScriptTask.run({
        text,
        format: undefined,
        fileName: undefined,
        maxChunkTokens: DEFAULT_CHUNK_TOKENS,
        tokenEstimator: 'text',
      })
      expect(res.json()).toEqual({ ...inline, estimatedCostMicros: null })
    })

    it('refuses a script longer than SCRIPT_MAX_CHARS with 413, for preview and analysis', async () => {
      const text = 'x'.repeat(2_500_001)
      for (const url of ['/api/agents/script-analyses/preview', '/api/agents/script-analyses']) {
        const res = await call('POST', url, { projectId, text })
        expect(res.statusCode).toBe(413)
        expect(res.json().error).toMatchObject({ code: 'payload_too_large' })
        expect(res.json().error.message).toContain('SCRIPT_MAX_CHARS')
      }
    })
  })
}
