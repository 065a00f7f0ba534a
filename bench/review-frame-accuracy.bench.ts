// Frame accuracy of the review player in Chromium, at 23.976, 24, 25 and 29.97 fps: per rate, a
// clip whose every frame encodes its own index in pixels (all-intra H.264 like a review proxy),
// REVIEW_BENCH_SEEKS random seeks and REVIEW_BENCH_STEPS single steps (both directions) with the
// player's own frame driver; after each, the pixels of the displayed frame are read back and
// compared with the counter. Target: 0 mismatches. Then PLAY frames of playback: each presented
// frame is read back inside its own callback (`playedExact`; `playedLate` = the next frame was
// already on screen when the callback ran). Prints one JSON object.
// Run: npx tsx bench/review-frame-accuracy.bench.ts  (a few minutes).

import { launchChromium } from '@aipipeline/testing/chromium'
import { openFrameAccuracy, REVIEW_RATES } from '@aipipeline/testing/frame-accuracy'

const SEEKS = Number(process.env.REVIEW_BENCH_SEEKS ?? 200)
const STEPS = Number(process.env.REVIEW_BENCH_STEPS ?? 200)
const FRAMES = 480
/** Frames of 1× playback per rate, read back in each frame's callback (reported, not a pass/fail). */
const PLAY = Number(process.env.REVIEW_BENCH_PLAY ?? 240)
const SEED = Number(process.env.REVIEW_BENCH_SEED ?? 20261208)

const browser = await launchChromium()
try {
  const page = await browser.newPage()
  const bench = await openFrameAccuracy(page, FRAMES)
  try {
    const rates = []
    for (const [i, rate] of REVIEW_RATES.entries()) rates.push(await bench.run(rate, SEEKS, STEPS, SEED + i, PLAY))
    const totalMismatches = rates.reduce((n, r) => n + r.mismatches, 0)
    console.log(JSON.stringify({ frames: FRAMES, seed: SEED, rates, totalMismatches }, null, 2))
  } finally {
    await bench.close()
  }
} finally {
  await browser.close()
}
