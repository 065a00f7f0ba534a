// HTTP routes of production tracking; each handler is one service call.
import { productionRoutes as r } from '@aipipeline/contracts'
import type { FastifyInstance } from 'fastify'
import { bindRoute } from '../../http/route-binder'
import type { TokenService } from '../auth'
import { bindFileRoute } from './file-route'
import type { ProductionServices } from './production.services'

/** Registers every production route. */
export function registerProductionRoutes(app: FastifyInstance, tokens: TokenService, s: ProductionServices): void {
  serialiseShotTableAsPlainJson(app)
  bindRoute(app, tokens, r.listProjects, ({ principal, query }) =>
    s.projects.list(principal, { includeArchived: query.includeArchived === 'true' }),
  )
  bindRoute(app, tokens, r.createProject, ({ principal, body }) => s.projects.create(principal, body))
  bindRoute(app, tokens, r.getProject, ({ principal, params }) => s.projects.get(principal, params.projectId))
  bindRoute(app, tokens, r.updateProject, ({ principal, params, body }) =>
    s.projects.update(principal, params.projectId, body),
  )
  bindRoute(app, tokens, r.archiveProject, ({ principal, params }) => s.projects.archive(principal, params.projectId))
  bindRoute(app, tokens, r.unarchiveProject, ({ principal, params }) =>
    s.projects.unarchive(principal, params.projectId),
  )
  bindRoute(app, tokens, r.listMembers, ({ principal, params }) => s.members.list(principal, params.projectId))
  bindRoute(app, tokens, r.putMember, ({ principal, params, body }) =>
    s.members.put(principal, params.projectId, params.userId, body),
  )
  bindRoute(app, tokens, r.removeMember, ({ principal, params }) =>
    s.members.remove(principal, params.projectId, params.userId),
  )
  bindRoute(app, tokens, r.listDepartments, ({ principal, params }) => s.departments.list(principal, params.projectId))
  bindRoute(app, tokens, r.createDepartment, ({ principal, params, body }) =>
    s.departments.create(principal, params.projectId, body.name),
  )
  bindRoute(app, tokens, r.renameDepartment, ({ principal, params, body }) =>
    s.departments.rename(principal, params.projectId, params.department, body.name),
  )
  bindRoute(app, tokens, r.deleteDepartment, async ({ principal, params }) => {
    await s.departments.remove(principal, params.projectId, params.department)
    return undefined
  })
  bindRoute(app, tokens, r.listShotTableViews, ({ principal, params }) =>
    s.tableViews.list(principal, params.projectId),
  )
  bindRoute(app, tokens, r.saveShotTableView, ({ principal, params, body }) =>
    s.tableViews.save(principal, params.projectId, body),
  )
  bindRoute(app, tokens, r.deleteShotTableView, async ({ principal, params }) => {
    await s.tableViews.remove(principal, params.projectId, params.viewId)
    return undefined
  })
  bindRoute(app, tokens, r.getBreakdown, ({ principal, params }) => s.projects.breakdown(principal, params.projectId))
  bindRoute(app, tokens, r.createSequence, ({ principal, params, body }) =>
    s.breakdownEntries.createSequence(principal, params.projectId, body),
  )
  bindRoute(app, tokens, r.createCharacter, ({ principal, params, body }) =>
    s.breakdownEntries.createCharacter(principal, params.projectId, body),
  )
  bindRoute(app, tokens, r.createAsset, ({ principal, params, body }) =>
    s.breakdownEntries.createAsset(principal, params.projectId, body),
  )
  bindRoute(app, tokens, r.createTaskType, ({ principal, params, body }) =>
    s.config.createTaskType(principal, params.projectId, body),
  )
  bindRoute(app, tokens, r.createCustomField, ({ principal, params, body }) =>
    s.customFields.create(principal, params.projectId, body),
  )

  bindRoute(app, tokens, r.createStatus, ({ principal, params, body }) =>
    s.config.createStatus(principal, params.projectId, body),
  )
  bindRoute(app, tokens, r.updateStatus, ({ principal, params, body }) =>
    s.config.updateStatus(principal, params.projectId, params.statusId, body),
  )
  bindRoute(app, tokens, r.deleteStatus, ({ principal, params }) =>
    s.config.deleteStatus(principal, params.projectId, params.statusId),
  )
  bindRoute(app, tokens, r.updateTaskType, ({ principal, params, body }) =>
    s.config.updateTaskType(principal, params.projectId, params.taskTypeId, body),
  )
  bindRoute(app, tokens, r.deleteTaskType, ({ principal, params }) =>
    s.config.deleteTaskType(principal, params.projectId, params.taskTypeId),
  )
  bindRoute(app, tokens, r.updateCustomField, ({ principal, params, body }) =>
    s.customFields.update(principal, params.projectId, params.customFieldId, body),
  )
  bindRoute(app, tokens, r.deleteCustomField, ({ principal, params, query }) =>
    s.customFields.delete(principal, params.projectId, params.customFieldId, query),
  )
  bindRoute(app, tokens, r.updateSequence, ({ principal, params, body }) =>
    s.breakdownEntries.updateSequence(principal, params.projectId, params.sequenceId, body),
  )
  bindRoute(app, tokens, r.updateCharacter, ({ principal, params, body }) =>
    s.breakdownEntries.updateCharacter(principal, params.projectId, params.characterId, body),
  )
  bindRoute(app, tokens, r.deleteCharacter, ({ principal, params }) =>
    s.breakdownEntries.deleteCharacter(principal, params.projectId, params.characterId),
  )
  bindRoute(app, tokens, r.updateAsset, ({ principal, params, body }) =>
    s.breakdownEntries.updateAsset(principal, params.projectId, params.assetId, body),
  )
  bindRoute(app, tokens, r.deleteAsset, ({ principal, params }) =>
    s.breakdownEntries.deleteAsset(principal, params.projectId, params.assetId),
  )
  bindRoute(app, tokens, r.getCharacter, ({ principal, params }) =>
    s.shotBreakdown.character(principal, params.projectId, params.characterId),
  )
  bindRoute(app, tokens, r.getAsset, ({ principal, params }) =>
    s.shotBreakdown.asset(principal, params.projectId, params.assetId),
  )
  bindRoute(app, tokens, r.getShotBreakdown, ({ principal, params }) =>
    s.shotBreakdown.ofShot(principal, params.shotId),
  )
  bindRoute(app, tokens, r.putShotBreakdown, ({ principal, params, body }) =>
    s.shotBreakdown.setForShot(principal, params.shotId, body),
  )

  bindRoute(app, tokens, r.listShots, ({ principal, params, query }) =>
    s.shots.list(principal, params.projectId, query),
  )
  bindRoute(app, tokens, r.shotTable, ({ principal, params }) => s.shots.table(principal, params.projectId))
  bindRoute(app, tokens, r.latestVersions, ({ principal, params }) =>
    s.shots.latestVersions(principal, params.projectId),
  )
  bindRoute(app, tokens, r.createShots, ({ principal, params, body }) =>
    s.shots.create(principal, params.projectId, body),
  )
  bindRoute(app, tokens, r.batchUpdateShots, ({ principal, params, body }) =>
    s.shots.batchUpdate(principal, params.projectId, body),
  )
  bindRoute(app, tokens, r.getShot, ({ principal, params }) => s.shots.get(principal, params.shotId))
  bindRoute(app, tokens, r.updateShot, ({ principal, params, body }) => s.shots.update(principal, params.shotId, body))
  bindRoute(app, tokens, r.moveShot, ({ principal, params, body }) =>
    s.shots.move(principal, params.shotId, body.afterShotId),
  )

  bindRoute(app, tokens, r.getTask, ({ principal, params }) => s.tasks.get(principal, params.taskId))
  bindRoute(app, tokens, r.getVersion, ({ principal, params }) => s.versions.get(principal, params.versionId))
  bindRoute(app, tokens, r.getVersionLineage, ({ principal, params }) =>
    s.versionLineage.lineage(principal, params.shotId),
  )
  bindRoute(app, tokens, r.approveVersion, ({ principal, params, body }) =>
    s.versionDecisions.approve(principal, params.versionId, body),
  )
  bindRoute(app, tokens, r.retakeVersion, ({ principal, params, body }) =>
    s.versionDecisions.retake(principal, params.versionId, body),
  )
  bindRoute(app, tokens, r.updateTask, ({ principal, params, body }) => s.tasks.update(principal, params.taskId, body))
  bindRoute(app, tokens, r.postComment, ({ principal, params, body }) =>
    s.comments.postOne(principal, params.taskId, body),
  )
  bindRoute(app, tokens, r.batchComment, ({ principal, params, body }) =>
    s.comments.postMany(principal, params.projectId, body.taskIds, { ...body, versionIds: [] }),
  )
  bindRoute(app, tokens, r.batchAssign, ({ principal, params, body }) =>
    s.tasks.batchAssign(principal, params.projectId, body),
  )
  bindRoute(app, tokens, r.listActivity, ({ principal, params, query }) =>
    s.tasks.activity(principal, params.projectId, query),
  )
  bindRoute(app, tokens, r.listNotifications, ({ principal, query }) =>
    s.notifications.list(principal, query.unread === 'true'),
  )
  bindRoute(app, tokens, r.markNotificationsRead, ({ principal, body }) =>
    s.notifications.markRead(principal, body.ids).then(() => undefined),
  )
  bindRoute(app, tokens, r.importShots, ({ principal, params, body }) =>
    s.spreadsheets.import(principal, params.projectId, {
      format: body.format,
      data: Buffer.from(body.contentBase64, 'base64'),
      dryRun: body.dryRun,
    }),
  )
  bindRoute(app, tokens, r.parsePath, ({ principal, params, body }) =>
    s.folders.parse(principal, params.projectId, body.path),
  )
  bindFileRoute(app, tokens, r.exportShots, async ({ principal, params, query }) => ({
    ...(await s.spreadsheets.export(principal, params.projectId, query.format)),
    disposition: 'attachment',
  }))
  bindFileRoute(app, tokens, r.versionFile, async ({ principal, params }) => {
    const file = await s.versions.readFile(principal, params.fileId)
    return { data: file.data, mediaType: file.mediaType, fileName: file.name, disposition: 'inline' }
  })
}

/**
 * Every route's response is parsed with its contract's zod schema before it is sent (the
 * serializer compiler in app.ts): a body off its contract becomes a logged 500, and keys the
 * contract does not name are dropped. One route is exempt: the shot table answers every shot
 * and task of a project in one body (10,000 shots and 40,000 tasks on big projects), and
 * parsing that costs more than writing it (about 70 ms against 50 ms of JSON.stringify for
 * 10,000 shots, measured on the development machine), on the grid's hottest read. shot-list.ts
 * builds it key by key in the contract's own types, so tsc checks its shape and it carries no
 * key the contract lacks; the API tests parse it with the contract. Paged lists are bounded
 * (1,000 rows at most, about 5 ms to parse) and keep the check.
 */
function serialiseShotTableAsPlainJson(app: FastifyInstance): void {
  const exempt = `${r.shotTable.method} ${r.shotTable.path}`
  app.addHook('onRoute', (route) => {
    if ([route.method].flat().some((m) => `${m} ${route.url}` === exempt))
      route.serializerCompiler = () => (data) => JSON.stringify(data)
  })
}
