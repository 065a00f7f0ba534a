// The review player component in Chromium over a frame-coded clip at 29.97 fps (drop-frame
// timecode): the counter, the frame the browser presented and the video's pixels agree after
// key steps, an outside seek (a presenter or a note click), play and pause; every frame reported
// while playing is the one on screen; a loop wraps from its out point to its in point.
import { openReviewPlayerPage } from '@aipipeline/testing/review-player-page'
import { requireFfmpeg } from '@aipipeline/testing/videos'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BrowserPage, browserTestsEnabled, closeBrowser, openBrowserPage } from './support/chromium'

const enabled = browserTestsEnabled('review player') && requireFfmpeg('review player')
const START = 1001

/** Waits until the counter and the presented frame both name `frame` (a 0-based index). */
async function settledOn(page: Page, frame: number) {
  const player = page.getByTestId('review-player')
  await player.and(page.locator(`[data-frame="${START + frame}"][data-shown-frame="${START + frame}"]`)).waitFor()
}

/**
 * Every frame reported while playing is the one on screen. The page reads the pixels inside the
 * browser's per-frame callback; on a loaded machine the callback can run after the next frame
 * has already reached the compositor, so the read-back may be one frame ahead, never behind, and
 * the reported frame is exact most of the time.
 */
function expectOnScreen(played: Array<{ frame: number; pixels: number | null }>) {
  const wrong = played.filter((r) => r.pixels === null || r.pixels < r.frame || r.pixels > r.frame + 1)
  expect(wrong.map((r) => ({ reported: r.frame, onScreen: r.pixels }))).toEqual([])
  expect(played.filter((r) => r.pixels === r.frame).length).toBeGreaterThanOrEqual(played.length * 0.8)
}

async function counter(page: Page): Promise<number> {
  return Number(await page.getByTestId('review-player').getAttribute('data-frame')) - START
}

