// An in-memory ProductionPort for unit tests of the review and apply steps.
import { NotFound } from '@aipipeline/domain'
import type { ProductionPort, ProjectInventory, ScriptApplyPlan } from '../../src/modules/agents/production.port'

export interface InMemoryProduction extends ProductionPort {
  projects: Map<string, ProjectInventory>
  applied: ScriptApplyPlan[]
}

/** A production fake holding the given projects (empty inventories by default). */
export function createInMemoryProduction(projectIds: readonly string[] = ['p1']): InMemoryProduction {
  const projects = new Map<string, ProjectInventory>(
    projectIds.map((id) => [id, { sequences: [], shots: [], characters: [], assets: [] }]),
  )
  const applied: ScriptApplyPlan[] = []
  let n = 0
  const id = (prefix: string) => `${prefix}-${++n}`
  const get = (projectId: string) => {
    const inv = projects.get(projectId)
    if (inv === undefined) throw new NotFound('project', projectId)
    return inv
  }
  return {
    projects,
    applied,
    async access(projectId, actor) {
      get(projectId)
      return { projectId, userId: actor.userId, role: actor.role, departments: [] }
    },
    async projectsOf() {
      return undefined
    },
    async inventory(projectId, _actor) {
      return structuredClone(get(projectId))
    },
    async applyScriptPlan(projectId, _actor, plan) {
      const inv = get(projectId)
      applied.push(plan)
      for (const s of plan.sequences)
        upsert(inv.sequences, s.existingId, { name: s.name, description: s.description }, () => ({
          id: id('seq'),
          code: s.code,
          name: s.name,
          description: s.description,
        }))
      for (const s of plan.shots) {
        const seq = inv.sequences.find((x) => x.code === s.sequenceCode)
        if (seq === undefined) throw new NotFound('sequence', s.sequenceCode)
        upsert(inv.shots, s.existingId, { description: s.description, cpeSettings: s.cpeSettings }, () => ({
          id: id('shot'),
          sequenceId: seq.id,
          code: s.code,
          description: s.description,
          cpeSettings: s.cpeSettings,
        }))
      }
      for (const c of plan.characters)
        upsert(inv.characters, c.existingId, { description: c.description, triggerWords: c.triggerWords }, () => ({
          id: id('char'),
          name: c.name,
          description: c.description,
          triggerWords: c.triggerWords,
        }))
      for (const a of plan.assets)
        upsert(inv.assets, a.existingId, { description: a.description }, () => ({
          id: id('asset'),
          kind: a.kind,
          name: a.name,
          description: a.description,
        }))
      return { skipped: [] }
    },
    async shot(projectId, shotId) {
      return get(projectId).shots.find((s) => s.id === shotId)
    },
    async mayEnhance(_projectId, _shotId, actor) {
      return actor.role !== 'artist' && actor.role !== 'client' && actor.role !== 'vendor'
    },
    async updateShotCpeSettings(projectId, shotId, _actor, cpeSettings) {
      const shot = get(projectId).shots.find((s) => s.id === shotId)
      if (shot === undefined) throw new NotFound('shot', shotId)
      shot.cpeSettings = cpeSettings
    },
  }
}

/** Updates the item `existingId` names with `changes`, or adds `created()` when it names none (as apply does). */
function upsert<T extends { id: string }>(
  items: T[],
  existingId: string | null | undefined,
  changes: Partial<T>,
  created: () => T,
): void {
  const existing = items.find((x) => x.id === existingId)
  if (existing) Object.assign(existing, changes)
  else items.push(created())
}
