// Changing one project setting leaves the others as they were: a PATCH carries only what
// changes (the project settings page switches one flag at a time).
import { Project } from '@aipipeline/contracts'
import { testEngines } from '@aipipeline/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, type Seat } from '../../../test-kits/production/production-test-kit'
import { createTestStudio, type TestStudio } from '../../../test-kits/test-studio'

for (const engine of testEngines('project settings')) {
  describe(`project settings [${engine}]`, () => {
    let studio: TestStudio
    let manager: Seat
    beforeAll(async () => {
      studio = await createTestStudio(engine)
      const s = await studio.signIn('manager')
      manager = { token: s.accessToken, userId: s.user.id, email: s.user.email }
    })
    afterAll(async () => studio.close())

    it('changes only the settings a patch names', async () => {
      const format = { fps: 25, width: 3840, height: 1634, aspectRatio: '2.35:1', startFrame: 1, retakeCap: 2 }
      const created = await call(studio, manager, 'POST', '/api/projects', { code: 'WIDE', name: 'Wide', ...format })
      const { id } = Project.parse(created.json)
      expect(Project.parse(created.json).showGenerationDetailsToClients).toBe(false)
      const patched = await call(studio, manager, 'PATCH', `/api/projects/${id}`, {
        showGenerationDetailsToClients: true,
      })
      expect(patched.status).toBe(200)
      expect(Project.parse(patched.json)).toMatchObject({ ...format, showGenerationDetailsToClients: true })
      const renamed = await call(studio, manager, 'PATCH', `/api/projects/${id}`, { name: 'Wider' })
      expect(Project.parse(renamed.json)).toMatchObject({
        ...format,
        name: 'Wider',
        showGenerationDetailsToClients: true,
      })
    })
  })
}
