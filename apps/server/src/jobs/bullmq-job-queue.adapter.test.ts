import { redis, requireService, TEST_REDIS_URL } from '@aipipeline/testing'
import { Redis } from 'ioredis'
import { afterAll, describe } from 'vitest'
import { createBullMqJobQueue } from './bullmq-job-queue.adapter'
import { runJobQueueContract } from './job-queue.contract'

const prefix = `test-jobs-${process.pid}-${Date.now().toString(36)}`

/** Deletes every key a test run created under its prefix. */
async function deleteRedisPrefix(url: string, keyPrefix: string): Promise<void> {
  const client = new Redis(url, { maxRetriesPerRequest: null })
  try {
    let cursor = '0'
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${keyPrefix}*`, 'COUNT', 500)
      cursor = next
      if (keys.length > 0) await client.del(...keys)
    } while (cursor !== '0')
  } finally {
    await client.quit()
  }
}

describe.runIf(requireService(redis, 'BullMQ job queue contract'))('BullMQ job queue contract', () => {
  afterAll(async () => {
    await deleteRedisPrefix(TEST_REDIS_URL, prefix)
  })
  runJobQueueContract(() => ({
    async makeQueue({ workerId, lockMs }) {
      return createBullMqJobQueue({ redisUrl: TEST_REDIS_URL, prefix, workerId, lockMs })
    },
  }))
})
