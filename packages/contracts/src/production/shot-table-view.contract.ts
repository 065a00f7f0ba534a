// Saved views of the shot table: filter, sort, grouping and column widths, saved per person
// and optionally shared with everyone in the project (shared ones by managers and supervisors).
import { access } from '@aipipeline/domain'
import { z } from 'zod'
import { defineRoute } from '../http/route'
import { Id, ProjectParams } from './project.contract'

const Ids = z.array(z.string().max(64)).max(500)
/** What a view restores: the same shape the table keeps in memory. */
export const ShotTableViewSettings = z
  .object({
    filter: z
      .object({
        search: z.string().max(200),
        sequenceIds: Ids,
        taskTypeId: z.string().max(64).nullable(),
        statusIds: Ids,
        assigneeIds: Ids,
      })
      .strict(),
    sort: z
      .object({
        key: z.union([
          z.enum(['order', 'code', 'description', 'frameIn', 'frameOut', 'duration']),
          z.templateLiteral(['field:', z.string().max(64)]),
        ]),
        desc: z.boolean(),
      })
      .strict(),
    groupBy: z.union([z.enum(['none', 'sequence']), z.templateLiteral(['status:', z.string().max(64)])]),
    /** Column widths in pixels by column id (the column layout). */
    columnWidths: z.record(z.string().max(80), z.number().int().min(30).max(2000)).default({}),
  })
  .strict()
export type ShotTableViewSettings = z.infer<typeof ShotTableViewSettings>

export const ShotTableView = z
  .object({
    id: z.string(),
    name: z.string(),
    ownerId: z.string(),
    shared: z.boolean(),
    /** Whether the caller may delete it (its owner, or a manager for a shared view). */
    canDelete: z.boolean(),
    view: ShotTableViewSettings,
    updatedAt: z.string(),
  })
  .meta({ id: 'ShotTableView' })
export type ShotTableView = z.infer<typeof ShotTableView>

export const SaveShotTableViewRequest = z
  .object({ name: z.string().trim().min(1).max(80), shared: z.boolean().default(false), view: ShotTableViewSettings })
  .strict()
export const ShotTableViewParams = z.object({ projectId: Id, viewId: Id }).strict()

const tags = ['production'] as const
export const shotTableViewRoutes = {
  listShotTableViews: defineRoute({
    method: 'GET',
    path: '/api/projects/:projectId/table-views',
    summary: 'The caller’s saved shot table views and the project’s shared ones',
    tags,
    access: access.authenticated,
    params: ProjectParams,
    response: z.object({ items: z.array(ShotTableView) }),
  }),
  saveShotTableView: defineRoute({
    method: 'POST',
    path: '/api/projects/:projectId/table-views',
    summary: 'Save a view under a name (replacing the caller’s view of that name); shared by managers and supervisors',
    tags,
    access: access.authenticated,
    params: ProjectParams,
    body: SaveShotTableViewRequest,
    response: ShotTableView,
    status: 201,
  }),
  deleteShotTableView: defineRoute({
    method: 'DELETE',
    path: '/api/projects/:projectId/table-views/:viewId',
    summary: 'Delete a saved view (its owner, or a manager for a shared view)',
    tags,
    access: access.authenticated,
    params: ShotTableViewParams,
    response: null,
    status: 204,
  }),
}
