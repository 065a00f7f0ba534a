// A worker process for the crash-recovery test: it takes one job, writes "start child" to
// the record file and then hangs until the test kills it with SIGKILL mid-job.
import { appendFileSync } from 'node:fs'
import { z } from 'zod'
import { createJobQueue } from './create-job-queue'

const Env = z.object({
  RECOVERY_DATABASE_URL: z.string().optional(),
  RECOVERY_REDIS_URL: z.string().optional(),
  RECOVERY_REDIS_PREFIX: z.string().optional(),
  RECOVERY_JOB_NAME: z.string(),
  RECOVERY_RECORD_FILE: z.string(),
  RECOVERY_LOCK_MS: z.coerce.number().int().positive(),
})
const env = Env.parse(process.env)

const queue = createJobQueue({
  databaseUrl: env.RECOVERY_DATABASE_URL,
  redisUrl: env.RECOVERY_REDIS_URL,
  redisPrefix: env.RECOVERY_REDIS_PREFIX,
  workerId: 'child',
  lockMs: env.RECOVERY_LOCK_MS,
  pollIntervalMs: 50,
})
await queue.process(env.RECOVERY_JOB_NAME, async () => {
  appendFileSync(env.RECOVERY_RECORD_FILE, 'start child\n')
  await new Promise(() => {})
})
