// Real services for tests. Postgres and Redis are used for real when reachable; on a laptop
// without them the tests that need them skip with a visible notice, and under CI=true a
// missing service fails the run instead of silently skipping.
import net from 'node:net'

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'
export const IN_CI = process.env.CI === 'true'

function probe(url: string, defaultPort: number): Promise<boolean> {
  const parsed = new URL(url)
  const port = parsed.port ? Number(parsed.port) : defaultPort
  return new Promise((resolve) => {
    const socket = net.connect({ host: parsed.hostname, port, timeout: 1500 })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('timeout', () => {
      socket.destroy()
      resolve(false)
    })
    socket.once('error', () => resolve(false))
  })
}

export interface ServiceAvailability {
  available: boolean
  /** Why the service is unusable, for the notice or the CI failure. */
  reason: string
}

async function check(name: string, url: string, port: number): Promise<ServiceAvailability> {
  const available = await probe(url, port)
  return { available, reason: available ? '' : `${name} is not reachable at ${url}` }
}

export const postgres: ServiceAvailability = await check('PostgreSQL', TEST_DATABASE_URL, 5432)
export const redis: ServiceAvailability = await check('Redis', TEST_REDIS_URL, 6379)

/**
 * Decides whether tests needing a service run. Returns true to run; prints a notice and
 * returns false to skip; throws under CI so a missing service can never pass unnoticed.
 */
export function requireService(service: ServiceAvailability, what: string): boolean {
  if (service.available) return true
  if (IN_CI) throw new Error(`${what}: ${service.reason} (CI=true requires it)`)
  console.warn(`\n[notice] skipping ${what}: ${service.reason}\n`)
  return false
}

/** A loopback port nothing listens on right now (bound, then released). */
export async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}
