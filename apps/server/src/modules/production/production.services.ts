// Composes the production services over one database and the realtime publisher.
import { join } from 'node:path'
import { createProductionRepositories, type DatabaseHandle, type UserRepository } from '@aipipeline/db'
import { createActivityService } from './activity.service'
import { createBreakdownService } from './breakdown.service'
import { createBreakdownEntryService } from './breakdown-entry.service'
import { createCommentService } from './comment.service'
import { createCustomFieldService } from './custom-field.service'
import { createDepartmentService } from './department.service'
import { createFolderService } from './folder.service'
import { createNotificationService } from './notification.service'
import { createProductionAccess } from './production-access.service'
import type { EmitEvent, ProductionContext } from './production-context'
import { createProjectService } from './project.service'
import { createProjectConfigService } from './project-config.service'
import { createProjectMemberService } from './project-member.service'
import { createShotService } from './shot.service'
import { createShotBreakdownService } from './shot-breakdown.service'
import { createShotTableViewService } from './shot-table-view.service'
import { createSpreadsheetService, type SheetReading } from './spreadsheet.service'
import { createTaskService } from './task.service'
import { createVersionService } from './version.service'
import { createVersionDecisionService } from './version-decision.service'
import { createVersionHooks } from './version-hooks'
import { createVersionIngestService } from './version-ingest.service'
import { createVersionLineageService } from './version-lineage.service'

export interface ProductionModuleDeps {
  database: DatabaseHandle
  users: UserRepository
  /** DATA_DIR; files go to DATA_DIR/storage. */
  dataDir: string
  emit: EmitEvent
  /** Where large spreadsheet imports are read, and the most rows accepted. */
  sheets: SheetReading
}

/** Builds every production service. */
export function createProductionServices(deps: ProductionModuleDeps) {
  const ctx: ProductionContext = {
    db: deps.database.db,
    repos: createProductionRepositories(deps.database.db),
    users: deps.users,
    emit: deps.emit,
    storageRoot: join(deps.dataDir, 'storage'),
  }
  const access = createProductionAccess({ projects: ctx.repos.projects })
  const activity = createActivityService(ctx)
  const notifications = createNotificationService(ctx)
  const folders = createFolderService(ctx, access)
  const comments = createCommentService(ctx, access, activity, notifications, folders)
  const versionHooks = createVersionHooks()
  return {
    access,
    /** Records changes in the activity log (in a transaction) and publishes them (after commit). */
    activity,
    projects: createProjectService(ctx, access, activity),
    members: createProjectMemberService(ctx, access, activity),
    departments: createDepartmentService(ctx, access),
    tableViews: createShotTableViewService(ctx, access),
    config: createProjectConfigService(ctx, access, activity),
    customFields: createCustomFieldService(ctx, access, activity),
    breakdownEntries: createBreakdownEntryService(ctx, access, activity),
    shots: createShotService(ctx, access, activity),
    shotBreakdown: createShotBreakdownService(ctx, access, activity),
    breakdown: createBreakdownService(ctx, access, activity),
    tasks: createTaskService(ctx, access, activity, notifications),
    comments,
    notifications,
    folders,
    versions: createVersionService(ctx, access, activity, folders, versionHooks),
    versionLineage: createVersionLineageService(ctx, access),
    versionDecisions: createVersionDecisionService(ctx, access, activity, comments),
    /** Render outputs → versions (the farm reaches it through its version port). */
    versionIngest: createVersionIngestService(ctx, activity, folders, versionHooks),
    /** Other modules' reactions to new versions (review queues proxies). */
    versionHooks,
    spreadsheets: createSpreadsheetService(ctx, access, activity, comments, deps.sheets),
    assignments: {
      /** Whether any task of the shot is assigned to the user (artists act on their own shots). */
      isAssignedToShot: (userId: string, shotId: string) => ctx.repos.tasks.isAssignedToShot(userId, shotId),
    },
  }
}
export type ProductionServices = ReturnType<typeof createProductionServices>
