// The demo farm: two demos started with the same port base (parallel test files, a second
// studio) never collide, and a demo backend whose fixed port was taken is found at its new URL.
import { createServer, type Server } from 'node:net'
import type { SimulatorFarm } from '@aipipeline/comfyui'
import { testEngines } from '@aipipeline/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type FarmTestStudio, farmTestStudio } from '../../../test-kits/farm/farm-test.fixture'
import { startDemoFarm } from './farm-demo'

/** Holds a free port until closed. */
async function holdPort(): Promise<{ port: number; server: Server }> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no port')
  return { port: address.port, server }
}

for (const engine of testEngines('farm demo')) {
  describe(`farm demo [${engine}]`, () => {
    let a: FarmTestStudio
    let b: FarmTestStudio
    const farms: SimulatorFarm[] = []
    let held: { port: number; server: Server }
    beforeAll(async () => {
      a = await farmTestStudio(engine)
      b = await farmTestStudio(engine)
      held = await holdPort()
    })
    afterAll(async () => {
      await Promise.all(farms.map((f) => f.close()))
      await new Promise((r) => held.server.close(r))
      await a.studio.close()
      await b.studio.close()
    })

    it('starts beside another demo and a taken port, registering the URLs it really got', async () => {
      const first = await startDemoFarm(a.studio.farm.backends, held.port)
      farms.push(first)
      const second = await startDemoFarm(b.studio.farm.backends, held.port)
      farms.push(second)
      const urls = [...first.urls, ...second.urls]
      expect(new Set(urls).size).toBe(6)
      expect(urls).not.toContain(`http://127.0.0.1:${held.port}`)
      const stored = await b.studio.farm.backends.list()
      expect(stored.map((x) => [x.name, x.url]).sort()).toEqual(second.simulators.map((s) => [s.name, s.url]).sort())
      // Restarted on other ports: the same names, now at the new URLs, nothing left behind.
      await second.close()
      const again = await startDemoFarm(b.studio.farm.backends, held.port)
      farms.push(again)
      const moved = await b.studio.farm.backends.list()
      expect(moved.map((x) => [x.name, x.url]).sort()).toEqual(again.simulators.map((s) => [s.name, s.url]).sort())
    }, 60_000)
  })
}
