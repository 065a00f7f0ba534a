// A live review session, against `aipipeline demo`: a supervisor presents a client playlist of
// two video tasks, writes a note on a frame range and clicks it to seek; the follower in a
// second browser lands on the same frame, and a client who joins late lands there too (and
// sees no version choices, decisions or presenter seat). A detached follower stays put until
// it re-syncs. Approve on one item and Retake with a note on the other change the tasks'
// statuses. English and Korean, one playlist each.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { launchChromium } from '@aipipeline/testing/chromium'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { browserTestsEnabled } from './support/chromium'
import {
  type DemoStudio,
  ensureWebBuild,
  SCREENSHOTS,
  signInAsDemoUser,
  startDemo,
  stopDemo,
} from './support/demo-studio'
import { apiAs, projectIdOf, type StudioApi } from './support/studio-api'
import { type WatchedPage, watchedPage } from './support/watched-page'

const Latest = z.object({
  items: z.array(z.object({ taskId: z.string(), versionId: z.string(), kind: z.enum(['image', 'video']) })),
})
const Table = z.object({
  tasks: z.object({ id: z.array(z.string()), statusId: z.array(z.string().nullable()) }),
})
const Statuses = z.object({ statuses: z.array(z.object({ id: z.string(), name: z.string() })) })
const Detail = z.object({
  playlist: z.object({ id: z.string() }),
  project: z.object({ startFrame: z.number().int() }),
  items: z.array(z.object({ id: z.string(), taskId: z.string(), version: z.object({ id: z.string() }).nullable() })),
})
const Versions = z.object({ items: z.array(z.object({ id: z.string() })) })
const Task = z.object({ statusId: z.string().nullable() })

const TEXT = {
  en: { range: 'Range', note: 'The flare pops on these frames', retake: 'Grade the sky darker', approve: 'Approve' },
  ko: {
    range: '구간',
    note: '이 프레임들에서 플레어가 튑니다',
    retake: '하늘을 더 어둡게 그레이딩해 주세요',
    approve: '승인',
  },
} as const

/** Refusals and failures a role must never meet on this page (a 404 of a missing file is not one). */
const refusals = (problems: string[]) => problems.filter((p) => /^(401|403|5\d\d) /.test(p))

