// Public surface of background jobs for the server, the CLI and modules.
// (job-queue.contract.ts is for adapter tests only and is not exported here.)
export { type BullMqJobQueueConfig, createBullMqJobQueue } from './bullmq-job-queue.adapter'
export { createJobQueue, type JobQueueConfig } from './create-job-queue'
export {
  createJobHandlerRegistry,
  defineJob,
  enqueueJob,
  type JobDefinition,
  type JobHandlerRegistry,
  type RegisteredJobHandler,
} from './job-handlers'
export * from './job-queue.port'
export { retryDelayMs } from './job-timing'
export { type RunningWorker, type StartWorkerOptions, startWorker } from './job-worker'
export { createLocalJobQueue, type LocalJobQueueConfig } from './local-job-queue.adapter'
