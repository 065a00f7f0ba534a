// Importing a workflow from a file or JSON without saving it: the API prompt with suggested
// placeholders, its parameters and traits, and a light graph for the preview. The user then
// saves it (POST /api/farm/templates) as it is or after changing the suggestions.
import { type ApiPrompt, describeWorkflowImport, type ObjectInfo } from '@aipipeline/comfyui'
import { type InspectWorkflowTemplateRequest, WorkflowTemplateInspection } from '@aipipeline/contracts'
import { RuleViolation, ValidationFailed } from '@aipipeline/domain'
import type { z } from 'zod'
import type { OffloadPool } from '../../offload/offload-pool'
import { toTemplateRequirements } from './template-requirements'
import { readWorkflowFile, UnreadableWorkflowFile } from './workflow-files/workflow-file'
import { OFFLOAD_WORKFLOW_NODES, readWorkflowTask } from './workflow-reading.task'
import { type WorkflowInput, workflowSize } from './workflow-source'

type InspectRequest = z.infer<typeof InspectWorkflowTemplateRequest>

/** The workflow an inspect request carries, before it is read into an API prompt. */
async function sourceOf(
  request: InspectRequest,
  objectInfo: ObjectInfo | null,
): Promise<{ kind: 'api' | 'ui' | 'png' | 'webp' | 'mp4'; input: WorkflowInput; ui: unknown }> {
  if ('source' in request) {
    const s = request.source
    return s.kind === 'api'
      ? { kind: 'api', input: { kind: 'api', prompt: s.prompt, what: 'source.prompt' }, ui: undefined }
      : { kind: 'ui', input: { kind: 'ui', workflow: s.workflow, objectInfo }, ui: s.workflow }
  }
  const { name, dataBase64 } = request.file
  try {
    const found = await readWorkflowFile(name, Buffer.from(dataBase64, 'base64'))
    // The API prompt is exactly what ran; the UI workflow only adds positions.
    const input: WorkflowInput =
      found.prompt !== undefined
        ? { kind: 'api', prompt: found.prompt, what: `the prompt in "${name}"` }
        : { kind: 'ui', workflow: found.workflow, objectInfo }
    return { kind: found.kind, input, ui: found.workflow }
  } catch (err) {
    if (err instanceof UnreadableWorkflowFile) {
      throw new ValidationFailed(err.message, [{ path: 'body.file', message: err.message }])
    }
    throw err
  }
}

export interface InspectionDeps {
  objectInfo(): Promise<ObjectInfo | null>
  offload: OffloadPool
  maxNodes: number
}

/** Reads a workflow from JSON or a file and describes it; nothing is saved. */
export async function inspectWorkflow(request: InspectRequest, deps: InspectionDeps) {
  const objectInfo = await deps.objectInfo()
  const source = await sourceOf(request, objectInfo)
  let prompt: ApiPrompt
  try {
    prompt = await deps.offload.runSized(
      readWorkflowTask,
      { workflow: source.input, maxNodes: deps.maxNodes },
      workflowSize(source.input) >= OFFLOAD_WORKFLOW_NODES,
    )
  } catch (err) {
    // A file whose embedded workflow does not read is a bad file (400), named as such.
    if ('file' in request && err instanceof RuleViolation) {
      throw new ValidationFailed(err.message, [{ path: 'body.file', message: err.message }])
    }
    throw err
  }
  const found = describeWorkflowImport(prompt, source.ui, objectInfo ?? undefined)
  return WorkflowTemplateInspection.parse({
    ...found,
    sourceKind: source.kind,
    requirements: toTemplateRequirements(found.requirements),
  })
}
