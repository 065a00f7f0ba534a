import { DEFAULT_INSTALLED_MODELS, type InstalledModels } from './default-object-info'
import { type Simulator, type SimulatorOptions, startSimulator } from './simulator.server'

export interface SimulatorFarm {
  readonly simulators: Simulator[]
  readonly urls: string[]
  close(): Promise<void>
}

/** Starts several simulators (for `aipipeline sim` and the demo); closes the started ones on failure. */
export async function startSimulatorFarm(specs: SimulatorOptions[]): Promise<SimulatorFarm> {
  const simulators: Simulator[] = []
  try {
    for (const [i, spec] of specs.entries()) simulators.push(await startSimulator({ name: `sim-${i + 1}`, ...spec }))
  } catch (err) {
    await Promise.all(simulators.map((s) => s.close()))
    throw err
  }
  return {
    simulators,
    get urls() {
      return simulators.map((s) => s.url)
    },
    close: async () => {
      await Promise.all(simulators.map((s) => s.close()))
    },
  }
}

// A mixed farm makes placement visible in the demo: GPUs differ in VRAM, speed and models.
const GPU_PROFILES: Array<{ gpu: string; vramGb: number; speed: number; video: boolean }> = [
  { gpu: 'rtx4090', vramGb: 24, speed: 1, video: true },
  { gpu: 'rtx3060', vramGb: 12, speed: 0.45, video: false },
  { gpu: 'a6000', vramGb: 48, speed: 0.9, video: true },
  { gpu: 'rtx4070ti', vramGb: 16, speed: 0.7, video: false },
]

function modelsFor(video: boolean): InstalledModels {
  if (video) return DEFAULT_INSTALLED_MODELS
  const { diffusion_models: _video, ...rest } = DEFAULT_INSTALLED_MODELS
  return { ...rest, diffusion_models: [] }
}

/** Specs for `count` simulators on consecutive ports from `port` (0 = ephemeral), cycling GPU profiles. */
export function simulatorFarmSpecs(
  count: number,
  options: { port?: number; host?: string; timeScale?: number } = {},
): SimulatorOptions[] {
  return Array.from({ length: count }, (_, i) => {
    const profile = GPU_PROFILES[i % GPU_PROFILES.length] ?? { gpu: 'gpu', vramGb: 24, speed: 1, video: true }
    const spec: SimulatorOptions = {
      name: `sim-${i + 1}-${profile.gpu}`,
      port: options.port ? options.port + i : 0,
      vramGb: profile.vramGb,
      speed: profile.speed,
      installedModels: modelsFor(profile.video),
    }
    if (options.host !== undefined) spec.host = options.host
    if (options.timeScale !== undefined) spec.timeScale = options.timeScale
    return spec
  })
}