describe.runIf(enabled)('the review player', () => {
  let opened: BrowserPage | undefined
  let player: Awaited<ReturnType<typeof openReviewPlayerPage>> | undefined
  const page = () => {
    if (!opened) throw new Error('no browser')
    return opened.page
  }
  const review = () => {
    if (!player) throw new Error('no player page')
    return player
  }

  beforeAll(async () => {
    opened = await openBrowserPage()
    player = await openReviewPlayerPage(opened.page, { fps: 29.97, ffmpeg: '30000/1001' }, 300)
    await opened.page.locator('[data-testid="review-player"][data-frame-count="300"]').waitFor()
  }, 120_000)

  afterAll(async () => {
    await player?.close()
    await closeBrowser(opened)
  })

  it('counts from the start frame and steps with the arrow keys', async () => {
    await settledOn(page(), 0)
    expect(await review().pixels()).toBe(0)
    await page().getByTestId('review-player').focus()
    for (let i = 0; i < 3; i++) await page().keyboard.press('ArrowRight')
    await settledOn(page(), 3)
    expect(await review().pixels()).toBe(3)
    await page().keyboard.press('Shift+ArrowRight')
    await settledOn(page(), 13)
    expect(await review().pixels()).toBe(13)
    await page().keyboard.press('j')
    await settledOn(page(), 12)
    expect(await review().pixels()).toBe(12)
    await expect(page().getByTestId('frame-counter').textContent()).resolves.toContain(String(START + 12))
    await expect(page().getByTestId('timecode').textContent()).resolves.toBe('00:00:00;12')
  })

  it('seeks exactly where an outside seek names', async () => {
    await review().set({ frame: 200 })
    await settledOn(page(), 200)
    expect(await review().pixels()).toBe(200)
    await page().keyboard.press('End')
    await settledOn(page(), 299)
    expect(await review().pixels()).toBe(299)
    await page().keyboard.press('Home')
    await settledOn(page(), 0)
  })

  it('reports only frames that are on screen while playing, and pauses on the frame shown', async () => {
    await review().set({ frame: 40 })
    await settledOn(page(), 40)
    const before = (await review().reports()).length
    await page().keyboard.press('Space')
    await page().locator('[data-testid="review-player"][data-playing="true"]').waitFor()
    await page().waitForFunction(() => {
      const el = document.querySelector('[data-testid="review-player"]')
      return Number(el?.getAttribute('data-frame')) >= 1001 + 70
    })
    await page().keyboard.press('k')
    await page().locator('[data-testid="review-player"][data-playing="false"]').waitFor()
    const paused = await counter(page())
    await settledOn(page(), paused)
    expect(await review().pixels()).toBe(paused)
    const played = (await review().reports()).slice(before).filter((r) => r.playing && r.frame > 40)
    expect(played.length).toBeGreaterThan(10)
    expectOnScreen(played)
    // Frames only move forward while playing (a dropped frame may be skipped, never repeated).
    const frames = played.map((r) => r.frame)
    expect(frames).toEqual([...frames].sort((a, b) => a - b))
  }, 60_000)

  it('wraps a loop at its out point back to its in point', async () => {
    await review().set({ frame: 100 })
    await settledOn(page(), 100)
    await page().keyboard.press('i')
    await review().set({ frame: 110 })
    await settledOn(page(), 110)
    await page().keyboard.press('o')
    await page().getByTestId('loop-range').waitFor()
    const before = (await review().reports()).length
    await page().keyboard.press('Home')
    await settledOn(page(), 100)
    await page().keyboard.press('Space')
    // Two wraps: the in point is reported again after the out point.
    await page().waitForFunction(
      (from) => {
        const reports = Reflect.get(Reflect.get(window, '__review'), 'reports') as Array<{
          frame: number
          playing: boolean
        }>
        return reports.slice(from).filter((r) => r.playing && r.frame === 100).length >= 2
      },
      before,
      { timeout: 30_000 },
    )
    await page().keyboard.press('Space')
    await page().locator('[data-testid="review-player"][data-playing="false"]').waitFor()
    const played = (await review().reports()).slice(before).filter((r) => r.playing)
    // Checked per presented frame: when a loaded machine coalesces the browser's frame callbacks,
    // the first one seen past the out point may be a frame or two beyond it; the next is the in point.
    expect(played.filter((r) => r.frame < 100 || r.frame > 112)).toEqual([])
    played.forEach((r, i) => {
      const next = played[i + 1]
      if (r.frame >= 110 && next) expect(next.frame).toBe(100)
    })
    expectOnScreen(played)
    expect(opened?.pageErrors).toEqual([])
  }, 60_000)

  it('draws the action and title safe areas exactly over the picture', async () => {
    await page().getByRole('button', { name: 'Safe areas (action 93 %, title 90 %)' }).click()
    await page().getByTestId('safe-area-action').waitFor()
    await page().getByTestId('safe-area-title').waitFor()
    const box = await page().getByTestId('review-picture-box').boundingBox()
    const action = await page().getByTestId('safe-area-action').boundingBox()
    if (!box || !action) throw new Error('the picture box is not laid out')
    expect(action.width / box.width).toBeCloseTo(0.93, 2)
    expect(box.width / box.height).toBeCloseTo(320 / 240, 2)
  })

  it('keeps side B of a compare on the same frame as side A', async () => {
    await review().compare('side-by-side')
    await page().getByTestId('compare-picture-second').waitFor()
    await review().set({ frame: 150 })
    await settledOn(page(), 150)
    await page().waitForFunction(() => {
      const b = document.querySelector('[data-testid="compare-picture-second"]')
      return b instanceof HTMLVideoElement && !b.seeking && b.readyState >= 2
    })
    expect(await review().pixels('[data-testid="compare-picture-first"]')).toBe(150)
    expect(await review().pixels('[data-testid="compare-picture-second"]')).toBe(150)
    await page().getByTestId('review-player').focus()
    await page().keyboard.press('ArrowLeft')
    await settledOn(page(), 149)
    await page().waitForFunction(() => {
      const b = document.querySelector('[data-testid="compare-picture-second"]')
      return b instanceof HTMLVideoElement && !b.seeking
    })
    expect(await review().pixels('[data-testid="compare-picture-second"]')).toBe(149)
    await review().compare(null)
    expect(opened?.pageErrors).toEqual([])
  })
})
