// A render job to insert in tests that need one in the database: a one-node graph with no
// model, priority 50, three attempts. Override what the test is about.
import type { NewRenderJob, OutputRecord } from '@aipipeline/db'

export function newRenderJob(over: Partial<NewRenderJob> = {}): NewRenderJob {
  return {
    name: 'shot 010',
    priority: 50,
    promptJson: '{}',
    parameters: {},
    requirements: { nodeClasses: ['KSampler'], models: [], tags: [], minVramGb: 0 },
    primaryModel: null,
    cost: 1,
    templateId: null,
    groupId: null,
    shotId: null,
    taskId: null,
    submittedBy: null,
    maxAttempts: 3,
    ...over,
  }
}

/** One image output of job `jobId` (node 9, `a.png`), as the dispatcher records a downloaded file. */
export function newRenderJobOutput(jobId: string): Omit<OutputRecord, 'id' | 'createdAt'> {
  return {
    jobId,
    nodeId: '9',
    kind: 'images',
    filename: 'a.png',
    path: `farm/${jobId}/9-a.png`,
    thumbnailPath: null,
    mime: 'image/png',
    bytes: 10,
    sha256: 'ab',
  }
}
