// `aipipeline sim`: simulated ComfyUI servers on consecutive ports, to try the farm without a GPU.
import type { Command } from 'commander'

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
      const { startSimulatorFarm } = await import('@aipipeline/comfyui')
      const farm = await startSimulatorFarm(
        Array.from({ length: count }, (_, i) => ({ port: port + i, speed: 1 + (i % 3), vramGb: [24, 48, 80][i % 3] })),
      )
      for (const url of farm.urls) process.stdout.write(`${url}\n`)
      process.once('SIGINT', () => {
        void farm.close().then(() => process.exit(0))
      })
    })
}
