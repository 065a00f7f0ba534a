// ProductionPort on the production module's services, so applying an analysis goes through
// the same access checks, activity log and realtime events as a user creating items by hand.
// The plan is applied by production's applyBreakdown in one transaction: all of it or none,
// and applying it again changes nothing.
import { canEditBreakdown } from '@aipipeline/domain'
import type { Principal } from '../auth'
import type { BreakdownItems, ProductionServices } from '../production'
import type { ProductionPort, ProjectInventory, ScriptApplyPlan } from './production.port'

type Services = Pick<ProductionServices, 'projects' | 'shots' | 'breakdown' | 'access' | 'assignments'>

async function inventory(services: Services, projectId: string, actor: Principal): Promise<ProjectInventory> {
  const [breakdown, table] = await Promise.all([
    services.projects.breakdown(actor, projectId),
    services.shots.table(actor, projectId),
  ])
  return {
    sequences: breakdown.sequences,
    // The table has no CPE settings; the review compares shots by code and description only.
    shots: table.shots.id.map((id, i) => ({
      id,
      sequenceId: table.shots.sequenceId[i] ?? '',
      code: table.shots.code[i] ?? '',
      description: table.shots.description[i] ?? '',
      cpeSettings: undefined,
    })),
    characters: breakdown.characters.map(({ id, name, description, triggerWords }) => ({
      id,
      name,
      description,
      triggerWords,
    })),
    assets: breakdown.assets,
  }
}

function settingsRecord(value: unknown): Record<string, unknown> | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null
  return Object.fromEntries(Object.entries(value))
}

/** The reviewed plan as breakdown items; tracking matches existing items on their keys. */
function breakdownItems(plan: ScriptApplyPlan): BreakdownItems {
  return {
    sequences: plan.sequences.map(({ code, name, description }) => ({ code, name, description })),
    shots: plan.shots.map((s) => ({
      sequenceCode: s.sequenceCode,
      code: s.code,
      description: s.description,
      durationSeconds: s.durationSeconds,
      cpeSettings: settingsRecord(s.cpeSettings),
      characterNames: s.characterNames ?? [],
      locationNames: s.locationNames ?? [],
    })),
    characters: plan.characters.map(({ name, description, triggerWords }) => ({ name, description, triggerWords })),
    assets: plan.assets.map(({ kind, name, description }) => ({ kind, name, description })),
  }
}

/** The production module as the agents' ProductionPort. */
export function createProductionTrackingAdapter(services: Services): ProductionPort {
  return {
    access: (projectId, actor) => services.access.resolve(actor, projectId),

    async projectsOf(actor) {
      if (actor.role === 'admin') return undefined
      return (await services.projects.list(actor)).items.map((p) => ({ projectId: p.id, role: p.myRole }))
    },

    inventory: (projectId, actor) => inventory(services, projectId, actor),

    async applyScriptPlan(projectId, actor, plan) {
      await services.breakdown.applyBreakdown(projectId, breakdownItems(plan), actor)
      return { skipped: [] }
    },

    async shot(_projectId, shotId, actor) {
      const detail = await services.shots.get(actor, shotId)
      return { id: detail.id, description: detail.description, cpeSettings: detail.cpeSettings }
    },

    async mayEnhance(projectId, shotId, actor) {
      const access = await services.access.resolve(actor, projectId)
      if (canEditBreakdown(access)) return true
      if (access.role !== 'artist' || shotId === undefined) return false
      return services.assignments.isAssignedToShot(actor.userId, shotId)
    },

    async updateShotCpeSettings(_projectId, shotId, actor, cpeSettings) {
      await services.shots.update(actor, shotId, { cpeSettings: settingsRecord(cpeSettings) })
    },
  }
}
