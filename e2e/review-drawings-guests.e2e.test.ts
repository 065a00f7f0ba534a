// Review drawings, guests and clients, against `aipipeline demo` (its client playlist
// "Dailies" holds the shots in review, with video versions and their review proxies):
// - a supervisor draws on frame 1012 and finds the drawing on 1012 after a reload and after the
//   version's proxy is made again, never on 1011 or 1013 (English and Korean, one video each);
// - a guest link made in the playlist's Guest links dialog lets a named guest in, in Korean,
//   to write a note; its token opens that playlist and answers 404 elsewhere, and the log
//   names what the guest did;
// - a client sees the playlist without the versions of tasks hidden from clients, and without
//   the studio's controls.
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

const Detail = z.object({
  playlist: z.object({ id: z.string(), name: z.string() }),
  items: z.array(
    z.object({
      id: z.string(),
      taskId: z.string(),
      shotCode: z.string(),
      version: z.object({ id: z.string(), kind: z.enum(['image', 'video']) }).nullable(),
    }),
  ),
})
const Playlists = z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) })
const ProxyState = z.object({ status: z.string(), revision: z.number() })
const Annotations = z.object({ items: z.array(z.object({ frame: z.number() })) })
const Table = z.object({
  tasks: z.object({ id: z.array(z.string()), statusId: z.array(z.string().nullable()) }),
})
const Statuses = z.object({ statuses: z.array(z.object({ id: z.string(), clientAllowed: z.boolean() })) })
const Log = z.object({ items: z.array(z.object({ action: z.string(), guestName: z.string() })) })
const Links = z.object({ items: z.array(z.object({ id: z.string() })) })

/** Refusals and failures no one should meet on these pages. */
const refusals = (problems: string[]) => problems.filter((p) => /^(401|403|5\d\d) /.test(p))

