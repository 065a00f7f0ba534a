// Tunables of the render farm, with the defaults production uses. Tests and the benchmark
// pass shorter intervals; nothing here reads the environment.
import { DEFAULT_SMART_POLICY, type SmartPolicyOptions } from '@aipipeline/domain'

export interface FarmOptions {
  /** Health probe interval per backend, ms (SwarmUI polls every 5 s). */
  healthIntervalMs: number
  /** Timeout of one probe, ms. */
  probeTimeoutMs: number
  /** Minimum ms between two probes written to a backend's health history (state changes always are). */
  healthSampleMs: number
  /** Deadline of a whole "test connection" of a URL from the setup form, ms. */
  testConnectionTimeoutMs: number
  /** Placement policy: `smart` in production; `round-robin` only as the benchmark baseline. */
  policy: 'smart' | 'round-robin'
  smart: SmartPolicyOptions
  /** First retry delay after an execution error, ms; doubles per attempt. */
  retryBaseMs: number
  /** Render a thumbnail for each image output (sharp). */
  thumbnails: boolean
  /** Minimum ms between progress events of one job (≤ 10/s). */
  progressIntervalMs: number
  /** Minimum ms between preview images of one job. */
  previewIntervalMs: number
  /**
   * Leader lease interval, ms (FARM_LEASE_INTERVAL_MS): the lease lasts two; the leader renews
   * it and a standby tries to take it every half interval; a frozen leader is replaced within 3.
   */
  leaseIntervalMs: number
  /** Safety-net dispatcher tick, ms (jobs submitted on other instances, due retries). */
  tickIntervalMs: number
}

export const DEFAULT_FARM_OPTIONS: FarmOptions = {
  healthIntervalMs: 5000,
  probeTimeoutMs: 3000,
  healthSampleMs: 60_000,
  testConnectionTimeoutMs: 10_000,
  policy: 'smart',
  smart: DEFAULT_SMART_POLICY,
  retryBaseMs: 2000,
  thumbnails: true,
  progressIntervalMs: 100,
  previewIntervalMs: 500,
  leaseIntervalMs: 2000,
  tickIntervalMs: 1000,
}

/** Defaults overlaid with the given options. */
export function farmOptions(overrides: Partial<FarmOptions> = {}): FarmOptions {
  return { ...DEFAULT_FARM_OPTIONS, ...overrides, smart: { ...DEFAULT_SMART_POLICY, ...overrides.smart } }
}
