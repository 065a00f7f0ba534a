// GPU facts from `nvidia-smi` CSV output. No nvidia-smi on the host is normal (a CPU box, a
// Mac, a container without the driver): the agent then reports no GPU metrics, not an error.
import { execFile } from 'node:child_process'
import { type AgentGpuSample, AgentGpuSample as AgentGpuSampleSchema } from '@aipipeline/contracts'

export const NVIDIA_SMI_ARGS = [
  '--query-gpu=index,name,utilization.gpu,temperature.gpu,memory.used,memory.total,power.draw',
  '--format=csv,noheader,nounits',
]

export type GpuReading =
  | { kind: 'gpus'; gpus: AgentGpuSample[] }
  | { kind: 'absent' }
  | { kind: 'failed'; reason: string }

/** A number, or null for the driver's placeholders such as `[N/A]` and `[Not Supported]`. */
function numberOrNull(field: string): number | null {
  const text = field.trim()
  if (text === '' || text.startsWith('[')) return null
  const n = Number(text)
  return Number.isFinite(n) ? n : null
}

/** Parses the CSV lines; throws naming the line when one does not have the seven fields. */
export function parseNvidiaSmiCsv(csv: string): AgentGpuSample[] {
  const gpus: AgentGpuSample[] = []
  for (const [i, raw] of csv.split(/\r?\n/).entries()) {
    const line = raw.trim()
    if (line === '') continue
    const fields = line.split(',').map((f) => f.trim())
    // GPU names have no commas in practice; if one ever does, the surplus belongs to the name.
    if (fields.length < 7) throw new Error(`nvidia-smi line ${i + 1} has ${fields.length} fields, want 7: "${line}"`)
    const tail = fields.slice(-5)
    const name = fields.slice(1, fields.length - 5).join(', ')
    const parsed = AgentGpuSampleSchema.safeParse({
      index: numberOrNull(fields[0] ?? ''),
      name,
      utilizationPercent: numberOrNull(tail[0] ?? ''),
      temperatureC: numberOrNull(tail[1] ?? ''),
      memoryUsedMb: numberOrNull(tail[2] ?? ''),
      memoryTotalMb: numberOrNull(tail[3] ?? ''),
      powerW: numberOrNull(tail[4] ?? ''),
    })
    if (!parsed.success) throw new Error(`nvidia-smi line ${i + 1} is not a GPU reading: "${line}"`)
    gpus.push(parsed.data)
  }
  return gpus
}

/** Runs `nvidia-smi` from PATH and parses its answer; never throws. */
export function readGpus(opts: { command?: string; timeoutMs?: number } = {}): Promise<GpuReading> {
  return new Promise((resolve) => {
    execFile(
      opts.command ?? 'nvidia-smi',
      NVIDIA_SMI_ARGS,
      { timeout: opts.timeoutMs ?? 5000, encoding: 'utf8' },
      (err, stdout, stderr) => {
        if (err) {
          if ('code' in err && err.code === 'ENOENT') return resolve({ kind: 'absent' })
          return resolve({ kind: 'failed', reason: (stderr.trim() || err.message).slice(0, 300) })
        }
        try {
          resolve({ kind: 'gpus', gpus: parseNvidiaSmiCsv(stdout) })
        } catch (parseErr) {
          resolve({ kind: 'failed', reason: parseErr instanceof Error ? parseErr.message : String(parseErr) })
        }
      },
    )
  })
}
