// Applies a breakdown (sequences, shots, characters, assets — e.g. from a script analysis) in
// ONE transaction: items are matched on their natural keys (sequence code, sequence + shot
// code, character name, asset kind + name), created when missing and updated when they
// differ, so applying the same items again changes nothing. A failure leaves nothing behind.
import type { AssetKind } from '@aipipeline/contracts'
import { inProductionTransaction, type ProductionRepositories, type ShotRecord } from '@aipipeline/db'
import {
  assertWritable,
  canEditBreakdown,
  characterKey,
  keyBetween,
  keysBetween,
  locationKey,
  NotFound,
  requireAccess,
} from '@aipipeline/domain'
import type { z } from 'zod'
import type { Principal } from '../auth'
import type { ActivityService, Change } from './activity.service'
import {
  assetCreated,
  assetUpdated,
  characterCreated,
  characterUpdated,
  sequenceCreated,
  sequenceUpdated,
} from './breakdown-changes'
import type { ProductionAccessService } from './production-access.service'
import { uniquely } from './production-change'
import type { ProductionContext } from './production-context'
import { loadProjectView, type ProjectView } from './project-view'

export interface BreakdownItems {
  sequences: { code: string; name: string; description: string }[]
  /** Shots name their sequence by code (an existing one or one in `sequences`). */
  shots: {
    sequenceCode: string
    code: string
    description: string
    /** Seconds on screen; a new shot gets frames from the project's start frame at its rate. Not applied to existing shots (the edit owns their frames). */
    durationSeconds?: number | undefined
    /** Prompt engine settings; undefined leaves them as they are. */
    cpeSettings?: Record<string, unknown> | null | undefined
    /** Characters on the shot, by name (as cued in a script); linked when the project has them. */
    characterNames?: string[] | undefined
    /** Location assets of the shot, by name; linked when the project has them. */
    locationNames?: string[] | undefined
  }[]
  characters: { name: string; description: string; triggerWords: string[] }[]
  assets: { kind: z.infer<typeof AssetKind>; name: string; description: string }[]
}

type Tally = { sequences: number; shots: number; characters: number; assets: number }
export interface BreakdownResult {
  created: Tally
  updated: Tally
  unchanged: Tally
}

/** What applying the breakdown did so far: the tally and the events (with activity rows) it makes. */
interface Outcome {
  res: BreakdownResult
  changes: Change[]
  actorId: string
}

/** The keys of `next` whose value differs from `current`'s. */
function changedFields<T extends object>(next: Partial<T>, current: T): string[] {
  return (Object.keys(next) as (keyof T)[]).filter((k) => next[k] !== current[k]).map(String)
}

const zero = (): Tally => ({ sequences: 0, shots: 0, characters: 0, assets: 0 })
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i])
const sameJson = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

