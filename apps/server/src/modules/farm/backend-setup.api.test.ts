// Setting up backends from the UI: "test connection" on a URL before registering it (what it
// found, or why not: unreachable, not ComfyUI, redirected, timed out), and the health history
// that records a backend going down and coming back, with probe latency.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { type Simulator, startSimulator } from '@aipipeline/comfyui'
import { BackendTestResult } from '@aipipeline/contracts'
import { freePort, testEngines } from '@aipipeline/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  closeFarm,
  eventually,
  type FarmTestStudio,
  farmTestStudio,
  registerSimulator,
} from '../../../test-kits/farm/farm-test.fixture'

const History = z.object({
  items: z.array(
    z.object({
      at: z.string(),
      kind: z.string(),
      state: z.string(),
      ok: z.boolean(),
      latencyMs: z.number().nullable(),
    }),
  ),
})

/** A plain web server: answers every path with `status`, a body and headers. */
async function webServer(
  handler: (path: string) => { status: number; body: string; headers?: Record<string, string> },
) {
  const server: Server = createServer((req, res) => {
    const out = handler(req.url ?? '/')
    res.writeHead(out.status, { 'content-type': 'text/html', ...out.headers })
    res.end(out.body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) }
}

for (const engine of testEngines('farm backend setup')) {
  describe(`farm backend setup [${engine}]`, () => {
    let t: FarmTestStudio
    let sim: Simulator
    beforeAll(async () => {
      t = await farmTestStudio(engine)
      t.studio.farm.tune({ healthSampleMs: 200, testConnectionTimeoutMs: 1500 })
      sim = await startSimulator({ name: 'gpu-test', timeScale: 0.01, vramGb: 24 })
    })
    afterAll(async () => closeFarm(t, sim))

    it('tests a ComfyUI URL without registering it: node classes, models and GPU', async () => {
      const res = await t.call('POST', '/api/farm/backends/test', { url: `${sim.url}/` })
      expect(res.status).toBe(200)
      const result = BackendTestResult.parse(res.json)
      if (!result.ok) throw new Error(result.detail)
      expect(result.url).toBe(sim.url)
      expect(result.nodeClassCount).toBeGreaterThan(10)
      expect(result.models.checkpoints).toContain('v1-5-pruned-emaonly.safetensors')
      expect(result.gpus[0]?.vramGb).toBe(24)
      const listed = z.object({ items: z.array(z.unknown()) }).parse((await t.call('GET', '/api/farm/backends')).json)
      expect(listed.items).toEqual([])
    })

    it('tells unreachable, not ComfyUI, redirected and timed out apart', async () => {
      const failure = async (url: string) => {
        const res = await t.call('POST', '/api/farm/backends/test', { url })
        expect(res.status).toBe(200)
        const result = BackendTestResult.parse(res.json)
        return result.ok ? 'ok' : result.failure
      }
      expect(await failure(`http://127.0.0.1:${await freePort()}`)).toBe('unreachable')
      const page = await webServer(() => ({ status: 200, body: '<html>hello</html>' }))
      const missing = await webServer(() => ({ status: 404, body: 'not found' }))
      const moved = await webServer(() => ({ status: 302, body: '', headers: { location: 'http://example.com/' } }))
      const silent = createServer(() => {})
      await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r))
      try {
        expect(await failure(page.url)).toBe('not_comfyui')
        expect(await failure(missing.url)).toBe('not_comfyui')
        expect(await failure(moved.url)).toBe('redirected')
        expect(await failure(`http://127.0.0.1:${(silent.address() as AddressInfo).port}`)).toBe('timeout')
      } finally {
        await Promise.all([page.close(), missing.close(), moved.close()])
        silent.closeAllConnections()
        await new Promise((r) => silent.close(r))
      }
    })

    it('refuses a non-http URL (400 naming the field) and an artist (403)', async () => {
      const bad = await t.call('POST', '/api/farm/backends/test', { url: 'file:///etc/passwd' })
      expect(bad.status).toBe(400)
      expect(JSON.stringify(bad.json)).toContain('url')
      const artist = await t.call('POST', '/api/farm/backends/test', { url: sim.url }, t.artist)
      expect(artist.status).toBe(403)
    })

    it('records a backend going offline and back online in its health history, with probe latency', async () => {
      const id = await registerSimulator(t, sim)
      t.studio.farm.start()
      const history = async () =>
        History.parse((await t.call('GET', `/api/farm/backends/${id}/health?limit=500`)).json).items
      await eventually(async () => (await history()).some((e) => e.kind === 'probe' && e.latencyMs !== null))
      await sim.inject({ kind: 'crash' })
      await eventually(async () => (await history()).some((e) => e.kind === 'transition' && e.state === 'offline'))
      await sim.restart()
      const items = await eventually(async () => {
        const all = await history()
        const down = all.findIndex((e) => e.state === 'offline')
        return all.slice(down).some((e) => e.kind === 'transition' && e.state === 'online') ? all : undefined
      })
      expect(items[0]).toMatchObject({ kind: 'transition', state: 'online' })
      expect(items.map((e) => e.at)).toEqual([...items.map((e) => e.at)].sort())
      expect((await t.call('PATCH', `/api/farm/backends/${id}`, { enabled: false })).status).toBe(200)
      expect((await history()).at(-1)).toMatchObject({ kind: 'transition', state: 'disabled' })
      const artist = await t.call('GET', `/api/farm/backends/${id}/health`, undefined, t.artist)
      expect(artist.status).toBe(200)
      expect((await t.call('GET', '/api/farm/backends/nope/health')).status).toBe(404)
    })
  })
}
