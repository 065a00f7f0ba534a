// Shots: the paged list and compact table (see shot-list.ts), detail,
// creation with one task per task type, edits in one transaction, drag reorder.

import type {
  BatchUpdateShotsRequest,
  CreateShotsRequest,
  ShotDetail,
  ShotListQuery,
  ShotTable,
  UpdateShotRequest,
} from '@aipipeline/contracts'
import { inProductionTransaction, type ProductionRepositories, type ShotRecord } from '@aipipeline/db'
import {
  assertWritable,
  Conflict,
  canEditBreakdown,
  frameRangeProblem,
  keyBetween,
  keysBetween,
  NotFound,
  requireAccess,
  seesOnlyAssigned,
  ValidationFailed,
} from '@aipipeline/domain'
import type { z } from 'zod'
import { z as zod } from 'zod'
import type { Principal } from '../auth'
import type { ActivityService, Change } from './activity.service'
import { mergeFieldValues } from './custom-field-values'
import type { ProductionAccessService } from './production-access.service'
import type { ProductionContext } from './production-context'
import { loadProjectView, type ProjectView } from './project-view'
import { latestVersions, listShots, shotRows, shotTable } from './shot-list'

function shotChange(
  event: 'shot:new' | 'shot:update',
  view: ProjectView,
  actorId: string,
  shotIds: string[],
  fields: string[],
  taskIds: string[],
): Change {
  const base = { projectId: view.access.projectId, actorId, at: new Date().toISOString(), shotIds }
  const first = shotIds[0] ?? ''
  const common = {
    entityId: first,
    shotId: shotIds.length === 1 ? first : null,
    taskId: null,
    taskIds,
    clientVisible: true,
  }
  return event === 'shot:new'
    ? { ...common, event, payload: base, data: { shotIds } }
    : { ...common, event, payload: { ...base, fields }, data: { shotIds, fields } }
}

/**
 * Refuses a frame range that runs backwards (HTTP 400 naming the field that made it so: the
 * out when the edit sets the out, else the in). `path` is the patch's path in the request.
 */
function assertFrameRange(
  frameIn: number | null,
  frameOut: number | null,
  patch: { frameIn?: number | null; frameOut?: number | null },
  path: string,
): void {
  if (frameRangeProblem(frameIn, frameOut) === null) return
  const field = patch.frameOut !== undefined ? 'frameOut' : 'frameIn'
  const message = `frame out ${frameOut} is before frame in ${frameIn}`
  throw new ValidationFailed(message, [{ path: `${path}.${field}`, message }])
}

