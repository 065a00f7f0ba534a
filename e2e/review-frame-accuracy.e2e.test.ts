// The review player's frame accuracy in Chromium (a smaller run of
// bench/review-frame-accuracy.bench.ts, so CI guards it): at 23.976, 24, 25 and 29.97 fps, 20
// random seeks and 20 single steps with the player's own frame driver on a frame-coded clip;
// after each, the index read from the displayed frame's pixels equals the counter's frame, and
// every seek and step lands on the frame it asked for.
import { openFrameAccuracy, REVIEW_RATES } from '@aipipeline/testing/frame-accuracy'
import { requireFfmpeg } from '@aipipeline/testing/videos'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BrowserPage, browserTestsEnabled, closeBrowser, openBrowserPage } from './support/chromium'

const enabled = browserTestsEnabled('review frame accuracy') && requireFfmpeg('review frame accuracy')

describe.runIf(enabled)('the review player in Chromium', () => {
  let opened: BrowserPage | undefined
  let bench: Awaited<ReturnType<typeof openFrameAccuracy>> | undefined

  beforeAll(async () => {
    opened = await openBrowserPage()
    bench = await openFrameAccuracy(opened.page, 240)
  }, 120_000)

  afterAll(async () => {
    await bench?.close()
    await closeBrowser(opened)
  })

  for (const [i, rate] of REVIEW_RATES.entries()) {
    it(`shows the frame its counter names at ${rate.fps} fps, seeking and stepping`, async () => {
      if (!bench) throw new Error('the frame-accuracy page did not open')
      const run = await bench.run(rate, 20, 20, 1001 + i)
      expect(run.examples).toEqual([])
      expect(run).toMatchObject({ seeks: 20, steps: 20, mismatches: 0, offTarget: 0 })
      expect(opened?.pageErrors).toEqual([])
    }, 120_000)
  }
})
