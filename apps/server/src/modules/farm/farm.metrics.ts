// Prometheus series of the render farm, registered on the app's registry. Gauges are read
// at scrape time from the database (so every instance reports the same numbers) and from
// the leader's live view; histograms and counters are fed by the dispatcher as events happen.
import type { BackendRecord } from '@aipipeline/db'
import { priorityBand } from '@aipipeline/domain'
import { Counter, Gauge, Histogram, type Registry } from 'prom-client'

export interface FarmMetricSources {
  jobCounts(): Promise<Array<{ state: string; priority: number; count: number }>>
  backends(): Promise<BackendRecord[]>
}

export interface FarmMetrics {
  dispatchLatency: Histogram
  queueWait: Histogram
  jobDuration: Histogram
  attempts: Counter<'outcome'>
  modelSwitches: Counter<'backend'>
}

const GB = 1024 ** 3

/** Registers the farm's series on `registry`. */
export function createFarmMetrics(registry: Registry, sources: FarmMetricSources): FarmMetrics {
  const registers = [registry]
  new Gauge({
    name: 'aipipeline_farm_queue_depth',
    help: 'Queued render jobs by priority band (low 0-33, normal 34-66, high 67-100)',
    labelNames: ['band'] as const,
    registers,
    async collect() {
      const bands = { low: 0, normal: 0, high: 0 }
      for (const row of await sources.jobCounts())
        if (row.state === 'queued') bands[priorityBand(row.priority)] += row.count
      for (const [band, n] of Object.entries(bands)) this.set({ band }, n)
    },
  })
  new Gauge({
    name: 'aipipeline_farm_jobs',
    help: 'Render jobs by state',
    labelNames: ['state'] as const,
    registers,
    async collect() {
      this.reset()
      const byState = new Map<string, number>()
      for (const row of await sources.jobCounts()) byState.set(row.state, (byState.get(row.state) ?? 0) + row.count)
      for (const [state, n] of byState) this.set({ state }, n)
    },
  })
  registerBackendGauges(registers, sources)
  return {
    dispatchLatency: new Histogram({
      name: 'aipipeline_farm_dispatch_latency_seconds',
      help: 'Time from claiming a job for a backend to ComfyUI accepting its prompt',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    }),
    queueWait: new Histogram({
      name: 'aipipeline_farm_queue_wait_seconds',
      help: 'Time a render job waited in the queue before it was placed',
      buckets: [0.01, 0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600],
      registers,
    }),
    jobDuration: new Histogram({
      name: 'aipipeline_farm_job_duration_seconds',
      help: 'Execution time of successful render jobs on their backend',
      buckets: [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 900],
      registers,
    }),
    attempts: new Counter({
      name: 'aipipeline_farm_attempts_total',
      help: 'Finished attempts by outcome',
      labelNames: ['outcome'] as const,
      registers,
    }),
    modelSwitches: new Counter({
      name: 'aipipeline_farm_model_switches_total',
      help: 'Prompts that started with another main model than the previous one on the backend',
      labelNames: ['backend'] as const,
      registers,
    }),
  }
}

function registerBackendGauges(registers: Registry[], sources: FarmMetricSources): Gauge[] {
  const states = new Gauge({
    name: 'aipipeline_farm_backends',
    help: 'Backends by state',
    labelNames: ['state'] as const,
    registers,
    async collect() {
      const counts: Record<string, number> = { online: 0, degraded: 0, offline: 0, disabled: 0 }
      for (const b of await sources.backends()) counts[b.state] = (counts[b.state] ?? 0) + 1
      for (const [state, n] of Object.entries(counts)) this.set({ state }, n)
    },
  })
  const vram = new Gauge({
    name: 'aipipeline_farm_backend_vram_bytes',
    help: 'Total VRAM of each backend as /system_stats reports it',
    labelNames: ['backend'] as const,
    registers,
    async collect() {
      this.reset()
      for (const b of await sources.backends()) this.set({ backend: b.name }, b.vramGb * GB)
    },
  })
  const gpu = new Gauge({
    name: 'aipipeline_farm_gpu_utilization_percent',
    help: 'GPU utilisation reported by the GPU agent',
    labelNames: ['backend', 'gpu'] as const,
    registers,
    async collect() {
      this.reset()
      for (const b of await sources.backends()) {
        for (const g of b.gpuMetrics?.gpus ?? []) {
          if (g.utilizationPercent !== null) this.set({ backend: b.name, gpu: String(g.index) }, g.utilizationPercent)
        }
      }
    },
  })
  return [states, vram, gpu]
}
