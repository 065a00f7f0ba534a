// Test helpers for the farm: a test studio with a short health interval and simulators,
// and small HTTP helpers. Only imported by tests.
import type { Simulator } from '@aipipeline/comfyui'
import type { Engine } from '@aipipeline/db'
import type { FarmOptions } from '../../src/modules/farm/farm.options'
import { createTestStudio, type TestStudio } from '../test-studio'

export interface FarmTestStudio {
  studio: TestStudio
  admin: string
  artist: string
  call(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
    token?: string,
  ): Promise<{
    status: number
    json: unknown
  }>
}

/** A test studio on `engine` with tokens for an admin and an artist; the farm is not started. */
export async function farmTestStudio(engine: Engine, config: { dataDir?: string } = {}): Promise<FarmTestStudio> {
  const studio = await createTestStudio(engine, { config })
  studio.farm.tune(FAST_FARM)
  const admin = (await studio.signIn('admin')).accessToken
  const artist = (await studio.signIn('artist')).accessToken
  return {
    studio,
    admin,
    artist,
    async call(method, url, body, token = admin) {
      const res = await studio.app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${token}` },
        ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
      })
      return { status: res.statusCode, json: res.body === '' ? null : res.json() }
    },
  }
}

export const FAST_FARM: Partial<FarmOptions> = {
  healthIntervalMs: 300,
  probeTimeoutMs: 1000,
  retryBaseMs: 50,
  tickIntervalMs: 200,
  thumbnails: true,
}

/** Polls `check` every 20 ms until it returns a value, or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined | null | false>,
  timeoutMs = 15_000,
): Promise<T> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value !== undefined && value !== null && value !== false) return value
    if (Date.now() > until) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** Registers a simulator as a backend through the API; returns the backend id. */
export async function registerSimulator(t: FarmTestStudio, sim: Simulator, extra: Record<string, unknown> = {}) {
  const res = await t.call('POST', '/api/farm/backends', { name: sim.name, url: sim.url, ...extra })
  if (res.status !== 201) throw new Error(`registering ${sim.url} failed: ${res.status} ${JSON.stringify(res.json)}`)
  const body = res.json
  if (typeof body !== 'object' || body === null || !('id' in body) || typeof body.id !== 'string')
    throw new Error('no id')
  return body.id
}

/** Stops the farm, then the simulators, then the studio: the order that leaves no attempt talking to a closed backend. */
export async function closeFarm(t: FarmTestStudio, ...sims: Simulator[]): Promise<void> {
  await t.studio.farm.stop()
  for (const sim of sims) await sim.close()
  await t.studio.close()
}

/** `value[key]` when `value` is an object that has it (a response body read without a schema). */
export function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && key in value
    ? Object.getOwnPropertyDescriptor(value, key)?.value
    : undefined
}
