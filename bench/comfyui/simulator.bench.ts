import { randomUUID } from 'node:crypto'
import { loadavg } from 'node:os'
import { ComfyClient, startSimulator, textToImagePrompt } from '@aipipeline/comfyui'
import WebSocket from 'ws'

// Simulator throughput with zero-duration nodes through the real HTTP + WebSocket path, and the
// overhead our ComfyClient adds on top (history fetch, event routing, zod parsing).
// Run: npx tsx bench/comfyui/simulator.bench.ts   (prints one JSON object; ~10 s)

const DURATION_MS = Number(process.env.BENCH_MS ?? 2000)
const IN_FLIGHT = 16

/** Submits with plain fetch and counts `executing: null` on a plain socket. */
interface RunResult {
  prompts: number
  seconds: number
  /** Process CPU (user + system) per prompt: simulator plus the client side, robust to a busy box. */
  cpuMsPerPrompt: number
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(since)
  return (u.user + u.system) / 1000
}

async function rawRun(url: string, steps: number): Promise<RunResult> {
  const clientId = `raw-${randomUUID()}`
  const ws = new WebSocket(`${url.replace('http', 'ws')}/ws?clientId=${clientId}`)
  await new Promise((r) => ws.once('open', r))
  let done = 0
  let submitted = 0
  const cpu = process.cpuUsage()
  const start = performance.now()
  let release: () => void = () => {}
  const finished = new Promise<void>((r) => {
    release = r
  })
  const submit = (): void => {
    submitted++
    const prompt = textToImagePrompt({ seed: submitted, steps, width: 64, height: 64 })
    void fetch(`${url}/prompt`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ prompt, client_id: clientId, prompt_id: randomUUID() }),
    }).then((r) => r.arrayBuffer())
  }
  ws.on('message', (data, isBinary) => {
    if (isBinary) return
    const text = data.toString()
    if (!text.startsWith('{"type":"executing"') || !text.includes('"node":null')) return
    done++
    if (performance.now() - start < DURATION_MS) submit()
    else if (done === submitted) release()
  })
  for (let i = 0; i < IN_FLIGHT; i++) submit()
  await finished
  const seconds = (performance.now() - start) / 1000
  ws.terminate()
  return { prompts: done, seconds, cpuMsPerPrompt: cpuMs(cpu) / done }
}

/** The same workload through ComfyClient: submit, watch, result (with the /history fetch). */
async function clientRun(url: string, steps: number): Promise<RunResult> {
  const client = new ComfyClient({ baseUrl: url, clientId: `bench-${randomUUID()}` })
  await client.connect()
  let done = 0
  let seed = 1_000_000
  const cpu = process.cpuUsage()
  const start = performance.now()
  const worker = async (): Promise<void> => {
    while (performance.now() - start < DURATION_MS) {
      const promptId = randomUUID()
      await client.submit(textToImagePrompt({ seed: seed++, steps, width: 64, height: 64 }), { promptId })
      const result = await client.watch(promptId).result
      if (result.outcome === 'success') done++
    }
  }
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker))
  const seconds = (performance.now() - start) / 1000
  client.close()
  return { prompts: done, seconds, cpuMsPerPrompt: cpuMs(cpu) / done }
}

async function main(): Promise<void> {
  const report: Record<string, unknown> = {
    node: process.version,
    durationMsPerRun: DURATION_MS,
    inFlight: IN_FLIGHT,
    // Wall-clock rates fall when other work shares the CPUs; CPU ms per prompt does not.
    loadAverage1m: Number((loadavg()[0] ?? 0).toFixed(2)),
    workload: 'text-to-image graph (7 nodes, 64x64, new seed per prompt: sampler/decode/save run, loaders cached)',
  }
  for (const steps of [1, 20]) {
    const sim = await startSimulator({ timeScale: 0, name: 'bench', previews: true })
    try {
      await rawRun(sim.url, steps) // warm-up: JIT and the loader cache
      const raw = await rawRun(sim.url, steps)
      const viaClient = await clientRun(sim.url, steps)
      const rawRate = raw.prompts / raw.seconds
      const clientRate = viaClient.prompts / viaClient.seconds
      report[`steps${steps}`] = {
        simulatorPromptsPerSecond: Math.round(rawRate),
        clientPromptsPerSecond: Math.round(clientRate),
        clientOverheadMsPerPrompt: Number((1000 / clientRate - 1000 / rawRate).toFixed(3)),
        cpuMsPerPromptRaw: Number(raw.cpuMsPerPrompt.toFixed(3)),
        cpuMsPerPromptViaClient: Number(viaClient.cpuMsPerPrompt.toFixed(3)),
        clientCpuOverheadMsPerPrompt: Number((viaClient.cpuMsPerPrompt - raw.cpuMsPerPrompt).toFixed(3)),
        socketMessagesSent: sim.state.sentMessages,
      }
    } finally {
      await sim.close()
    }
  }
  process.stdout.write(`${JSON.stringify(report)}\n`)
}

await main()
