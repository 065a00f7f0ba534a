// Capability discovery of a ComfyUI server: node classes from /object_info, VRAM and version
// from /system_stats, model files per folder from /models. /object_info is slow on big
// installs, so it is read at registration, on reconnect and on demand, never as a probe.
import { type ComfyClient, FeaturesSchema } from '@aipipeline/comfyui'
import type { BackendCapabilities } from '@aipipeline/db'

export interface DiscoveredBackend {
  capabilities: BackendCapabilities
  vramGb: number
  comfyVersion: string | null
}

const GB = 1024 ** 3

/** Reads a backend's capabilities; throws with the failing route when the server does not answer. */
export async function discoverBackend(client: ComfyClient): Promise<DiscoveredBackend> {
  const [info, stats, folders] = await Promise.all([client.refreshObjectInfo(), client.systemStats(), client.models()])
  const models: Record<string, string[]> = {}
  // Folders are read one by one: ComfyUI scans the disk for each and we do not want a burst.
  for (const folder of folders) {
    const files = await client.models(folder)
    if (files.length > 0) models[folder] = [...files].sort()
  }
  const vramBytes = Math.max(0, ...stats.devices.map((d) => d.vram_total ?? 0))
  return {
    capabilities: { nodeClasses: Object.keys(info).sort(), models },
    vramGb: Math.round((vramBytes / GB) * 10) / 10,
    comfyVersion: stats.system.comfyui_version ?? null,
  }
}

/** Every model file of a backend, whatever its folder. */
export function modelFiles(capabilities: BackendCapabilities): Set<string> {
  return new Set(Object.values(capabilities.models).flat())
}

/** Cheap liveness probe: GET /features with a short timeout. Resolves with a reason on failure. */
export async function probeFeatures(
  baseUrl: string,
  timeoutMs: number,
): Promise<{ ok: true } | { ok: false; reason: string }> {
  try {
    const res = await fetch(`${baseUrl}/features`, { signal: AbortSignal.timeout(timeoutMs) })
    if (!res.ok) return { ok: false, reason: `GET /features answered ${res.status}` }
    const parsed = FeaturesSchema.safeParse(await res.json())
    return parsed.success ? { ok: true } : { ok: false, reason: 'GET /features returned an unexpected body' }
  } catch (err) {
    return { ok: false, reason: describeFetchError(err) }
  }
}

/** A short human reason for a failed request (connection refused, timeout, DNS). */
export function describeFetchError(err: unknown): string {
  if (!(err instanceof Error)) return String(err)
  if (err.name === 'TimeoutError') return 'timed out'
  const cause = err.cause instanceof Error ? err.cause : null
  const code = cause && 'code' in cause ? String(cause.code) : null
  if (code === 'ECONNREFUSED') return 'connection refused'
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found'
  return cause?.message ?? err.message
}
