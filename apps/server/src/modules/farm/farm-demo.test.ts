// The demo farm: two demos on one machine never collide (parallel test files, a second studio),
// and a demo never takes the ports another demo's database still points at.
import type { SimulatorFarm } from '@aipipeline/comfyui'
import { testEngines } from '@aipipeline/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type FarmTestStudio, farmTestStudio } from '../../../test-kits/farm/farm-test.fixture'
import { startDemoFarm } from './farm-demo'

for (const engine of testEngines('farm demo')) {
  describe(`farm demo [${engine}]`, () => {
    let a: FarmTestStudio
    let b: FarmTestStudio
    const farms: SimulatorFarm[] = []
    beforeAll(async () => {
      a = await farmTestStudio(engine)
      b = await farmTestStudio(engine)
    })
    afterAll(async () => {
      await Promise.all(farms.map((f) => f.close()))
      await a.studio.close()
      await b.studio.close()
    })

    const urlsOf = async (studio: FarmTestStudio) =>
      (await studio.studio.farm.backends.list()).map((x) => [x.name, x.url]).sort()

    it('starts two demos side by side, each on its own free ports, registering the URLs it really got', async () => {
      const first = await startDemoFarm(a.studio.farm.backends)
      const second = await startDemoFarm(b.studio.farm.backends)
      expect(new Set([...first.urls, ...second.urls]).size).toBe(6)
      expect(await urlsOf(a)).toEqual(first.simulators.map((s) => [s.name, s.url]).sort())
      expect(await urlsOf(b)).toEqual(second.simulators.map((s) => [s.name, s.url]).sort())
      await Promise.all([first.close(), second.close()])
    }, 60_000)

    it("never takes the ports a stopped demo's backends are registered at; the restarted demo moves them", async () => {
      const stopped = await startDemoFarm(a.studio.farm.backends)
      await stopped.close()
      const other = await startDemoFarm(b.studio.farm.backends)
      farms.push(other)
      expect(other.urls.filter((url) => stopped.urls.includes(url))).toEqual([])
      const restarted = await startDemoFarm(a.studio.farm.backends)
      farms.push(restarted)
      expect(restarted.urls.filter((url) => other.urls.includes(url))).toEqual([])
      expect(await urlsOf(a)).toEqual(restarted.simulators.map((s) => [s.name, s.url]).sort())
    }, 60_000)
  })
}
