import { ShotTable, TaskDetail } from '@aipipeline/contracts'
import { requireFfmpeg } from '@aipipeline/testing/videos'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestStudio, type TestStudio } from '../../test-kits/test-studio'
import { startWorker } from '../jobs'
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
    const playlists = studio.review.playlists.playlists
    const projectId = await seedDemoProduction(studio.auth, studio.production.services, playlists)
    expect(projectId).toBeDefined()
    const me = (await studio.auth.listUsers()).find((u) => u.email === 'manager@demo.local')
    const principal = { userId: me?.id ?? '', role: 'manager' as const }
    const table = ShotTable.parse(await studio.production.services.shots.table(principal, projectId ?? ''))
    expect(table.shots.id).toHaveLength(40)
    expect(new Set(table.shots.sequenceId).size).toBe(3)
    expect(new Set(table.tasks.statusId).size).toBeGreaterThanOrEqual(5)
    expect(table.shots.thumbnailVersionId.filter((v) => v !== null).length).toBeGreaterThan(0)
    expect(await seedDemoProduction(studio.auth, studio.production.services, playlists)).toBeUndefined()
    if (!requireFfmpeg("the demo film's video version")) return
    // With ffmpeg, four shots in review have a numbered movie with its poster next to their image.
    const tasks = await Promise.all(
      table.tasks.id.map(async (taskId) =>
        TaskDetail.parse(await studio.production.services.tasks.get(principal, taskId)),
      ),
    )
    const videos = tasks.flatMap((t) => t.versions).filter((v) => v.kind === 'video')
    expect(videos).toHaveLength(4)
    const video = videos[0]
    expect(video?.files.find((f) => f.role === 'output')?.mediaType).toBe('video/mp4')
    expect(video?.thumbnailFileId).not.toBeNull()
    const sameTask = tasks.find((t) => t.id === video?.taskId)
    expect(sameTask?.versions.map((v) => v.kind).sort()).toEqual(['image', 'video'])
    // Its ingest queued its review proxy, which a worker makes.
    const worker = await startWorker({ queue: studio.queue, registry: studio.jobs })
    try {
      let proxy = await studio.review.proxies.get(video?.id ?? '')
      for (let i = 0; i < 1200 && proxy?.status !== 'ready' && proxy?.status !== 'failed'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50))
        proxy = await studio.review.proxies.get(video?.id ?? '')
      }
      expect(proxy).toMatchObject({ status: 'ready', revision: 1 })
    } finally {
      await worker.stop()
    }
    // The client playlist holds every shot waiting for review, the videos among them.
    const listed = await playlists.list(principal, projectId ?? '')
    expect(listed.items.map((p) => [p.name, p.audience])).toEqual([['Dailies', 'client']])
    const dailies = await playlists.get(principal, listed.items[0]?.id ?? '')
    expect(dailies.items.map((i) => i.version?.kind).sort()).toEqual([
      'image',
      'image',
      'video',
      'video',
      'video',
      'video',
    ])
  }, 180_000)
})
