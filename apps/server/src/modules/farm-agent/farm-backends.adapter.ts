// Fills the agent module's port from the farm module (through its index) and the backend table.
import { type BackendRepository, createBackendRepository, type Db } from '@aipipeline/db'
import type { FarmModule } from '../farm'
import type { FarmBackendsPort } from './farm-backends.port'

/** The farm as the agent module sees it. */
export function farmBackendsPort(farm: Pick<FarmModule, 'backends'>, db: Db): FarmBackendsPort {
  const repo: BackendRepository = createBackendRepository(db)
  return {
    async findByUrl(url) {
      const b = await repo.findByUrl(url)
      return b && { id: b.id, state: b.state }
    },
    async register(input) {
      const b = await farm.backends.create(input)
      return { id: b.id, state: b.state }
    },
    recordGpuMetrics: (id, metrics) => farm.backends.recordGpuMetrics(id, metrics),
    markOffline: (id, reason) => farm.backends.markAgentSilent(id, reason),
    syncSilence: (silent) => farm.backends.syncAgentSilence(silent),
    async markBack(id) {
      const b = await farm.backends.markAgentBack(id)
      return { id, state: b.state }
    },
  }
}
