// Prometheus series of GPU agents: per backend and GPU, read from the backends' stored
// metrics at scrape time (so every studio instance reports the same numbers). Utilisation
// (aipipeline_farm_gpu_utilization_percent) is registered by the farm module.
import type { AgentBackendRecord, BackendRecord } from '@aipipeline/db'
import { Gauge, type Registry } from 'prom-client'

type Gpu = NonNullable<BackendRecord['gpuMetrics']>['gpus'][number]

export interface AgentMetricSources {
  backends(): Promise<BackendRecord[]>
  agentBackends(): Promise<AgentBackendRecord[]>
}

const MB = 1024 * 1024

const GPU_SERIES: { name: string; help: string; value: (g: Gpu) => number | null }[] = [
  {
    name: 'aipipeline_farm_gpu_temperature_celsius',
    help: 'GPU temperature reported by the GPU agent',
    value: (g) => g.temperatureC,
  },
  {
    name: 'aipipeline_farm_gpu_memory_used_bytes',
    help: 'GPU memory in use as the GPU agent reports it',
    value: (g) => (g.memoryUsedMb === null ? null : g.memoryUsedMb * MB),
  },
  {
    name: 'aipipeline_farm_gpu_memory_total_bytes',
    help: 'GPU memory size as the GPU agent reports it',
    value: (g) => (g.memoryTotalMb === null ? null : g.memoryTotalMb * MB),
  },
  { name: 'aipipeline_farm_gpu_power_watts', help: 'GPU power draw reported by the GPU agent', value: (g) => g.powerW },
]

/** Registers the agent series on `registry`. */
export function registerAgentMetrics(registry: Registry, sources: AgentMetricSources): void {
  for (const series of GPU_SERIES) {
    new Gauge({
      name: series.name,
      help: series.help,
      labelNames: ['backend', 'gpu'] as const,
      registers: [registry],
      async collect() {
        this.reset()
        for (const b of await sources.backends()) {
          for (const g of b.gpuMetrics?.gpus ?? []) {
            const v = series.value(g)
            if (v !== null) this.set({ backend: b.name, gpu: String(g.index) }, v)
          }
        }
      },
    })
  }
  new Gauge({
    name: 'aipipeline_farm_agent_heartbeat_age_seconds',
    help: 'Seconds since the GPU agent of each backend last sent a heartbeat',
    labelNames: ['backend'] as const,
    registers: [registry],
    async collect() {
      this.reset()
      const names = new Map((await sources.backends()).map((b) => [b.id, b.name]))
      const now = Date.now()
      for (const a of await sources.agentBackends()) {
        const name = names.get(a.backendId)
        if (name !== undefined) this.set({ backend: name }, (now - Date.parse(a.lastHeartbeatAt)) / 1000)
      }
    },
  })
}
