// Tasks for the offload pool's own test: one that reports where it ran, one that throws.
import { isMainThread } from 'node:worker_threads'
import { PayloadTooLarge, parseScreenplay, RuleViolation, ValidationFailed } from '@aipipeline/domain'
import { defineOffloadTask } from './offload-task'

export const threadTask = defineOffloadTask(import.meta.url, 'threadTask', (input: { text: string }) => ({
  onWorker: !isMainThread,
  screenplay: parseScreenplay(input.text, 'fountain'),
}))

export const failingTask = defineOffloadTask(import.meta.url, 'failingTask', (input: { code: string }) => {
  switch (input.code) {
    case 'rule':
      throw new RuleViolation('node #3 input "x" links to #9', { nodeId: '3' })
    case 'invalid':
      throw new ValidationFailed('invalid parameters', [{ path: 'parameters.seed', message: 'not a number' }])
    case 'large':
      throw new PayloadTooLarge('too many nodes', { limit: 10 })
    default:
      throw new Error('boom')
  }
})
