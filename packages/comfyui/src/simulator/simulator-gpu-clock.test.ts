import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { textToImagePrompt } from './sample-prompts'
import { type Simulator, startSimulator } from './simulator.server'

// The simulated GPU keeps its own clock: a run takes its nominal time even when the host's
// event loop is blocked for a while in the middle of it (as on a loaded CI machine, or with
// many simulators in one process). Benchmarks of scheduling depend on this.

const sims: Simulator[] = []
const sockets: WebSocket[] = []
afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.terminate()
  await Promise.all(sims.splice(0).map((s) => s.close()))
})

/** Runs one text-to-image prompt on a fresh simulator; blocks the event loop once, at the first sampler step, when asked. */
async function timedRun(blockMs: number): Promise<number> {
  const sim = await startSimulator({ timeScale: 0.2, previews: false })
  sims.push(sim)
  const clientId = `clock-${blockMs}`
  const ws = new WebSocket(`${sim.url.replace('http', 'ws')}/ws?clientId=${clientId}`)
  sockets.push(ws)
  await new Promise((resolve) => ws.once('open', resolve))
  const done = new Promise<number>((resolve) => {
    let blocked = false
    ws.on('message', (raw, binary) => {
      if (binary) return
      const msg = JSON.parse(raw.toString()) as { type: string; data: { node?: string | null; value?: number } }
      if (msg.type === 'progress' && !blocked && blockMs > 0) {
        blocked = true
        const until = Date.now() + blockMs
        while (Date.now() < until) {
          // Busy: nothing else in this process runs, simulator timers included.
        }
      }
      if (msg.type === 'executing' && msg.data.node === null) resolve(Date.now())
    })
  })
  const startedAt = Date.now()
  const res = await fetch(`${sim.url}/prompt`, {
    method: 'POST',
    body: JSON.stringify({ prompt: textToImagePrompt({ steps: 80, seed: 7 }), client_id: clientId }),
  })
  expect(res.status).toBe(200)
  return (await done) - startedAt
}

describe('simulator GPU clock', () => {
  it('does not stretch a run by the time its event loop was blocked', async () => {
    const undisturbed = await timedRun(0)
    // 80 steps of 12 ms: the block ends well before the sampler's nominal end, so the GPU
    // clock can absorb it. Sleeping for durations instead, the run would take 400 ms longer.
    const blocked = await timedRun(400)
    expect(blocked - undisturbed).toBeLessThan(200)
    expect(blocked).toBeGreaterThanOrEqual(400)
  })
})
