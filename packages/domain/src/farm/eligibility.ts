// Static eligibility: can this backend ever run this job, whatever its current load?
import type { PlacementBackend, PlacementJob } from './placement.types'

function listed(items: readonly string[], max = 3): string {
  const shown = items.slice(0, max).join(', ')
  return items.length > max ? `${shown} and ${items.length - max} more` : shown
}

/** The node classes and model files of `required` that `have` lacks (models matched by file name in any folder). */
export function missingCapabilities(
  required: { nodeClasses: readonly string[]; models: readonly string[] },
  have: { nodeClasses: ReadonlySet<string>; models: ReadonlySet<string> },
): { nodeClasses: string[]; models: string[] } {
  return {
    nodeClasses: required.nodeClasses.filter((c) => !have.nodeClasses.has(c)),
    models: required.models.filter((m) => !have.models.has(m)),
  }
}

/** Why `backend` can never run `job`, or null when it can (load and state are not considered). */
export function ineligibilityReason(job: PlacementJob, backend: PlacementBackend): string | null {
  const r = job.requirements
  const missing = missingCapabilities(r, backend)
  if (missing.nodeClasses.length > 0) return `missing node classes ${listed(missing.nodeClasses)}`
  if (missing.models.length > 0) return `missing models ${listed(missing.models)}`
  const missingTags = r.tags.filter((t) => !backend.tags.includes(t))
  if (missingTags.length > 0) return `missing tags ${listed(missingTags)}`
  if (backend.vramGb < r.minVramGb) return `has ${backend.vramGb} GB VRAM, needs at least ${r.minVramGb} GB`
  if (job.vramAboveGb !== null && backend.vramGb <= job.vramAboveGb) {
    return `has ${backend.vramGb} GB VRAM; the job ran out of memory with ${job.vramAboveGb} GB`
  }
  return null
}

/** Whether `backend` can run `job` at some point. */
export function isEligible(job: PlacementJob, backend: PlacementBackend): boolean {
  return backend.capabilitiesKnown && ineligibilityReason(job, backend) === null
}

/**
 * Why no registered backend can ever run `job`, or null while at least one can (or might:
 * a backend whose capabilities are not known yet keeps the job waiting).
 */
export function unschedulableReason(job: PlacementJob, backends: readonly PlacementBackend[]): string | null {
  if (backends.length === 0) return 'no backends are registered'
  const reasons: string[] = []
  for (const b of backends) {
    if (!b.capabilitiesKnown) return null
    const reason = ineligibilityReason(job, b)
    if (reason === null) return null
    reasons.push(`${b.name}: ${reason}`)
  }
  return `no backend can run this job (${reasons.join('; ')})`
}
