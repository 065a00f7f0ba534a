// Agent runs belong to their project: a manager or supervisor who is not a member of it
// cannot read a run (the screenplay is in its input), find it in a list, retry its steps,
// review or apply it, or decide on it. Non-members get 404, as on every production route.
import { createAgentRunRepository, createAgentStepRepository, isoNow, newId } from '@aipipeline/db'
import type { Role } from '@aipipeline/domain'
import { testEngines } from '@aipipeline/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestStudio, type TestStudio } from '../../../test-kits/test-studio'

const SCREENPLAY = 'INT. LIGHTHOUSE - NIGHT\n\nMINSU climbs the stairs.'

for (const engine of testEngines('agent runs follow project membership')) {
  describe(`agent runs follow project membership [${engine}]`, () => {
    let studio: TestStudio
    const tokens: Record<string, string> = {}
    let projectId = ''
    let analysisRunId = ''
    let enhancementRunId = ''
    let failedStepId = ''

    async function call(method: 'GET' | 'POST', url: string, who: string, payload?: unknown) {
      return studio.app.inject({
        method,
        url,
        headers: {
          authorization: `Bearer ${tokens[who]}`,
          ...(payload ? { 'content-type': 'application/json' } : {}),
        },
        ...(payload ? { payload: JSON.stringify(payload) } : {}),
      })
    }

    async function person(key: string, role: Role): Promise<string> {
      const session = await studio.signIn(role)
      tokens[key] = session.accessToken
      return session.user.id
    }

    beforeAll(async () => {
      studio = await createTestStudio(engine)
      await person('admin', 'admin')
      const managerIn = await person('managerIn', 'manager')
      const supervisorIn = await person('supervisorIn', 'supervisor')
      await person('managerOut', 'manager')
      await person('supervisorOut', 'supervisor')
      const project = await call('POST', '/api/projects', 'admin', { code: 'LIGHT', name: 'Lighthouse' })
      projectId = project.json().id
      for (const userId of [managerIn, supervisorIn]) {
        await studio.app.inject({
          method: 'PUT',
          url: `/api/projects/${projectId}/members/${userId}`,
          headers: { authorization: `Bearer ${tokens.admin}`, 'content-type': 'application/json' },
          payload: '{}',
        })
      }
      const db = studio.testDb.handle.db
      const runs = createAgentRunRepository(db)
      const steps = createAgentStepRepository(db)
      const at = isoNow()
      analysisRunId = newId()
      await runs.insert({
        id: analysisRunId,
        projectId,
        pipeline: 'script-analysis',
        label: 'lighthouse.fountain',
        input: { text: SCREENPLAY },
        createdBy: managerIn,
        createdAt: at,
      })
      const step = await steps.start({
        id: newId(),
        runId: analysisRunId,
        parentId: null,
        key: 'analyse-chunk:0',
        agent: 'analyst',
        input: { text: SCREENPLAY },
        at,
      })
      await steps.fail(
        step.id,
        { code: 'provider', message: 'down', retryable: true },
        { at, costMicros: 0, usage: { calls: 0, repairs: 0, inputTokens: 0, outputTokens: 0, model: null } },
      )
      failedStepId = step.id
      await runs.update(analysisRunId, { status: 'failed', finishedAt: at }, at)
      enhancementRunId = newId()
      await runs.insert({
        id: enhancementRunId,
        projectId,
        pipeline: 'prompt-enhancement',
        label: 'shot 010',
        input: { shotId: null },
        createdBy: managerIn,
        createdAt: at,
      })
    })
    afterAll(async () => studio.close())

    it('lets a member read a run and answers 404 to a manager outside the project', async () => {
      const inside = await call('GET', `/api/agents/runs/${analysisRunId}`, 'managerIn')
      expect(inside.statusCode).toBe(200)
      expect(inside.body).toContain('LIGHTHOUSE')
      const outside = await call('GET', `/api/agents/runs/${analysisRunId}`, 'managerOut')
      expect(outside.statusCode).toBe(404)
      expect(outside.body).not.toContain('LIGHTHOUSE')
      expect((await call('GET', `/api/agents/runs/${analysisRunId}`, 'admin')).statusCode).toBe(200)
    })

    it('lists only runs of projects the caller belongs to', async () => {
      const ids = async (who: string, query = '') =>
        (await call('GET', `/api/agents/runs${query}`, who)).json().items.map((r: { id: string }) => r.id)
      expect(await ids('managerIn')).toEqual(expect.arrayContaining([analysisRunId, enhancementRunId]))
      expect(await ids('managerOut')).toEqual([])
      expect((await call('GET', `/api/agents/runs?projectId=${projectId}`, 'managerOut')).statusCode).toBe(404)
      expect(await ids('admin', `?projectId=${projectId}`)).toHaveLength(2)
    })

    it('refuses a step retry, a review, an apply and a decision to non-members with 404', async () => {
      const retry = `/api/agents/runs/${analysisRunId}/steps/${failedStepId}/retry`
      expect((await call('POST', retry, 'supervisorOut')).statusCode).toBe(404)
      expect((await call('POST', retry, 'managerOut')).statusCode).toBe(404)
      const review = `/api/agents/script-analyses/${analysisRunId}/review`
      expect((await call('GET', review, 'supervisorOut')).statusCode).toBe(404)
      const apply = `/api/agents/script-analyses/${analysisRunId}/apply`
      expect((await call('POST', apply, 'supervisorOut', { itemKeys: ['sequence:SC001'] })).statusCode).toBe(404)
      const decision = `/api/agents/prompt-enhancements/${enhancementRunId}/decision`
      expect((await call('POST', decision, 'managerOut', { decision: 'reject' })).statusCode).toBe(404)
      // Members get past the membership check to the run's own state.
      expect((await call('GET', review, 'supervisorIn')).statusCode).toBe(409)
      expect((await call('POST', retry, 'supervisorIn')).statusCode).toBe(202)
    })
  })
}
