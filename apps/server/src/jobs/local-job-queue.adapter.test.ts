import { describeEachEngine } from '@aipipeline/testing'
import { runJobQueueContract } from './job-queue.contract'
import { createLocalJobQueue } from './local-job-queue.adapter'

describeEachEngine('local job queue contract', (testDb) => {
  runJobQueueContract(() => ({
    async makeQueue({ workerId, lockMs }) {
      return createLocalJobQueue({ db: testDb().handle.db, workerId, lockMs, pollIntervalMs: 50 })
    },
  }))
})
