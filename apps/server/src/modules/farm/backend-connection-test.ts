// "Test connection" before a backend is registered: reads /system_stats, /object_info and
// /models of a URL a manager typed, with one deadline for the whole test and no redirects
// followed (a ComfyUI server does not redirect its API; a redirect points somewhere else).
import { ModelListSchema, SystemStatsSchema } from '@aipipeline/comfyui'
import type { BackendTestFailure, BackendTestResult } from '@aipipeline/contracts'
import { z } from 'zod'
import { describeFetchError } from './backend-discovery'
import { normaliseBackendUrl } from './backend-url'

/** A failed step of the test, already classified for the UI. */
class TestFailed extends Error {
  constructor(
    readonly failure: BackendTestFailure,
    readonly detail: string,
  ) {
    super(detail)
  }
}

const GB = 1024 ** 3
const AnyObject = z.record(z.string(), z.unknown())
/** Model folders read at most; ComfyUI scans the disk for each. */
const MAX_FOLDERS = 40

/** Tests a ComfyUI URL within `timeoutMs`; never throws for what the server answers. */
export async function testBackendConnection(rawUrl: string, timeoutMs: number): Promise<BackendTestResult> {
  const url = normaliseBackendUrl(rawUrl)
  const signal = AbortSignal.timeout(timeoutMs)
  const get = async <T>(path: string, schema: z.ZodType<T>): Promise<T> => {
    let res: Response
    try {
      res = await fetch(`${url}${path}`, { signal, redirect: 'manual', headers: { accept: 'application/json' } })
    } catch (err) {
      const reason = describeFetchError(err)
      throw new TestFailed(reason === 'timed out' || signal.aborted ? 'timeout' : 'unreachable', reason)
    }
    if (res.status >= 300 && res.status < 400) {
      throw new TestFailed(
        'redirected',
        `GET ${path} redirected to ${res.headers.get('location') ?? 'another address'}`,
      )
    }
    if (!res.ok) throw new TestFailed('not_comfyui', `GET ${path} answered ${res.status}`)
    let body: unknown
    try {
      body = await res.json()
    } catch (err) {
      if (signal.aborted) throw new TestFailed('timeout', 'timed out')
      throw new TestFailed('not_comfyui', `GET ${path} did not return JSON (${describeFetchError(err)})`)
    }
    const parsed = schema.safeParse(body)
    if (!parsed.success) throw new TestFailed('not_comfyui', `GET ${path} returned an unexpected body`)
    return parsed.data
  }
  try {
    const started = performance.now()
    const stats = await get('/system_stats', SystemStatsSchema)
    const latencyMs = Math.round(performance.now() - started)
    const info = await get('/object_info', AnyObject)
    const folders = (await get('/models', ModelListSchema)).slice(0, MAX_FOLDERS)
    const models: Record<string, string[]> = {}
    for (const folder of folders) {
      const files = await get(`/models/${encodeURIComponent(folder)}`, ModelListSchema)
      if (files.length > 0) models[folder] = [...files].sort()
    }
    return {
      ok: true,
      url,
      comfyVersion: stats.system.comfyui_version ?? null,
      nodeClassCount: Object.keys(info).length,
      models,
      gpus: stats.devices
        .filter((d) => d.type !== 'cpu')
        .map((d) => ({ name: d.name, vramGb: Math.round((d.vram_total / GB) * 10) / 10 })),
      latencyMs,
    }
  } catch (err) {
    if (err instanceof TestFailed) return { ok: false, url, failure: err.failure, detail: err.detail }
    throw err
  }
}