export function createShotService(ctx: ProductionContext, access: ProductionAccessService, activity: ActivityService) {
  const { repos } = ctx
  const load = (principal: Principal, projectId: string) => loadProjectView(repos, access, principal, projectId)

  async function editable(principal: Principal, shotId: string): Promise<{ shot: ShotRecord; view: ProjectView }> {
    const shot = await repos.shots.findById(shotId)
    if (!shot) throw new NotFound('shot', shotId)
    const view = await load(principal, shot.projectId)
    requireAccess(canEditBreakdown(view.access), 'edit shots')
    assertWritable(view.access)
    return { shot, view }
  }

  async function applyPatch(
    r: ProductionRepositories,
    view: ProjectView,
    shot: ShotRecord,
    patch: UpdateShotRequest,
    path: string,
  ): Promise<string[]> {
    if (patch.sequenceId !== undefined && patch.sequenceId !== shot.sequenceId) {
      const sequences = await r.projects.sequences(shot.projectId)
      if (!sequences.some((s) => s.id === patch.sequenceId)) throw new NotFound('sequence', patch.sequenceId)
    }
    assertFrameRange(
      patch.frameIn !== undefined ? patch.frameIn : shot.frameIn,
      patch.frameOut !== undefined ? patch.frameOut : shot.frameOut,
      patch,
      path,
    )
    const { customFields, ...rest } = patch
    const merged = customFields
      ? mergeFieldValues(view.fields, shot.customFields, customFields, `${path}.customFields`)
      : undefined
    await r.shots.update(shot.id, { ...rest, ...(merged ? { customFields: merged } : {}) })
    return [...Object.keys(rest), ...Object.keys(customFields ?? {}).map((k) => `customFields.${k}`)]
  }

  return {
    /** A page of shots; vendors only see shots with a task assigned to them. */
    async list(principal: Principal, projectId: string, q: z.output<typeof ShotListQuery>) {
      return listShots(ctx.db, repos, await load(principal, projectId), q)
    },

    /** Every visible shot and task as column arrays (the grid's compact bulk mode). */
    async table(principal: Principal, projectId: string): Promise<ShotTable> {
      return shotTable(repos, await load(principal, projectId))
    },

    /** The newest version of each visible task (board cards). */
    async latestVersions(principal: Principal, projectId: string) {
      return latestVersions(repos, await load(principal, projectId))
    },

    async get(principal: Principal, shotId: string): Promise<z.input<typeof ShotDetail>> {
      const shot = await repos.shots.findById(shotId)
      if (!shot) throw new NotFound('shot', shotId)
      const view = await load(principal, shot.projectId)
      const [row] = await shotRows(repos, view.v, [shot])
      if (!row || (seesOnlyAssigned(view.access) && row.tasks.length === 0)) throw new NotFound('shot', shotId)
      const cpe = zod.record(zod.string(), zod.unknown()).nullable().safeParse(shot.cpeSettings)
      return { ...row, cpeSettings: cpe.success ? cpe.data : null }
    },

    /** Creates shots at the end of the edit, each with a task per task type in the default status. */
    async create(principal: Principal, projectId: string, input: z.output<typeof CreateShotsRequest>) {
      const view = await load(principal, projectId)
      requireAccess(canEditBreakdown(view.access), 'create shots')
      assertWritable(view.access)
      const created = await inProductionTransaction(ctx.db, async (r) => {
        const sequences = new Set((await r.projects.sequences(projectId)).map((s) => s.id))
        for (const [i, s] of input.shots.entries()) {
          if (!sequences.has(s.sequenceId)) throw new NotFound('sequence', s.sequenceId)
          assertFrameRange(s.frameIn ?? null, s.frameOut ?? null, s, `body.shots.${i}`)
          if (s.customFields) mergeFieldValues(view.fields, {}, s.customFields, `shots.${i}.customFields`)
        }
        const keys = keysBetween(await r.shots.lastOrderKey(projectId), null, input.shots.length)
        const shots = await r.shots.insertMany(
          input.shots.map((s, i) => ({
            projectId,
            sequenceId: s.sequenceId,
            code: s.code,
            orderKey: keys[i] ?? keyBetween(null, null),
            description: s.description ?? '',
            frameIn: s.frameIn ?? null,
            frameOut: s.frameOut ?? null,
            customFields: s.customFields ?? {},
          })),
        )
        const pending = view.statuses.find((s) => s.isDefault) ?? view.statuses[0]
        if (!pending) throw new NotFound('default status')
        const pairs = shots.flatMap((s) => view.taskTypes.map((t) => ({ shotId: s.id, taskTypeId: t.id })))
        await r.shots.insertTasks(projectId, pairs, pending.id)
        const change = shotChange(
          'shot:new',
          view,
          principal.userId,
          shots.map((s) => s.id),
          [],
          [],
        )
        await activity.record(r, projectId, principal.userId, [change])
        return { shots, change }
      }).catch(duplicateShot)
      await activity.publish(projectId, [created.change])
      return { items: await shotRows(repos, view.v, created.shots) }
    },

    async update(principal: Principal, shotId: string, patch: UpdateShotRequest) {
      const { shot, view } = await editable(principal, shotId)
      const change = await inProductionTransaction(ctx.db, async (r) => {
        const fields = await applyPatch(r, view, shot, patch, 'body')
        const c = shotChange('shot:update', view, principal.userId, [shot.id], fields, [])
        await activity.record(r, shot.projectId, principal.userId, [c])
        return c
      }).catch(duplicateShot)
      await activity.publish(shot.projectId, [change])
      return this.get(principal, shotId)
    },

    /** Edits many shots in one transaction: all or nothing (pasted blocks, undo). */
    async batchUpdate(principal: Principal, projectId: string, input: z.output<typeof BatchUpdateShotsRequest>) {
      const view = await load(principal, projectId)
      requireAccess(canEditBreakdown(view.access), 'edit shots')
      assertWritable(view.access)
      const ids = input.updates.map((u) => u.shotId)
      const changes = await inProductionTransaction(ctx.db, async (r) => {
        const shots = new Map((await r.shots.findByIds(ids)).map((s) => [s.id, s]))
        const out: Change[] = []
        for (const [i, u] of input.updates.entries()) {
          const shot = shots.get(u.shotId)
          if (!shot || shot.projectId !== projectId) throw new NotFound('shot', u.shotId)
          const fields = await applyPatch(r, view, shot, u.patch, `body.updates.${i}.patch`)
          out.push(shotChange('shot:update', view, principal.userId, [shot.id], fields, []))
        }
        await activity.record(r, projectId, principal.userId, out)
        return out
      }).catch(duplicateShot)
      await activity.publish(projectId, changes)
      return { items: await shotRows(repos, view.v, await repos.shots.findByIds(ids)) }
    },

    /** Drag reorder: a new key between the target neighbours; no other shot is rewritten. */
    async move(principal: Principal, shotId: string, afterShotId: string | null) {
      const { shot } = await editable(principal, shotId)
      let before: string | null = null
      if (afterShotId !== null) {
        const after = await repos.shots.findById(afterShotId)
        if (!after || after.projectId !== shot.projectId) throw new NotFound('shot', afterShotId)
        before = after.orderKey
      }
      const next = await repos.shots.keyAfter(shot.projectId, before, shot.id)
      const orderKey = keyBetween(before, next)
      const change: Change = {
        event: 'shot:reorder',
        payload: {
          projectId: shot.projectId,
          actorId: principal.userId,
          at: new Date().toISOString(),
          shotId,
          orderKey,
        },
        entityId: shotId,
        shotId,
        taskId: null,
        taskIds: [],
        clientVisible: true,
        data: { orderKey },
      }
      await inProductionTransaction(ctx.db, async (r) => {
        await r.shots.update(shotId, { orderKey })
        await activity.record(r, shot.projectId, principal.userId, [change])
      })
      await activity.publish(shot.projectId, [change])
      return { orderKey }
    },
  }
}
export type ShotService = ReturnType<typeof createShotService>

function duplicateShot(err: unknown): never {
  if (/UNIQUE constraint failed|duplicate key value/.test(err instanceof Error ? err.message : '')) {
    throw new Conflict('a shot with this code already exists in the sequence')
  }
  throw err
}
