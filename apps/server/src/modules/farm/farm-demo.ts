// `aipipeline demo` and `aipipeline sim`: simulated ComfyUI servers so the Farm page is alive
// on a machine without a GPU. The demo's three differ in speed, VRAM and installed models.
import {
  DEFAULT_INSTALLED_MODELS,
  type Simulator,
  type SimulatorFarm,
  type SimulatorOptions,
  startSimulator,
} from '@aipipeline/comfyui'
import { Conflict } from '@aipipeline/domain'
import type { BackendService } from './backend.service'

const DEMO_BACKENDS: Array<SimulatorOptions & { tags: string[] }> = [
  {
    name: 'demo-rtx3090',
    speed: 1,
    vramGb: 24,
    tags: ['stills'],
    installedModels: { ...DEFAULT_INSTALLED_MODELS, diffusion_models: [] },
  },
  { name: 'demo-rtx4090', speed: 2, vramGb: 24, tags: ['stills', 'fast'], installedModels: DEFAULT_INSTALLED_MODELS },
  { name: 'demo-a100', speed: 3, vramGb: 80, tags: ['video'], installedModels: DEFAULT_INSTALLED_MODELS },
]

/**
 * Starts the demo's simulated backends and registers them. Each takes a free port from the
 * system: fixed ports made two demos on one machine fight over them, and a demo restarted while
 * another held its old ports would find its stored backends answering from the other demo's
 * simulators. A demo backend already registered under its name at another URL (every restart)
 * is registered anew at the new one.
 */
export async function startDemoFarm(backends: BackendService): Promise<SimulatorFarm> {
  const simulators: Simulator[] = []
  const close = async () => {
    await Promise.all(simulators.map((s) => s.close()))
  }
  try {
    for (const { tags: _tags, ...spec } of DEMO_BACKENDS) {
      simulators.push(await startSimulator({ ...spec, timeScale: 1, port: 0 }))
    }
    const registered = await backends.list()
    for (const [i, sim] of simulators.entries()) {
      const known = registered.find((b) => b.name === sim.name)
      if (known?.url === sim.url) continue
      // The URL is what identifies a backend's server: a moved demo backend is a new registration.
      if (known) await backends.remove(known.id)
      try {
        const tags = DEMO_BACKENDS[i]?.tags ?? []
        await backends.create({ name: sim.name, url: sim.url, tags, maxInFlight: 2, enabled: true })
      } catch (err) {
        if (!(err instanceof Conflict)) throw err
      }
    }
  } catch (err) {
    await close()
    throw err
  }
  return {
    simulators,
    get urls() {
      return simulators.map((s) => s.url)
    },
    close,
  }
}