describe.runIf(browserTestsEnabled('review session in Chromium'))('review session in Chromium', () => {
  let studio: DemoStudio | undefined
  let browser: Browser | undefined
  let api: StudioApi
  let clientApi: StudioApi
  let projectId = ''
  let statusName = new Map<string, string>()
  /** One client playlist of two video tasks per language. */
  const playlists: z.infer<typeof Detail>[] = []
  const opened: WatchedPage[] = []
  const statusOf = async (taskId: string) =>
    statusName.get(Task.parse(await api.get(`/api/tasks/${taskId}`)).statusId ?? '') ?? ''

  /** A signed-in page of `email` in its own browser context, in `lang`, on the playlist. */
  async function openSession(email: string, lang: 'en' | 'ko', playlistId: string): Promise<WatchedPage> {
    if (!browser || !studio) throw new Error('not started')
    // Signed in through the English login page, then switched to `lang` for the session page.
    const watched = await watchedPage(browser)
    opened.push(watched)
    await signInAsDemoUser(watched.page, studio.url, email)
    await watched.page.evaluate((l) => localStorage.setItem('aipipeline.locale', l), lang)
    await watched.page.goto(`${studio.url}/review/${playlistId}`)
    await roomJoined(watched.page)
    return watched
  }

  async function roomJoined(page: Page) {
    const root = page.getByTestId('review-session')
    await root.waitFor()
    await expect.poll(async () => Number(await root.getAttribute('data-room-seq'))).toBeGreaterThanOrEqual(0)
  }

  const frameOf = async (page: Page) => Number(await page.getByTestId('review-session').getAttribute('data-frame'))

  beforeAll(async () => {
    ensureWebBuild()
    studio = await startDemo()
    api = await apiAs(studio.url, 'manager@demo.local')
    clientApi = await apiAs(studio.url, 'client@demo.local')
    projectId = await projectIdOf(api)
    statusName = new Map(
      Statuses.parse(await api.get(`/api/projects/${projectId}`)).statuses.map((s) => [s.id, s.name]),
    )
    const latest = Latest.parse(await api.get(`/api/projects/${projectId}/latest-versions`))
    const table = Table.parse(await api.get(`/api/projects/${projectId}/shot-table`))
    const status = (taskId: string) => statusName.get(table.tasks.statusId[table.tasks.id.indexOf(taskId)] ?? '') ?? ''
    // Video tasks not yet decided, so Approve and Retake are real status changes.
    const tasks = [
      ...new Set(
        latest.items
          .filter((v) => v.kind === 'video' && !['Approved', 'Retake'].includes(status(v.taskId)))
          .map((v) => v.taskId),
      ),
    ]
    if (tasks.length < 4) throw new Error(`the demo has ${tasks.length} undecided video tasks; 4 are needed`)
    for (const [i, lang] of (['en', 'ko'] as const).entries()) {
      const created = Detail.parse(
        await api.post(`/api/projects/${projectId}/playlists`, {
          name: `Dailies ${lang}`,
          audience: 'client',
          source: { kind: 'tasks', taskIds: tasks.slice(2 * i, 2 * i + 2) },
        }),
      )
      playlists.push(created)
    }
    browser = await launchChromium()
    mkdirSync(SCREENSHOTS, { recursive: true })
  }, 240_000)

  afterAll(async () => {
    for (const w of opened) await w.close().catch(() => {})
    await browser?.close().catch(() => {})
    if (studio) await stopDemo(studio)
  }, 30_000)

  for (const [i, lang] of (['en', 'ko'] as const).entries()) {
    it(`presenter seeks by a range note, follower and a late client land on its frame; approve and retake [${lang}]`, async () => {
      const detail = playlists[i]
      if (!detail) throw new Error('no playlist')
      const text = TEXT[lang]
      const start = detail.project.startFrame
      const playlistId = detail.playlist.id

      const presenter = await openSession('supervisor@demo.local', lang, playlistId)
      const follower = await openSession('manager@demo.local', lang, playlistId)
      const p = presenter.page
      const f = follower.page

      // Both see each other in the room; the supervisor takes the presenter's seat.
      await expect.poll(() => p.getByTestId('room-participant').count()).toBe(2)
      await p.getByTestId('room-take').click()
      await f.getByTestId('room-detach').waitFor()
      expect(await frameOf(p)).toBe(start)

      // A note on frames start+11 … start+19, posted from the presenter's note box.
      await p.getByText(text.range, { exact: true }).click()
      await p.getByTestId('note-range-in').fill(String(start + 11))
      await p.getByTestId('note-range-out').fill(String(start + 19))
      await p.getByTestId('note-text').fill(text.note)
      await p.getByTestId('note-post').click()
      const link = p.getByTestId('note-frame-link').filter({ hasText: `${start + 11}–${start + 19}` })
      await link.waitFor()
      expect(await link.getAttribute('data-frame')).toBe(String(start + 11))
      // The note reaches the follower live, with its range.
      await f
        .getByTestId('note-frame-link')
        .filter({ hasText: `${start + 11}–${start + 19}` })
        .waitFor()

      // Clicking the range seeks the presenter's player there; the follower follows.
      await link.click()
      await expect.poll(() => frameOf(p)).toBe(start + 11)
      await expect.poll(() => frameOf(f)).toBe(start + 11)
      await p.screenshot({ path: join(SCREENSHOTS, `review-session-presenter-${lang}.png`) })

      // A client joins late and lands on the same item and frame.
      const client = await openSession('client@demo.local', lang, playlistId)
      const c = client.page
      await expect.poll(() => frameOf(c)).toBe(start + 11)
      expect(await c.getByTestId('review-session').getAttribute('data-item-id')).toBe(
        await p.getByTestId('review-session').getAttribute('data-item-id'),
      )
      await expect.poll(() => p.getByTestId('room-participant').count()).toBe(3)
      // The client sees no version choices, no decisions and no presenter seat …
      expect(await c.getByTestId('compare-picker').count()).toBe(0)
      expect(await c.getByTestId('review-approve').count()).toBe(0)
      expect(await c.getByTestId('review-retake').count()).toBe(0)
      expect(await c.getByTestId('room-take').count()).toBe(0)
      // … and only a version the studio lets clients see.
      const clientDetail = Detail.parse(await clientApi.get(`/api/review/playlists/${playlistId}`))
      const shownItem = await c.getByTestId('review-session').getAttribute('data-item-id')
      const clientItem = clientDetail.items.find((it) => it.id === shownItem)
      const clientVersions = Versions.parse(
        await clientApi.get(`/api/review/playlists/${playlistId}/items/${shownItem}/versions`),
      ).items.map((v) => v.id)
      const shownVersion = (await c.getByTestId('review-session').getAttribute('data-version-id')) ?? ''
      expect(shownVersion).toBe(clientItem?.version?.id ?? '')
      expect(clientVersions).toContain(shownVersion)
      await c.screenshot({ path: join(SCREENSHOTS, `review-session-client-${lang}.png`) })

      // The follower detaches and stays put while the presenter moves to the next item (N);
      // a re-sync brings the follower to where the room is.
      const [first, second] = detail.items
      if (!first || !second) throw new Error('two items expected')
      const item = (page: Page) => page.getByTestId('review-session').getAttribute('data-item-id')
      const seq = async (page: Page) => Number(await page.getByTestId('review-session').getAttribute('data-room-seq'))
      expect(await item(f)).toBe(first.id)
      await f.getByTestId('room-detach').click()
      const seqBefore = await seq(f)
      await p.getByTestId('review-session').click({ position: { x: 5, y: 5 } })
      await p.keyboard.press('n')
      await expect.poll(() => item(p)).toBe(second.id)
      await expect.poll(() => seq(f)).toBeGreaterThan(seqBefore)
      expect(await item(f)).toBe(first.id)
      await f.getByTestId('room-resync').click()
      await expect.poll(() => item(f)).toBe(second.id)
      await expect.poll(() => item(c)).toBe(second.id)

      // Approve this item from the player: its task moves to Approved.
      const approve = p.getByTestId('review-approve')
      expect(await approve.textContent()).toBe(text.approve)
      await approve.click()
      await expect.poll(() => statusOf(second.taskId)).toBe('Approved')

      // P goes back to the first item (followers go along); Retake asks for a note.
      await p.getByTestId('review-session').click({ position: { x: 5, y: 5 } })
      await p.keyboard.press('p')
      await expect.poll(() => item(p)).toBe(first.id)
      await expect.poll(() => item(f)).toBe(first.id)
      await p.getByTestId('review-retake').click()
      await p.getByTestId('review-retake-note').fill(text.retake)
      await p.getByTestId('review-retake-submit').click()
      await expect.poll(() => statusOf(first.taskId)).toBe('Retake')
      await p.getByTestId('review-notes').getByText(text.retake).waitFor()
      await f.getByTestId('review-notes').getByText(text.retake).waitFor()
      await p.screenshot({ path: join(SCREENSHOTS, `review-session-retake-${lang}.png`) })

      for (const w of [presenter, follower, client]) expect(refusals(w.problems)).toEqual([])
      for (const w of [presenter, follower, client]) await w.close()
    }, 240_000)
  }
})
