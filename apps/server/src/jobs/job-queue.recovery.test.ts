// Crash recovery with a real process: a child worker takes a job and is SIGKILLed mid-job;
// the surviving worker must wait for the lock to expire, then run the job exactly once.
import { type ChildProcess, spawn } from 'node:child_process'
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  createTestDatabase,
  redis,
  requireService,
  TEST_REDIS_URL,
  type TestDatabase,
  testEngines,
} from '@aipipeline/testing'
import { Redis } from 'ioredis'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createJobQueue, type JobQueueConfig } from './create-job-queue'
import { waitFor, waitForState } from './job-queue.contract'
import type { JobQueue } from './job-queue.port'

const LOCK_MS = 1000
const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url))
const FIXTURE = fileURLToPath(new URL('./recovery-worker.fixture.ts', import.meta.url))

interface Target {
  label: string
  setup(): Promise<{ config: JobQueueConfig; childEnv: Record<string, string>; cleanup(): Promise<void> }>
}

const targets: Target[] = testEngines('job queue crash recovery').map((engine) => ({
  label: `local adapter on ${engine}`,
  async setup() {
    const testDb: TestDatabase = await createTestDatabase(engine)
    return {
      config: { db: testDb.handle.db },
      childEnv: { RECOVERY_DATABASE_URL: testDb.url },
      cleanup: () => testDb.cleanup(),
    }
  },
}))
if (requireService(redis, 'job queue crash recovery on BullMQ')) {
  targets.push({
    label: 'BullMQ adapter on Redis',
    async setup() {
      const prefix = `test-recovery-${process.pid}-${Date.now().toString(36)}`
      return {
        config: { redisUrl: TEST_REDIS_URL, redisPrefix: prefix },
        childEnv: { RECOVERY_REDIS_URL: TEST_REDIS_URL, RECOVERY_REDIS_PREFIX: prefix },
        async cleanup() {
          const client = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null })
          const keys = await client.keys(`${prefix}*`)
          if (keys.length > 0) await client.del(...keys)
          await client.quit()
        },
      }
    },
  })
}

function readLines(file: string): string[] {
  return readFileSync(file, 'utf8').split('\n').filter(Boolean)
}

for (const target of targets) {
  describe(`job queue crash recovery: ${target.label}`, () => {
    let env: Awaited<ReturnType<Target['setup']>> | undefined
    let dir = ''
    let child: ChildProcess | undefined
    let survivor: JobQueue | undefined

    beforeAll(async () => {
      env = await target.setup()
      dir = mkdtempSync(join(tmpdir(), 'aipipeline-recovery-'))
    })
    afterEach(async () => {
      child?.kill('SIGKILL')
      await survivor?.close()
    })
    afterAll(async () => {
      await env?.cleanup()
      rmSync(dir, { recursive: true, force: true })
    })

    it('retakes a killed worker’s job after its lock expires and completes it exactly once', async () => {
      if (!env) throw new Error('setup failed')
      const name = `render-proxy-${Date.now().toString(36)}`
      const record = join(dir, `${name}.log`)
      writeFileSync(record, '')
      survivor = createJobQueue({ ...env.config, workerId: 'survivor', lockMs: LOCK_MS, pollIntervalMs: 50 })
      const job = await survivor.enqueue(name, { shot: 'SH010' })

      let stderr = ''
      const proc = spawn(process.execPath, ['--import', 'tsx', FIXTURE], {
        cwd: REPO_ROOT,
        env: {
          ...process.env,
          ...env.childEnv,
          RECOVERY_JOB_NAME: name,
          RECOVERY_RECORD_FILE: record,
          RECOVERY_LOCK_MS: String(LOCK_MS),
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      })
      child = proc
      proc.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk.toString()
      })
      const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()))
      await waitFor(
        `the child worker to start the job (stderr: ${stderr})`,
        async () => (readLines(record).includes('start child') ? true : undefined),
        25_000,
      )

      // The survivor runs alongside a live child: it must not take a job whose lock is renewed.
      await survivor.process(name, async () => {
        appendFileSync(record, 'start survivor\n')
        await new Promise((r) => setTimeout(r, 50))
        appendFileSync(record, 'end survivor\n')
        return 'recovered'
      })
      await new Promise((r) => setTimeout(r, LOCK_MS * 2.5))
      expect(readLines(record)).toEqual(['start child'])
      expect((await survivor.getJob(job.id))?.state).toBe('active')

      proc.kill('SIGKILL')
      await exited
      appendFileSync(record, 'killed\n')

      const done = await waitForState(survivor, job.id, ['completed'])
      expect(done.result).toBe('recovered')
      await new Promise((r) => setTimeout(r, LOCK_MS))
      expect(readLines(record)).toEqual(['start child', 'killed', 'start survivor', 'end survivor'])
    })
  })
}
