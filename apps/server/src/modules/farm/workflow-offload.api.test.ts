// Large workflows are read on a worker thread: the studio keeps answering while a
// 10,000-node submission is parsed, checked and priced, the stored job is the same as an
// in-thread read, errors found there answer the same 422, and WORKFLOW_MAX_NODES gives 413.
import { wideTextToImagePrompt } from '@aipipeline/comfyui'
import { createRenderJobRepository } from '@aipipeline/db'
import { testEngines } from '@aipipeline/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callApi, createTestStudio, type TestStudio } from '../../../test-kits/test-studio'
import { prepareSubmissionTask } from './workflow-reading.task'

for (const engine of testEngines('workflow offload')) {
  describe(`large workflows off the event loop [${engine}]`, () => {
    let studio: TestStudio
    let token = ''
    const call = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
      callApi(studio, method, url, token, payload)

    beforeAll(async () => {
      studio = await createTestStudio(engine, { config: { workflowMaxNodes: 12_000, bodyLimitBytes: 8 * 1024 * 1024 } })
      token = (await studio.signIn('admin')).accessToken
    })
    afterAll(async () => {
      await studio.close()
    })

    it('answers /api/health while a 10,000-node workflow is read, and stores what an in-thread read gives', async () => {
      const prompt = wideTextToImagePrompt(1430)
      expect(Object.keys(prompt).length).toBeGreaterThanOrEqual(10_000)
      const before = studio.offload.completed()
      let submitted = false
      const submission = call('POST', '/api/farm/jobs', { source: { kind: 'api', prompt } }).finally(() => {
        submitted = true
      })
      let answered = 0
      while (!submitted && answered < 10) {
        expect((await call('GET', '/api/health')).statusCode).toBe(200)
        if (!submitted) answered++
      }
      const res = await submission
      expect(res.statusCode).toBe(201)
      expect(answered).toBeGreaterThanOrEqual(3)
      expect(studio.offload.completed()).toBe(before + 1)

      const stored = await createRenderJobRepository(studio.testDb.handle.db).get(res.json().id)
      const inline = await prepareSubmissionTask.run({
        workflow: { kind: 'api', prompt, what: 'source.prompt' },
        parameters: {},
        maxNodes: 12_000,
      })
      expect(stored?.promptJson).toBe(inline.promptJson)
      expect(stored?.cost).toBeCloseTo(inline.cost)
      expect(stored?.requirements.nodeClasses).toEqual(inline.requirements.nodeClasses)
    }, 120_000)

    it('answers 422 naming the node and input for a broken link found on the worker thread', async () => {
      const prompt = wideTextToImagePrompt(200)
      const save = prompt['150:9']
      if (save) save.inputs.images = ['150:99', 0]
      const before = studio.offload.completed()
      const res = await call('POST', '/api/farm/jobs', { source: { kind: 'api', prompt } })
      expect(res.statusCode).toBe(422)
      expect(res.json().error.code).toBe('rule_violation')
      expect(res.json().error.details.errors).toEqual([
        expect.objectContaining({ code: 'dangling-link', nodeId: '150:9', inputName: 'images' }),
      ])
      expect(studio.offload.completed()).toBe(before + 1)
    })

    it('answers 400 naming the parameter for an unknown one, from the worker thread', async () => {
      const res = await call('POST', '/api/farm/jobs', {
        source: { kind: 'api', prompt: wideTextToImagePrompt(100) },
        parameters: { nonsense: 1 },
      })
      expect(res.statusCode).toBe(400)
      expect(res.json().error.code).toBe('validation_failed')
      expect(res.json().error.issues[0].path).toBe('parameters.nonsense')
    })

    it('refuses a workflow over WORKFLOW_MAX_NODES with 413, as a job and as a template', async () => {
      const prompt = wideTextToImagePrompt(1715)
      expect(Object.keys(prompt).length).toBeGreaterThan(12_000)
      const job = await call('POST', '/api/farm/jobs', { source: { kind: 'api', prompt } })
      expect(job.statusCode).toBe(413)
      expect(job.json().error).toMatchObject({ code: 'payload_too_large' })
      expect(job.json().error.message).toContain('WORKFLOW_MAX_NODES')
      const template = await call('POST', '/api/farm/templates', { name: 'huge', source: { kind: 'api', prompt } })
      expect(template.statusCode).toBe(413)
    })
  })
}
