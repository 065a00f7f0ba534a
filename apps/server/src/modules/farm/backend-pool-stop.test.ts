// Stopping the pool (shutdown, lost leadership) must not leave a health probe behind that
// writes to the database after it closed: stop() waits for probes in flight.
import { startSimulator } from '@aipipeline/comfyui'
import { createBackendRepository } from '@aipipeline/db'
import { DEFAULT_HEALTH_POLICY } from '@aipipeline/domain'
import { createTestDatabase } from '@aipipeline/testing'
import { describe, expect, it } from 'vitest'
import { BackendPool } from './backend-pool'
import { createFarmEvents } from './farm-events'

describe('backend pool stop', () => {
  it('waits for a probe in flight, so nothing is written after the database closes', async () => {
    const sim = await startSimulator({ port: 0, timeScale: 0, name: 'gpu-stop' })
    const testDb = await createTestDatabase('sqlite')
    try {
      const repo = createBackendRepository(testDb.handle.db)
      const record = await repo.insert({
        name: 'gpu-stop',
        url: sim.url,
        tags: [],
        maxInFlight: 2,
        enabled: true,
        state: 'online',
        capabilities: { nodeClasses: [], models: {} },
        vramGb: 24,
        comfyVersion: null,
      })
      // The pool stops the moment a state change begins: the probe has passed its own checks
      // and still has to re-read capabilities and store the new state.
      let stopping: Promise<void> | undefined
      const pool: BackendPool = new BackendPool({
        repo,
        events: createFarmEvents(null, { progressIntervalMs: 100, previewIntervalMs: 100 }),
        logger: {
          debug() {},
          warn() {},
          info() {
            stopping ??= pool.stop()
          },
        },
        policy: () => DEFAULT_HEALTH_POLICY,
        probeTimeoutMs: 5000,
        onLost: () => {},
        onChanged: () => {},
      })
      // Loaded at start-up: the first good probe takes it online.
      const rt = pool.add(record, { probeNow: true })
      const probing = pool.probe(rt)
      while (stopping === undefined) await new Promise((r) => setTimeout(r, 5))
      await stopping
      await testDb.cleanup()
      await expect(probing).resolves.toBeUndefined()
    } finally {
      await sim.close()
    }
  })
})
