// `aipipeline demo` and `aipipeline sim`: simulated ComfyUI servers so the Farm page is alive
// on a machine without a GPU. The demo's three differ in speed, VRAM and installed models.
import {
  DEFAULT_INSTALLED_MODELS,
  type Simulator,
  type SimulatorFarm,
  type SimulatorOptions,
  startSimulator,
  startSimulatorFarm,
} from '@aipipeline/comfyui'
import { Conflict } from '@aipipeline/domain'
import type { Command } from 'commander'
import type { BackendService } from './backend.service'

/** Fixed ports by default, so a restarted demo finds its backends registered already. */
export const DEMO_PORT_BASE = 8801

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

function addressInUse(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && err.code === 'EADDRINUSE'
}

/** A simulator on `port`, or on an ephemeral port when another process holds that one. */
async function startOnPreferredPort(spec: SimulatorOptions, port: number): Promise<Simulator> {
  try {
    return await startSimulator({ ...spec, port })
  } catch (err) {
    if (!addressInUse(err)) throw err
    return startSimulator({ ...spec, port: 0 })
  }
}

/**
 * Starts the demo's simulated backends on `portBase`, `portBase + 1`, … and registers them.
 * A taken port (another demo, a parallel test file) falls back to an ephemeral one; a demo
 * backend already registered under its name at another URL is registered anew at the new one.
 */
export async function startDemoFarm(backends: BackendService, portBase = DEMO_PORT_BASE): Promise<SimulatorFarm> {
  const simulators: Simulator[] = []
  const close = async () => {
    await Promise.all(simulators.map((s) => s.close()))
  }
  try {
    for (const [i, { tags: _tags, ...spec }] of DEMO_BACKENDS.entries()) {
      simulators.push(await startOnPreferredPort({ ...spec, timeScale: 1 }, portBase + i))
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

/** `aipipeline sim --count N --port P`: simulated ComfyUI servers on consecutive ports. */
export function registerSimCommand(program: Command): void {
  program
    .command('sim')
    .description('run simulated ComfyUI servers (for trying the farm without a GPU)')
    .option('--count <n>', 'how many servers', '1')
    .option('--port <port>', 'first port (the others follow)', '8188')
    .action(async (opts: { count: string; port: string }) => {
      const count = Number.parseInt(opts.count, 10)
      const port = Number.parseInt(opts.port, 10)
      if (!Number.isInteger(count) || count < 1 || count > 64) throw new Error('--count must be 1..64')
      if (!Number.isInteger(port) || port < 1 || port > 65535 - count) throw new Error('--port must be a valid port')
      const farm = await startSimulatorFarm(
        Array.from({ length: count }, (_, i) => ({ port: port + i, speed: 1 + (i % 3), vramGb: [24, 48, 80][i % 3] })),
      )
      for (const url of farm.urls) process.stdout.write(`${url}\n`)
      process.once('SIGINT', () => {
        void farm.close().then(() => process.exit(0))
      })
    })
}
