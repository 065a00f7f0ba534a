// Budgets and usage belong to projects: admins see and edit all, managers only those of the
// projects they manage as members; a manager outside a project gets 404 for it and never
// finds its budget or usage in a list.
import { isoNow } from '@aipipeline/db'
import { testEngines } from '@aipipeline/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, type Seat, type TeamProject, teamProject } from '../../../test-kits/production/production-test-kit'
import { createTestStudio, type TestStudio } from '../../../test-kits/test-studio'

for (const engine of testEngines('LLM budgets follow project membership')) {
  describe(`LLM budgets and usage follow project membership [${engine}]`, () => {
    let studio: TestStudio
    let team: TeamProject
    let outsider: Seat
    const month = new Date().toISOString().slice(0, 7)

    beforeAll(async () => {
      studio = await createTestStudio(engine)
      team = await teamProject(studio, 'BUDGET')
      const s = await studio.signIn('manager')
      outsider = { token: s.accessToken, userId: s.user.id, email: s.user.email }
      const set = await call(studio, team.seats.manager, 'PUT', '/api/llm/budgets', {
        projectId: team.projectId,
        month,
        limitMicros: 5_000,
      })
      expect(set.status).toBe(200)
      // One recorded model call of the project, as the router's ledger writes it.
      await studio.testDb.handle.db
        .insertInto('llmUsage')
        .values({
          id: 'usage-budget-test',
          at: isoNow(),
          callId: 'call-1',
          attempt: 1,
          deploymentId: 'dep-1',
          provider: 'openai',
          modelId: 'gpt-4o-mini',
          taskClass: 'analysis',
          inputTokens: 10,
          outputTokens: 1,
          costMicros: 7,
          latencyMs: 5,
          outcome: 'ok',
          projectId: team.projectId,
          jobId: null,
          error: null,
        })
        .execute()
    })
    afterAll(async () => studio.close())

    it('lets the project manager and an admin see the budget and usage', async () => {
      for (const who of [team.seats.manager, team.seats.admin]) {
        const budgets = await call(studio, who, 'GET', `/api/llm/budgets?projectId=${team.projectId}`)
        expect(JSON.stringify(budgets.json)).toContain(team.projectId)
        const usage = await call(studio, who, 'GET', '/api/llm/usage')
        expect(JSON.stringify(usage.json)).toContain('usage-budget-test')
      }
    })

    it('answers 404 to a manager outside the project and leaves the project out of their lists', async () => {
      const put = await call(studio, outsider, 'PUT', '/api/llm/budgets', {
        projectId: team.projectId,
        month,
        limitMicros: 1,
      })
      expect(put.status).toBe(404)
      expect((await call(studio, outsider, 'GET', `/api/llm/budgets?projectId=${team.projectId}`)).status).toBe(404)
      expect((await call(studio, outsider, 'GET', `/api/llm/usage?projectId=${team.projectId}`)).status).toBe(404)
      expect(JSON.stringify((await call(studio, outsider, 'GET', '/api/llm/budgets')).json)).not.toContain(
        team.projectId,
      )
      expect(JSON.stringify((await call(studio, outsider, 'GET', '/api/llm/usage')).json)).not.toContain(
        'usage-budget-test',
      )
      const summary = await call(studio, outsider, 'GET', '/api/llm/usage/summary?groupBy=project')
      expect(JSON.stringify(summary.json)).not.toContain(team.projectId)
    })

    it('refuses supervisors: budgets are for managers', async () => {
      const res = await call(studio, team.seats.supervisor, 'GET', '/api/llm/budgets')
      expect(res.status).toBe(403)
    })
  })
}
