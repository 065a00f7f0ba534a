// Sign-in limits that a guesser cannot dodge: the client address is the TCP peer unless the
// peer is a configured proxy, attempts are limited per address and per account, and the
// rightful user keeps a budget of their own at addresses they have signed in from before.
import { randomBytes } from 'node:crypto'
import { ErrorBody } from '@aipipeline/contracts'
import { postgres, redis, requireService } from '@aipipeline/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestStudio, type TestStudio } from '../../../test-kits/test-studio'
import type { Config } from '../../config'

const LIMITS: Partial<Config> = { loginRateLimitPerMinute: 3, loginRateLimitPerAddressPerMinute: 6 }

function signIn(studio: TestStudio, email: string, password: string, forwardedFor?: string) {
  return studio.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
    remoteAddress: '10.9.8.7',
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  })
}

const addressNo = (n: number) => `203.0.113.${n % 250}`

async function user(studio: TestStudio, email: string): Promise<void> {
  await studio.auth.createUser({ email, displayName: 'U', role: 'artist', locale: 'en', password: 'correct horse' })
}

describe('sign-in limits behind no trusted proxy (the default)', () => {
  let studio: TestStudio
  beforeAll(async () => {
    studio = await createTestStudio('sqlite', { config: LIMITS })
  })
  afterAll(async () => studio.close())

  it('ignores a forged X-Forwarded-For: a fresh header per attempt does not reset the budget', async () => {
    const codes: number[] = []
    // Different accounts too, so only the per-address budget can stop this.
    for (let i = 0; i < 8; i++) {
      codes.push((await signIn(studio, `spray-${i}@studio.test`, 'guess', addressNo(i))).statusCode)
    }
    expect(codes.slice(0, 6)).toEqual([401, 401, 401, 401, 401, 401])
    expect(codes.slice(6)).toEqual([429, 429])
  })

  it('answers 429 with Retry-After and a code the web app translates', async () => {
    const limited = await signIn(studio, 'spray-x@studio.test', 'guess', '198.51.100.1')
    expect(limited.statusCode).toBe(429)
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
    expect(ErrorBody.parse(limited.json()).error.code).toBe('rate_limited')
  })
})

describe('sign-in limits behind a trusted proxy', () => {
  let studio: TestStudio
  beforeAll(async () => {
    studio = await createTestStudio('sqlite', { config: { ...LIMITS, trustedProxies: ['10.9.8.7'] } })
  })
  afterAll(async () => studio.close())

  it('honours the proxy’s X-Forwarded-For: each client address has its own budget', async () => {
    const codes: number[] = []
    for (let i = 0; i < 7; i++)
      codes.push((await signIn(studio, `p${i}@studio.test`, 'guess', '198.51.100.20')).statusCode)
    expect(codes.at(-1)).toBe(429)
    expect((await signIn(studio, 'p-other@studio.test', 'guess', '198.51.100.21')).statusCode).toBe(401)
  })

  it('limits one account across many addresses', async () => {
    const codes: number[] = []
    for (let i = 0; i < 5; i++)
      codes.push((await signIn(studio, 'target@studio.test', 'guess', addressNo(i))).statusCode)
    expect(codes).toEqual([401, 401, 401, 429, 429])
  })

  it('keeps the rightful user able to sign in from their own address while an attacker is throttled', async () => {
    await user(studio, 'owner@studio.test')
    const home = '192.0.2.44'
    expect((await signIn(studio, 'owner@studio.test', 'correct horse', home)).statusCode).toBe(200)
    // The attack, from addresses that never signed in to this account.
    const attack: number[] = []
    for (let i = 0; i < 6; i++) {
      attack.push((await signIn(studio, 'owner@studio.test', 'guess', addressNo(100 + i))).statusCode)
    }
    expect(attack.slice(-2)).toEqual([429, 429])
    expect((await signIn(studio, 'owner@studio.test', 'correct horse', home)).statusCode).toBe(200)
    // An address new to the account shares the throttled budget.
    expect((await signIn(studio, 'owner@studio.test', 'correct horse', '192.0.2.45')).statusCode).toBe(429)
  })
})

const scaleOut =
  requireService(postgres, 'shared sign-in limits on PostgreSQL') &&
  requireService(redis, 'shared sign-in limits over Redis')

describe.runIf(scaleOut)('sign-in limits shared by two studio instances over Redis', () => {
  let first: TestStudio
  let second: TestStudio
  beforeAll(async () => {
    const redisPrefix = `test-sign-in-${randomBytes(4).toString('hex')}`
    first = await createTestStudio('postgres', { redis: true, config: { ...LIMITS, redisPrefix } })
    second = await createTestStudio('postgres', {
      redis: true,
      database: first.testDb,
      config: { ...LIMITS, redisPrefix, secretKey: first.config.secretKey },
    })
  })
  afterAll(async () => {
    await second.close()
    await first.close()
  })

  it('counts attempts on either instance against one budget', async () => {
    const codes: number[] = []
    for (let i = 0; i < 4; i++) {
      const instance = i % 2 === 0 ? first : second
      codes.push((await signIn(instance, 'shared@studio.test', 'guess')).statusCode)
    }
    expect(codes).toEqual([401, 401, 401, 429])
  })
})
