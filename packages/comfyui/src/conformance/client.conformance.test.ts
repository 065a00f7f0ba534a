import { startSimulator } from '../simulator/simulator.server'
import { defineClientConformance } from './client.conformance'

// The client suite always runs against the simulator. Set COMFYUI_URL (e.g.
// http://127.0.0.1:8188, started with --preview-method auto) to also run it against a real
// ComfyUI with at least one checkpoint installed; without it that run is skipped on purpose.

defineClientConformance({
  name: 'simulator',
  previews: true,
  longSteps: 12,
  async start() {
    const sim = await startSimulator({ timeScale: 0.1, name: 'conformance' })
    return {
      baseUrl: sim.url,
      dropSockets: () => sim.inject({ kind: 'drop-sockets' }),
      close: () => sim.close(),
    }
  },
})

const realUrl = process.env.COMFYUI_URL
if (realUrl) {
  defineClientConformance({
    name: `real ComfyUI at ${realUrl}`,
    previews: process.env.COMFYUI_PREVIEWS === '1',
    longSteps: 30,
    start: async () => ({ baseUrl: realUrl, close: async () => {} }),
  })
}
