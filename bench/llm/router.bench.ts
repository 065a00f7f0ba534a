// Router overhead: the same small chat call against the fake LLM server (a) with plain
// fetch, (b) through the AI SDK model directly and (c) through the SmartRouter (planning,
// breaker, timeout, ledger write to an in-memory port). Calls are interleaved so drift hits
// all three alike. The overhead is router minus SDK-direct, per call, as a median; the
// target is < 1 ms. Prints one JSON object; never asserts on time.
// Run: npx tsx bench/llm/router.bench.ts

import {
  createInMemoryCatalog,
  createInMemoryUsage,
  createLanguageModel,
  createSmartRouter,
  type Deployment,
  planRoute,
} from '@aipipeline/llm'
import { makeDeployment, startFakeLlmServer } from '@aipipeline/testing'
import { generateText } from 'ai'

const CALLS = Number(process.env.BENCH_CALLS ?? 400)

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? 0
const round = (x: number) => Number(x.toFixed(4))

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint()
  await fn()
  return Number(process.hrtime.bigint() - start) / 1e6
}

async function main() {
  const fake = await startFakeLlmServer({ keepRequests: false })
  const target = makeDeployment({ provider: 'openai', modelId: 'bench-model', fakeUrl: fake.url })
  // A realistic catalogue: the target plus 19 others the planner has to look at and rank.
  const others: Deployment[] = Array.from({ length: 19 }, (_, i) =>
    makeDeployment({ modelId: `other-${i}`, fakeUrl: fake.url, priority: 10 + i }),
  )
  const catalog = createInMemoryCatalog([target, ...others], { [target.id]: 'sk-bench-key-000000' })
  const usage = createInMemoryUsage()
  const router = createSmartRouter({ catalog, usage })
  const model = createLanguageModel(target, 'sk-bench-key-000000')
  const messages = [{ role: 'user' as const, content: 'Summarise: INT. KITCHEN - NIGHT. Mina pours tea.' }]
  const body = JSON.stringify({ model: 'bench-model', messages })

  const fetchDirect = () =>
    fetch(`${fake.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    }).then((r) => r.json())
  const sdkDirect = () => generateText({ model, messages, maxOutputTokens: 256, maxRetries: 0 })
  const routed = () =>
    router.generateText({
      taskClass: 'summarise',
      messages,
      maxOutputTokens: 256,
      constraints: { deploymentId: target.id },
    })
  const routedUnpinned = () => router.generateText({ taskClass: 'summarise', messages, maxOutputTokens: 256 })

  for (let i = 0; i < 50; i++) {
    await fetchDirect()
    await sdkDirect()
    await routed()
    await routedUnpinned()
  }
  const samples = { fetch: [] as number[], sdk: [] as number[], router: [] as number[], routerUnpinned: [] as number[] }
  for (let i = 0; i < CALLS; i++) {
    samples.fetch.push(await timed(fetchDirect))
    samples.sdk.push(await timed(sdkDirect))
    samples.router.push(await timed(routed))
    samples.routerUnpinned.push(await timed(routedUnpinned))
  }

  const planSamples: number[] = []
  const deployments = await catalog.deployments()
  for (let i = 0; i < 5_000; i++) {
    const start = process.hrtime.bigint()
    planRoute({
      deployments,
      call: { taskClass: 'summarise' },
      inputTokens: 40,
      cooling: new Set(),
      budgetState: 'none',
      remainingMicros: undefined,
    })
    planSamples.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  await fake.close()

  const overhead = samples.router.map((r, i) => r - (samples.sdk[i] ?? r))
  const overheadUnpinned = samples.routerUnpinned.map((r, i) => r - (samples.sdk[i] ?? r))
  console.log(
    JSON.stringify(
      {
        bench: 'llm-router',
        node: process.version,
        calls: CALLS,
        catalogueSize: deployments.length,
        medianMs: {
          fakeViaFetch: round(median(samples.fetch)),
          fakeViaSdk: round(median(samples.sdk)),
          router: round(median(samples.router)),
          routerUnpinned: round(median(samples.routerUnpinned)),
        },
        p95Ms: { fakeViaSdk: round(p95(samples.sdk)), router: round(p95(samples.router)) },
        routerOverheadMs: {
          medianPerCall: round(median(overhead)),
          medianPerCallUnpinned: round(median(overheadUnpinned)),
          // Less robust on a busy machine than the paired median above; reported for comparison.
          differenceOfMedians: round(median(samples.router) - median(samples.sdk)),
          targetBelow: 1,
        },
        planRouteMedianMs: round(median(planSamples)),
        ledgerRows: usage.records.length,
      },
      null,
      2,
    ),
  )
}

await main()
