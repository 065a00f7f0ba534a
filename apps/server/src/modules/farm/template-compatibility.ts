// Which backends can run a workflow, from the capabilities each reported (its /object_info node
// classes and /models files, stored at registration and refreshed on reconnect).
import type { BackendCompatibility, TemplateRequirements } from '@aipipeline/contracts'
import type { BackendRecord } from '@aipipeline/db'
import { missingCapabilities } from '@aipipeline/domain'

/** One backend's answer: what it lacks of `required`. */
export function backendCompatibility(required: TemplateRequirements, backend: BackendRecord): BackendCompatibility {
  const known = backend.capabilitiesAt !== null
  const files = Object.values(backend.capabilities.models).flat()
  const missing = missingCapabilities(
    { nodeClasses: required.nodeClasses, models: required.models.map((m) => m.name) },
    { nodeClasses: new Set(backend.capabilities.nodeClasses), models: new Set(files) },
  )
  const missingModels = known ? required.models.filter((m) => missing.models.includes(m.name)) : []
  const missingNodeClasses = known ? missing.nodeClasses : []
  return {
    backendId: backend.id,
    name: backend.name,
    ok: known && missingNodeClasses.length === 0 && missingModels.length === 0,
    capabilitiesKnown: known,
    missingNodeClasses,
    missingModels,
  }
}
