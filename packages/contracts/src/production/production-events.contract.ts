// Realtime production events, `entity:action`, on `project:<id>` (staff) and, filtered to
// what they may see, on `user:<id>` of client and vendor members. Payloads carry ids; the
// browser re-fetches what it shows.
import { z } from 'zod'
import { Notification } from './task.contract'

const Base = { projectId: z.string(), actorId: z.string().nullable(), at: z.string() }

export const productionEvents = {
  'project:update': z.object({ ...Base, fields: z.array(z.string()) }),
  'shot:new': z.object({ ...Base, shotIds: z.array(z.string()) }),
  'shot:update': z.object({ ...Base, shotIds: z.array(z.string()), fields: z.array(z.string()) }),
  'shot:reorder': z.object({ ...Base, shotId: z.string(), orderKey: z.string() }),
  'task:assign': z.object({ ...Base, taskIds: z.array(z.string()) }),
  'task:update': z.object({ ...Base, taskIds: z.array(z.string()), fields: z.array(z.string()) }),
  'task:status-changed': z.object({
    ...Base,
    taskId: z.string(),
    shotId: z.string(),
    statusId: z.string(),
    previousStatusId: z.string().nullable(),
  }),
  'comment:new': z.object({ ...Base, commentId: z.string(), taskId: z.string(), shotId: z.string() }),
  'version:new': z.object({
    ...Base,
    versionId: z.string(),
    taskId: z.string(),
    shotId: z.string(),
    number: z.number().int(),
    kind: z.enum(['image', 'video']),
    thumbnailFileId: z.string().nullable(),
    /** The render job it came from (null for uploads). */
    renderJobId: z.string().nullable(),
  }),
  // Configuration, team and breakdown changes reach the studio only (like `project:update`);
  // clients and vendors re-read the project when they next load it. `fields` names what changed.
  'status:new': z.object({ ...Base, statusId: z.string() }),
  'status:update': z.object({ ...Base, statusId: z.string(), fields: z.array(z.string()) }),
  'status:delete': z.object({ ...Base, statusId: z.string() }),
  /** Every shot got a task of the new type: shot tables must re-read. */
  'task-type:new': z.object({ ...Base, taskTypeId: z.string() }),
  'task-type:update': z.object({ ...Base, taskTypeId: z.string(), fields: z.array(z.string()) }),
  /** The type's tasks went with it: shot tables must re-read. */
  'task-type:delete': z.object({ ...Base, taskTypeId: z.string() }),
  'custom-field:new': z.object({ ...Base, customFieldId: z.string() }),
  'custom-field:update': z.object({ ...Base, customFieldId: z.string(), fields: z.array(z.string()) }),
  /** Shots lost their values of the field with it: shot tables must re-read. */
  'custom-field:delete': z.object({ ...Base, customFieldId: z.string() }),
  /** A user joined the team, had their project role or departments changed, or left it. */
  'member:new': z.object({ ...Base, userId: z.string() }),
  'member:update': z.object({ ...Base, userId: z.string(), fields: z.array(z.string()) }),
  'member:remove': z.object({ ...Base, userId: z.string() }),
  'sequence:new': z.object({ ...Base, sequenceId: z.string() }),
  'sequence:update': z.object({ ...Base, sequenceId: z.string(), fields: z.array(z.string()) }),
  'character:new': z.object({ ...Base, characterId: z.string() }),
  'character:update': z.object({ ...Base, characterId: z.string(), fields: z.array(z.string()) }),
  'character:delete': z.object({ ...Base, characterId: z.string() }),
  'asset:new': z.object({ ...Base, assetId: z.string() }),
  'asset:update': z.object({ ...Base, assetId: z.string(), fields: z.array(z.string()) }),
  'asset:delete': z.object({ ...Base, assetId: z.string() }),
  'notification:new': Notification,
} as const
export type ProductionEventName = keyof typeof productionEvents
export type ProductionEvent<N extends ProductionEventName> = z.infer<(typeof productionEvents)[N]>