export function createBreakdownService(
  ctx: ProductionContext,
  access: ProductionAccessService,
  activity: ActivityService,
) {
  async function sequences(r: ProductionRepositories, projectId: string, items: BreakdownItems, out: Outcome) {
    const { res, changes, actorId } = out
    const existing = await r.projects.sequences(projectId)
    const byCode = new Map(existing.map((s) => [s.code, s]))
    let last = existing.at(-1)?.orderKey ?? null
    for (const s of items.sequences) {
      const found = byCode.get(s.code)
      if (!found) {
        last = keyBetween(last, null)
        const name = s.name || s.code
        const created = await r.projects.insertSequence({
          projectId,
          code: s.code,
          name,
          description: s.description,
          orderKey: last,
        })
        byCode.set(created.code, created)
        changes.push(sequenceCreated(projectId, actorId, created))
        res.created.sequences++
      } else if ((s.name || found.name) !== found.name || s.description !== found.description) {
        await r.projects.updateSequence(found.id, { name: s.name || found.name, description: s.description })
        const fields = changedFields({ name: s.name || found.name, description: s.description }, found)
        changes.push(sequenceUpdated(projectId, actorId, found, fields))
        res.updated.sequences++
      } else res.unchanged.sequences++
    }
    return new Map([...byCode].map(([code, s]) => [code, s.id]))
  }

  async function shots(
    r: ProductionRepositories,
    view: ProjectView,
    seqIds: Map<string, string>,
    items: BreakdownItems,
    res: BreakdownResult,
  ): Promise<Change[]> {
    const projectId = view.access.projectId
    const project = await r.projects.findById(projectId)
    if (!project) throw new NotFound('project', projectId)
    const current = new Map((await r.shots.all(projectId)).map((s) => [`${s.sequenceId}/${s.code}`, s]))
    const fresh: (BreakdownItems['shots'][number] & { sequenceId: string })[] = []
    const freshKeys = new Set<string>()
    const updated: string[] = []
    for (const s of items.shots) {
      const sequenceId = seqIds.get(s.sequenceCode)
      if (!sequenceId) throw new NotFound('sequence', s.sequenceCode)
      const key = `${sequenceId}/${s.code}`
      const found = current.get(key)
      if (!found) {
        // The same new shot listed twice is created once.
        if (!freshKeys.has(key)) fresh.push({ ...s, sequenceId })
        freshKeys.add(key)
        continue
      }
      const cpeChanged = s.cpeSettings !== undefined && !sameJson(s.cpeSettings, found.cpeSettings)
      if (s.description === found.description && !cpeChanged) {
        res.unchanged.shots++
        continue
      }
      await r.shots.update(found.id, {
        description: s.description,
        ...(cpeChanged ? { cpeSettings: s.cpeSettings } : {}),
      })
      updated.push(found.id)
      res.updated.shots++
    }
    const keys = keysBetween(await r.shots.lastOrderKey(projectId), null, fresh.length)
    const frames = (seconds: number | undefined) => Math.max(1, Math.round((seconds ?? 0) * project.fps))
    const created = await r.shots.insertMany(
      fresh.map((s, i) => ({
        projectId,
        sequenceId: s.sequenceId,
        code: s.code,
        orderKey: keys[i] ?? keyBetween(null, null),
        description: s.description,
        frameIn: s.durationSeconds === undefined ? null : project.startFrame,
        frameOut: s.durationSeconds === undefined ? null : project.startFrame + frames(s.durationSeconds) - 1,
        customFields: {},
        cpeSettings: s.cpeSettings ?? null,
      })),
    )
    res.created.shots += created.length
    const pending = view.statuses.find((s) => s.isDefault) ?? view.statuses[0]
    if (!pending) throw new NotFound('default status')
    await r.shots.insertTasks(
      projectId,
      created.flatMap((s) => view.taskTypes.map((t) => ({ shotId: s.id, taskTypeId: t.id }))),
      pending.id,
    )
    return shotChanges(projectId, view.access.userId, created, updated)
  }

  async function characters(r: ProductionRepositories, projectId: string, items: BreakdownItems, out: Outcome) {
    const { res, changes, actorId } = out
    const byName = new Map((await r.projects.characters(projectId)).map((c) => [c.name, c]))
    for (const c of items.characters) {
      const found = byName.get(c.name)
      if (!found) {
        const created = await r.projects.insertCharacter({
          projectId,
          name: c.name,
          description: c.description,
          triggerWords: c.triggerWords,
          referenceImages: [],
          loraName: null,
        })
        byName.set(created.name, created)
        changes.push(characterCreated(projectId, actorId, created))
        res.created.characters++
      } else if (c.description !== found.description || !sameList(c.triggerWords, found.triggerWords)) {
        await r.projects.updateCharacter(found.id, { description: c.description, triggerWords: c.triggerWords })
        const fields = changedFields({ description: c.description }, found)
        if (!sameList(c.triggerWords, found.triggerWords)) fields.push('triggerWords')
        changes.push(characterUpdated(projectId, actorId, found, fields))
        res.updated.characters++
      } else res.unchanged.characters++
    }
  }

  async function assets(r: ProductionRepositories, projectId: string, items: BreakdownItems, out: Outcome) {
    const { res, changes, actorId } = out
    const byKey = new Map((await r.projects.assets(projectId)).map((a) => [`${a.kind}/${a.name}`, a]))
    for (const a of items.assets) {
      const found = byKey.get(`${a.kind}/${a.name}`)
      if (!found) {
        const created = await r.projects.insertAsset({ projectId, ...a })
        byKey.set(`${created.kind}/${created.name}`, created)
        changes.push(assetCreated(projectId, actorId, created))
        res.created.assets++
      } else if (a.description !== found.description) {
        await r.projects.updateAsset(found.id, { description: a.description })
        changes.push(assetUpdated(projectId, actorId, found, ['description']))
        res.updated.assets++
      } else res.unchanged.assets++
    }
  }

  /** Links shots to the characters and locations they name; links already there stay. */
  async function linkShots(
    r: ProductionRepositories,
    projectId: string,
    seqIds: Map<string, string>,
    items: BreakdownItems,
  ): Promise<void> {
    const named = items.shots.filter((s) => (s.characterNames?.length ?? 0) + (s.locationNames?.length ?? 0) > 0)
    if (named.length === 0) return
    const place = (name: string) => locationKey(name).replace(/^THE /, '')
    const person = (name: string) => characterKey(name).toUpperCase()
    const characters = new Map((await r.projects.characters(projectId)).map((c) => [person(c.name), c.id]))
    const locations = new Map(
      (await r.projects.assets(projectId)).filter((a) => a.kind === 'location').map((a) => [place(a.name), a.id]),
    )
    const shotIds = new Map((await r.shots.all(projectId)).map((s) => [`${s.sequenceId}/${s.code}`, s.id]))
    for (const s of named) {
      const shotId = shotIds.get(`${seqIds.get(s.sequenceCode) ?? ''}/${s.code}`)
      if (shotId === undefined) continue
      const ids = (names: string[] | undefined, map: Map<string, string>, key: (n: string) => string) =>
        (names ?? []).flatMap((n) => map.get(key(n)) ?? [])
      await r.breakdownLinks.link(
        shotId,
        ids(s.characterNames, characters, person),
        ids(s.locationNames, locations, place),
      )
    }
  }

  return {
    /** Creates and updates the items in one transaction; re-applying the same items changes nothing. */
    async applyBreakdown(projectId: string, items: BreakdownItems, actor: Principal): Promise<BreakdownResult> {
      const view = await loadProjectView(ctx.repos, access, actor, projectId)
      requireAccess(canEditBreakdown(view.access), 'edit the breakdown of this project')
      assertWritable(view.access)
      const res: BreakdownResult = { created: zero(), updated: zero(), unchanged: zero() }
      const changes = await uniquely('an item with this name or code', () =>
        inProductionTransaction(ctx.db, async (r) => {
          const out: Outcome = { res, changes: [], actorId: actor.userId }
          const seqIds = await sequences(r, projectId, items, out)
          await characters(r, projectId, items, out)
          await assets(r, projectId, items, out)
          out.changes.push(...(await shots(r, view, seqIds, items, res)))
          await linkShots(r, projectId, seqIds, items)
          await activity.record(r, projectId, actor.userId, out.changes)
          return out.changes
        }),
      )
      await activity.publish(projectId, changes)
      return res
    },
  }
}
export type BreakdownService = ReturnType<typeof createBreakdownService>

function shotChanges(projectId: string, actorId: string, created: readonly ShotRecord[], updated: string[]): Change[] {
  const at = new Date().toISOString()
  const out: Change[] = []
  if (created.length > 0) {
    const shotIds = created.map((s) => s.id)
    out.push({
      event: 'shot:new',
      payload: { projectId, actorId, at, shotIds },
      entityId: shotIds[0] ?? projectId,
      shotId: shotIds.length === 1 ? (shotIds[0] ?? null) : null,
      taskId: null,
      taskIds: [],
      clientVisible: true,
      data: { shotIds, source: 'breakdown' },
    })
  }
  if (updated.length > 0)
    out.push({
      event: 'shot:update',
      payload: { projectId, actorId, at, shotIds: updated, fields: ['description', 'cpeSettings'] },
      entityId: updated[0] ?? projectId,
      shotId: updated.length === 1 ? (updated[0] ?? null) : null,
      taskId: null,
      taskIds: [],
      clientVisible: true,
      data: { shotIds: updated, fields: ['description', 'cpeSettings'], source: 'breakdown' },
    })
  return out
}
