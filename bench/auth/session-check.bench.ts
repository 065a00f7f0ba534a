// Cost of the per-request session check (is this token's session version still the user's
// current one?) on a warm cache, next to the JWT verification it follows, and the cost of a
// cache miss that reads SQLite. The target is < 0.1 ms per check. Prints one JSON object;
// never asserts on time.
// Run: npx tsx bench/auth/session-check.bench.ts   (BENCH_CHECKS sets the count)
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { createSessionVersionCache, createUserRepository, migrateToLatest, openDatabase } from '@aipipeline/db'
import { jwtVerify, SignJWT } from 'jose'

const CHECKS = Number(process.env.BENCH_CHECKS ?? 200_000)
const USERS = 1000

const round = (x: number) => Number(x.toFixed(5))

async function perCall(count: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint()
  for (let i = 0; i < count; i++) await fn(i)
  return Number(process.hrtime.bigint() - start) / 1e6 / count
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'aipipeline-bench-auth-'))
  const database = openDatabase(`sqlite:${join(dir, 'bench.db')}`)
  try {
    await migrateToLatest(database.db)
    const users = createUserRepository(database.db)
    const claims: { userId: string; sessionVersion: number }[] = []
    for (let i = 0; i < USERS; i++) {
      const u = await users.insert({
        email: `u${i}@bench.test`,
        displayName: `U${i}`,
        role: 'artist',
        locale: 'en',
        passwordHash: 'h',
      })
      claims.push({ userId: u.id, sessionVersion: u.sessionVersion })
    }
    const claimAt = (i: number) => claims[i % claims.length] ?? { userId: '', sessionVersion: 0 }

    const cold = createSessionVersionCache({ load: (id) => users.sessionState(id) })
    const missMs = await perCall(USERS, (i) => cold.assertCurrent(claimAt(i)))

    const sessions = createSessionVersionCache({ load: (id) => users.sessionState(id) })
    for (let i = 0; i < USERS; i++) await sessions.assertCurrent(claimAt(i))
    const hitMs = await perCall(CHECKS, (i) => sessions.assertCurrent(claimAt(i)))

    // For scale: the HS256 verification every request already pays before the session check.
    const key = new Uint8Array(randomBytes(32))
    const token = await new SignJWT({ role: 'artist', typ: 'access', sv: 0 })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claimAt(0).userId)
      .setExpirationTime('15m')
      .sign(key)
    const verifies = Math.min(CHECKS, 20_000)
    const jwtOnlyMs = await perCall(verifies, () => jwtVerify(token, key, { algorithms: ['HS256'] }))
    const jwtAndSessionMs = await perCall(verifies, async () => {
      await jwtVerify(token, key, { algorithms: ['HS256'] })
      await sessions.assertCurrent(claimAt(0))
    })

    process.stdout.write(
      `${JSON.stringify(
        {
          bench: 'auth/session-check',
          users: USERS,
          checks: CHECKS,
          perCheckMs: { cacheHit: round(hitMs), cacheMissSqlite: round(missMs) },
          perRequestVerifyMs: { jwtOnly: round(jwtOnlyMs), jwtAndSession: round(jwtAndSessionMs) },
          targetPerCheckMs: 0.1,
          withinTarget: hitMs < 0.1,
          loadavg: loadavg().map((x) => round(x)),
        },
        null,
        2,
      )}\n`,
    )
  } finally {
    await database.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

await main()
