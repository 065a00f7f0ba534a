// Scale-out: `aipipeline worker` is a separate process that takes jobs from BullMQ.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { createRefreshTokenRepository, createUserRepository } from '@aipipeline/db'
import { createTestDatabase, postgres, redis, requireService, TEST_REDIS_URL } from '@aipipeline/testing'
import { describe, expect, it } from 'vitest'
import { createBullMqJobQueue } from './jobs'
import { PURGE_EXPIRED_SESSIONS } from './modules/auth'

const BIN = fileURLToPath(new URL('../bin/aipipeline.js', import.meta.url))
const scaleOut = requireService(postgres, 'worker process test') && requireService(redis, 'worker process test')

describe.runIf(scaleOut)('aipipeline worker (scale-out)', () => {
  it('runs a job enqueued by another process and stops cleanly on SIGTERM', async () => {
    const testDb = await createTestDatabase('postgres')
    const prefix = `wt-${randomBytes(4).toString('hex')}`
    const child = spawn(process.execPath, [BIN, 'worker'], {
      env: {
        ...process.env,
        DATABASE_URL: testDb.url,
        REDIS_URL: TEST_REDIS_URL,
        REDIS_PREFIX: prefix,
        AIPIPELINE_SECRET_KEY: randomBytes(32).toString('hex'),
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString()
    })
    child.stderr.on('data', (d: Buffer) => {
      output += d.toString()
    })
    const producer = createBullMqJobQueue({ redisUrl: TEST_REDIS_URL, prefix, workerId: 'test-producer' })
    try {
      // Until it says so or exits; a cold tsx start on a loaded machine can take a minute.
      for (let i = 0; i < 1200 && !output.includes('worker ready') && child.exitCode === null; i++)
        await new Promise((r) => setTimeout(r, 100))
      expect(output).toContain('worker ready')
      const db = testDb.handle.db
      const user = await createUserRepository(db).insert({
        email: 'w@studio.test',
        displayName: 'W',
        role: 'artist',
        locale: 'en',
        passwordHash: 'h',
      })
      await createRefreshTokenRepository(db).insert({
        userId: user.id,
        familyId: 'fam',
        tokenHash: 'expired',
        expiresAt: '2001-01-01T00:00:00.000Z',
      })
      const job = await producer.enqueue(PURGE_EXPIRED_SESSIONS, {})
      let state = job.state
      for (let i = 0; i < 200 && state !== 'completed' && state !== 'failed'; i++) {
        await new Promise((r) => setTimeout(r, 50))
        state = (await producer.getJob(job.id))?.state ?? state
      }
      expect(state).toBe('completed')
      expect(await createRefreshTokenRepository(db).family('fam')).toEqual([])
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
      child.kill('SIGTERM')
      expect(await exited).toBe(0)
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL')
      await producer.close()
      await testDb.cleanup()
    }
  }, 240_000)
})
