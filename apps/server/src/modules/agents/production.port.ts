// What agents need from production tracking: what a project already has (for the review
// diff), applying a reviewed analysis in one go, and reading / updating a shot's CPE settings
// (prompt enhancement). The production module implements it; tests use an in-memory fake.
// Every call carries the acting user, whose project access tracking checks.
import type { ProjectAccess } from '@aipipeline/domain'
import type { Principal } from '../auth'

export interface InventorySequence {
  id: string
  code: string
  name: string
  description: string
}
export interface InventoryShot {
  id: string
  sequenceId: string
  code: string
  description: string
  cpeSettings: unknown
}
export interface InventoryCharacter {
  id: string
  name: string
  description: string
  triggerWords: string[]
}
export interface InventoryAsset {
  id: string
  kind: string
  name: string
  description: string
}

export interface ProjectInventory {
  sequences: InventorySequence[]
  shots: InventoryShot[]
  characters: InventoryCharacter[]
  assets: InventoryAsset[]
}

/** What to create or update; `existingId` null = create. Shots name their sequence by code. */
export interface ScriptApplyPlan {
  sequences: { code: string; name: string; description: string; existingId: string | null }[]
  shots: {
    sequenceCode: string
    code: string
    description: string
    /** Seconds on screen; tracking turns it into frames at the project's rate. */
    durationSeconds: number
    cpeSettings: unknown
    /** Characters seen in the shot (as cued); linked to the project's characters by name. */
    characterNames?: string[]
    /** Its scene's location; linked to the project's location assets by name. */
    locationNames?: string[]
    existingId: string | null
  }[]
  characters: { name: string; description: string; triggerWords: string[]; existingId: string | null }[]
  assets: { kind: 'location'; name: string; description: string; existingId: string | null }[]
}

export interface ShotForPrompt {
  id: string
  description: string
  cpeSettings: unknown
}

export interface ProductionPort {
  /** The actor's access to the project; throws NotFound for non-members (admins see all). */
  access(projectId: string, actor: Principal): Promise<ProjectAccess>
  /** The projects the actor belongs to, with the role there; undefined = every project (admins). */
  projectsOf(actor: Principal): Promise<readonly Pick<ProjectAccess, 'projectId' | 'role'>[] | undefined>
  /** Throws NotFound for an unknown project. */
  inventory(projectId: string, actor: Principal): Promise<ProjectInventory>
  /**
   * Applies the plan in one transaction (all of it or none); applying the same plan again
   * changes nothing (items already there are matched).
   */
  applyScriptPlan(projectId: string, actor: Principal, plan: ScriptApplyPlan): Promise<{ skipped: string[] }>
  shot(projectId: string, shotId: string, actor: Principal): Promise<ShotForPrompt | undefined>
  /**
   * Whether the actor may run prompt enhancement here: breakdown editors (supervisors and up
   * in this project) on any shot or none; artists only on a shot with a task assigned to them.
   */
  mayEnhance(projectId: string, shotId: string | undefined, actor: Principal): Promise<boolean>
  updateShotCpeSettings(projectId: string, shotId: string, actor: Principal, cpeSettings: unknown): Promise<void>
}
