// Refusing at submit what no backend can run: a job whose node classes or models no online
// backend has would only sit `unschedulable` in the queue, so the submitter is told at once
// what each backend lacks. Backends whose capabilities are not known yet cannot rule a job
// out; with none known the job is accepted and waits (the dispatcher screens it later).
import type { WorkflowRequirements } from '@aipipeline/comfyui'
import type { BackendRepository } from '@aipipeline/db'
import { DomainError } from '@aipipeline/domain'
import { backendCompatibility } from './template-compatibility'
import { toTemplateRequirements } from './template-requirements'

/**
 * No online backend has the node classes and models a submission needs (HTTP 422). Details:
 * `backends`, each `{backendId, name, ok, missingNodeClasses, missingModels}`.
 */
export class NoBackendCanRun extends DomainError {
  readonly code = 'no_backend_can_run'
}

function lacking(a: ReturnType<typeof backendCompatibility>): string {
  const parts: string[] = []
  if (a.missingNodeClasses.length > 0) parts.push(`node classes ${a.missingNodeClasses.join(', ')}`)
  if (a.missingModels.length > 0) parts.push(`models ${a.missingModels.map((m) => `${m.folder}/${m.name}`).join(', ')}`)
  return `${a.name} lacks ${parts.join(' and ')}`
}

/** Throws 422 listing per backend what is missing when no online backend can run the workflow. */
export async function assertSomeBackendCanRun(
  found: WorkflowRequirements,
  backends: Pick<BackendRepository, 'list'>,
): Promise<void> {
  const online = (await backends.list()).filter(
    (b) => b.enabled && (b.state === 'online' || b.state === 'degraded') && b.capabilitiesAt !== null,
  )
  if (online.length === 0) return
  const required = toTemplateRequirements(found)
  const answers = online.map((b) => backendCompatibility(required, b))
  if (answers.some((a) => a.ok)) return
  throw new NoBackendCanRun(`no online backend can run this workflow: ${answers.map(lacking).join('; ')}`, {
    backends: answers.map(({ capabilitiesKnown: _known, ...a }) => a),
  })
}
