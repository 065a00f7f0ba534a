import { ShotTable } from '@aipipeline/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestStudio, type TestStudio } from '../../test-kits/test-studio'
import { seedDemoUsers } from './demo-seed'
import { seedDemoProduction } from './production-demo.seed'

describe('demo film', () => {
  let studio: TestStudio
  beforeAll(async () => {
    studio = await createTestStudio('sqlite', { config: { dataDir: `/tmp/aipipeline-demo-test-${process.pid}` } })
    await seedDemoUsers(studio.auth)
  })
  afterAll(async () => studio.close())

  it('seeds 40 shots over 3 sequences with tasks in several statuses and rendered versions, once', async () => {
    const projectId = await seedDemoProduction(studio.auth, studio.production.services)
    expect(projectId).toBeDefined()
    const me = (await studio.auth.listUsers()).find((u) => u.email === 'manager@demo.local')
    const principal = { userId: me?.id ?? '', role: 'manager' as const }
    const table = ShotTable.parse(await studio.production.services.shots.table(principal, projectId ?? ''))
    expect(table.shots.id).toHaveLength(40)
    expect(new Set(table.shots.sequenceId).size).toBe(3)
    expect(new Set(table.tasks.statusId).size).toBeGreaterThanOrEqual(5)
    expect(table.shots.thumbnailVersionId.filter((v) => v !== null).length).toBeGreaterThan(0)
    expect(await seedDemoProduction(studio.auth, studio.production.services)).toBeUndefined()
  }, 60_000)
})