describe.runIf(browserTestsEnabled('review drawings and guests in Chromium'))(
  'review drawings, guests and clients in Chromium',
  () => {
    let studio: DemoStudio | undefined
    let browser: Browser | undefined
    let api: StudioApi
    let projectId = ''
    let dailies: z.infer<typeof Detail>
    const opened: WatchedPage[] = []
    const url = () => studio?.url ?? ''

    const videoItems = () => dailies.items.filter((i) => i.version?.kind === 'video')

    async function proxyOf(versionId: string) {
      return ProxyState.parse(await api.get(`/api/review/versions/${versionId}/proxy`))
    }

    async function open(email: string, lang: 'en' | 'ko'): Promise<WatchedPage> {
      if (!browser) throw new Error('no browser')
      const watched = await watchedPage(browser, { height: 1000 })
      opened.push(watched)
      await signInAsDemoUser(watched.page, url(), email)
      await watched.page.evaluate((l) => localStorage.setItem('aipipeline.locale', l), lang)
      return watched
    }

    /** Opens (or reloads) the playlist on an item and waits for its video to have frames. */
    async function openItem(page: Page, itemId: string) {
      await page.goto(`${url()}/review/${dailies.playlist.id}`)
      await page.getByTestId('review-session').waitFor()
      await page.locator(`[data-testid="playlist-item"][data-item-id="${itemId}"]`).click()
      const player = page.getByTestId('review-player')
      await expect.poll(async () => Number(await player.getAttribute('data-frame-count')), { timeout: 30_000 }).toBe(72)
    }

    /** Puts the player on a project frame number with the keys, and waits until it is on screen. */
    async function goToFrame(page: Page, frameNumber: number) {
      const player = page.getByTestId('review-player')
      await player.focus()
      await page.keyboard.press('Home')
      await expect.poll(() => player.getAttribute('data-shown-frame')).toBe('1001')
      for (let f = 1001; f < frameNumber; f++) await page.keyboard.press('ArrowRight')
      await expect.poll(() => player.getAttribute('data-frame')).toBe(String(frameNumber))
      await expect.poll(() => player.getAttribute('data-shown-frame')).toBe(String(frameNumber))
    }

    /** Waits (outside a test too) until the version's proxy of `revision` is ready. */
    async function proxyReady(versionId: string, revision: number) {
      for (let i = 0; i < 600; i++) {
        const proxy = await proxyOf(versionId)
        if (proxy.status === 'ready' && proxy.revision >= revision) return
        if (proxy.status === 'failed') throw new Error(`the proxy of ${versionId} failed`)
        await new Promise((resolve) => setTimeout(resolve, 250))
      }
      throw new Error(`no ready proxy of ${versionId}`)
    }

    const drawingsHere = async (page: Page) =>
      Number(await page.getByTestId('annotation-layer').getAttribute('data-count'))

    /** On 1012 one drawing; on 1011 and 1013 none. */
    async function expectDrawingOnlyOn1012(page: Page) {
      await goToFrame(page, 1012)
      await expect.poll(() => drawingsHere(page)).toBe(1)
      await page.keyboard.press('ArrowLeft')
      await expect.poll(() => page.getByTestId('review-player').getAttribute('data-shown-frame')).toBe('1011')
      expect(await drawingsHere(page)).toBe(0)
      await page.keyboard.press('ArrowRight')
      await page.keyboard.press('ArrowRight')
      await expect.poll(() => page.getByTestId('review-player').getAttribute('data-shown-frame')).toBe('1013')
      expect(await drawingsHere(page)).toBe(0)
    }

    beforeAll(async () => {
      ensureWebBuild()
      studio = await startDemo()
      api = await apiAs(studio.url, 'manager@demo.local')
      projectId = await projectIdOf(api)
      const listed = Playlists.parse(await api.get(`/api/projects/${projectId}/playlists`))
      const id = listed.items.find((p) => p.name === 'Dailies')?.id
      if (!id) throw new Error('the demo has no Dailies playlist')
      dailies = Detail.parse(await api.get(`/api/review/playlists/${id}`))
      if (videoItems().length < 2) throw new Error('the demo playlist needs two video items')
      // The demo's worker makes the proxies when the studio starts.
      for (const item of videoItems()) await proxyReady(item.version?.id ?? '', 1)
      browser = await launchChromium()
      mkdirSync(SCREENSHOTS, { recursive: true })
    }, 300_000)

    afterAll(async () => {
      for (const w of opened) await w.close().catch(() => {})
      await browser?.close().catch(() => {})
      await stopDemo(studio)
    }, 30_000)

    for (const [index, lang] of (['en', 'ko'] as const).entries()) {
      it(`keeps a drawing on frame 1012 after a reload and after the proxy is made again [${lang}]`, async () => {
        const item = videoItems()[index]
        const versionId = item?.version?.id ?? ''
        if (!item) throw new Error('no video item')
        const watched = await open('supervisor@demo.local', lang)
        const { page } = watched
        await openItem(page, item.id)
        await goToFrame(page, 1012)
        await page.getByTestId('annotation-tool-rect').click()
        const box = await page.getByTestId('annotation-layer').boundingBox()
        if (!box) throw new Error('no drawing layer')
        await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3)
        await page.mouse.down()
        await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.45, { steps: 5 })
        await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.6, { steps: 5 })
        await page.mouse.up()
        await expect.poll(() => drawingsHere(page)).toBe(1)
        // Stored on the version's frame 11 (1001 + 11 = 1012), not on a time.
        const stored = async () =>
          Annotations.parse(
            await api.get(`/api/review/playlists/${dailies.playlist.id}/versions/${versionId}/annotations`),
          ).items
        await expect.poll(async () => (await stored()).map((a) => a.frame)).toEqual([11])
        await page.screenshot({ path: join(SCREENSHOTS, `review-drawing-1012-${lang}.png`) })

        // A fresh page load of the playlist.
        await openItem(page, item.id)
        await expectDrawingOnlyOn1012(page)

        // The supervisor makes the proxy again from the item's menu (a new file, frame for frame):
        // the drawing stays on its frame.
        const before = await proxyOf(versionId)
        const row = page.locator(`[data-testid="playlist-item"][data-item-id="${item.id}"]`)
        await row.getByTestId('playlist-item-menu').click()
        await page.getByTestId('playlist-item-remake-proxy').click()
        await proxyReady(versionId, before.revision + 1)
        await openItem(page, item.id)
        await expectDrawingOnlyOn1012(page)
        expect(refusals(watched.problems)).toEqual([])
      }, 240_000)
    }

    it('lets a named guest review its playlist through a link, and nothing else', async () => {
      if (!browser) throw new Error('no browser')
      const manager = await open('manager@demo.local', 'en')
      await manager.page.goto(`${url()}/review/${dailies.playlist.id}`)
      await manager.page.getByTestId('guest-links-open').click()
      await manager.page.getByLabel('Label').fill('Client dailies')
      await manager.page.getByRole('button', { name: 'Create link' }).click()
      const created = manager.page.getByTestId('guest-link-created')
      const link = await created.locator('input').inputValue()
      expect(link).toMatch(/\/guest\/[A-Za-z0-9_-]{20,}$/)
      await manager.page.screenshot({ path: join(SCREENSHOTS, 'review-guest-link.png') })

      // Someone without an account opens it in another browser, in Korean.
      const guest = await watchedPage(browser, { lang: 'ko', storeLanguage: true, height: 1000 })
      opened.push(guest)
      await guest.page.goto(link)
      await guest.page.getByLabel('이름').fill('민아')
      await guest.page.locator('button[type="submit"]').click()
      await guest.page.getByTestId('guest-name').waitFor()
      expect(await guest.page.getByTestId('guest-name').textContent()).toContain('민아')
      const session = guest.page.getByTestId('review-session')
      await session.waitFor()
      await expect.poll(async () => Number(await session.getAttribute('data-room-seq'))).toBeGreaterThanOrEqual(0)
      await guest.page.getByTestId('note-text').fill('하늘이 조금 밝아요')
      await guest.page.getByTestId('note-post').click()
      const note = guest.page.getByTestId('review-note').filter({ hasText: '하늘이 조금 밝아요' })
      await note.waitFor()
      // Attributed to the name the guest gave, marked as a guest.
      expect(await note.textContent()).toMatch(/민아.*게스트|게스트.*민아/s)
      await guest.page.screenshot({ path: join(SCREENSHOTS, 'review-guest-ko.png') })
      expect(refusals(guest.problems)).toEqual([])

      // The link's token opens its playlist and nothing else.
      const token = link.slice(link.lastIndexOf('/') + 1)
      const started = await fetch(`${url()}/api/review/guest-sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token, name: 'Mina' }),
      })
      expect(started.status).toBe(201)
      const guestToken = z.object({ accessToken: z.string() }).parse(await started.json()).accessToken
      const team = Detail.parse(
        await api.post(`/api/projects/${projectId}/playlists`, { name: 'Team only', audience: 'team' }),
      )
      const asGuest = (path: string) =>
        fetch(`${url()}${path}`, { headers: { authorization: `Bearer ${guestToken}` } }).then((r) => r.status)
      expect(await asGuest(`/api/review/playlists/${dailies.playlist.id}`)).toBe(200)
      expect(await asGuest(`/api/review/playlists/${team.playlist.id}`)).toBe(404)
      expect(await asGuest(`/api/projects/${projectId}`)).toBe(404)
      expect(await asGuest(`/api/projects/${projectId}/shot-table`)).toBe(404)
      expect(await asGuest('/api/projects')).toBe(404)

      // What the guest did is logged against the link, under the name they gave.
      const links = Links.parse(await api.get(`/api/review/playlists/${dailies.playlist.id}/guest-links`))
      const log = Log.parse(
        await api.get(`/api/review/playlists/${dailies.playlist.id}/guest-links/${links.items[0]?.id}/log`),
      )
      const did = log.items.filter((e) => e.guestName === '민아').map((e) => e.action)
      expect(did).toEqual(expect.arrayContaining(['session', 'join', 'comment']))
    }, 180_000)

    it('shows a client the playlist without versions hidden from clients, and without studio controls', async () => {
      // An item whose task is in a status clients do not see: its version is internal.
      const table = Table.parse(await api.get(`/api/projects/${projectId}/shot-table`))
      const statuses = Statuses.parse(await api.get(`/api/projects/${projectId}`)).statuses
      const hidden = new Set(statuses.filter((s) => !s.clientAllowed).map((s) => s.id))
      const internalTask = table.tasks.id.find((_, i) => hidden.has(table.tasks.statusId[i] ?? ''))
      if (!internalTask) throw new Error('the demo has no task hidden from clients')
      const withInternal = Detail.parse(
        await api.post(`/api/review/playlists/${dailies.playlist.id}/items`, { taskIds: [internalTask] }),
      )
      const internalItem = withInternal.items.find((i) => i.taskId === internalTask)
      if (!internalItem) throw new Error('the internal task was not added')

      const client = await open('client@demo.local', 'en')
      const { page } = client
      await page.goto(`${url()}/review/${dailies.playlist.id}`)
      await page.getByTestId('review-session').waitFor()
      const row = page.locator(`[data-testid="playlist-item"][data-item-id="${internalItem.id}"]`)
      await row.waitFor()
      expect(await row.getAttribute('data-version-number')).toBe('')
      const first = videoItems()[0]
      await page.locator(`[data-testid="playlist-item"][data-item-id="${first?.id}"]`).click()
      await page.getByTestId('review-player').waitFor()
      for (const control of ['compare-picker', 'review-approve', 'review-retake', 'room-take', 'guest-links-open'])
        expect(await page.getByTestId(control).count()).toBe(0)
      await page.screenshot({ path: join(SCREENSHOTS, 'review-client.png') })
      // What the client's own API answers agrees: no version for the internal item.
      const asClient = await apiAs(url(), 'client@demo.local')
      const seen = Detail.parse(await asClient.get(`/api/review/playlists/${dailies.playlist.id}`))
      expect(seen.items.find((i) => i.id === internalItem.id)?.version).toBeNull()
      expect(refusals(client.problems)).toEqual([])
    }, 120_000)
  },
)
