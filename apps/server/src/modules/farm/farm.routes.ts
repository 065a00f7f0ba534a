import { farmRoutes as r } from '@aipipeline/contracts'
import type { FastifyInstance } from 'fastify'
import { bindRoute } from '../../http/route-binder'
import type { TokenService } from '../auth'
import type { BackendService } from './backend.service'
import type { RenderGroupService } from './render-group.service'
import type { RenderJobService } from './render-job.service'
import type { ShotRenderService } from './shot-render.service'
import type { WorkflowTemplateService } from './workflow-template.service'

/** HTTP routes of the farm module; each handler is one service call. */
export function registerFarmRoutes(
  app: FastifyInstance,
  tokens: TokenService,
  s: {
    backends: BackendService
    jobs: RenderJobService
    templates: WorkflowTemplateService
    renders: ShotRenderService
    groups: RenderGroupService
  },
): void {
  bindRoute(app, tokens, r.listFarmBackends, async () => ({ items: await s.backends.list() }))
  bindRoute(app, tokens, r.getFarmBackend, ({ params }) => s.backends.get(params.id))
  bindRoute(app, tokens, r.createFarmBackend, ({ body }) => s.backends.create(body))
  bindRoute(app, tokens, r.updateFarmBackend, ({ params, body }) => s.backends.update(params.id, body))
  bindRoute(app, tokens, r.deleteFarmBackend, async ({ params }) => s.backends.remove(params.id))
  bindRoute(app, tokens, r.refreshFarmBackend, ({ params }) => s.backends.refresh(params.id))
  bindRoute(app, tokens, r.testFarmBackend, ({ body }) => s.backends.test(body.url))
  bindRoute(app, tokens, r.getFarmBackendHealth, async ({ params, query }) => ({
    items: await s.backends.health(params.id, query.limit),
  }))

  bindRoute(app, tokens, r.submitRenderJob, ({ body, principal }) => s.jobs.submit(body, principal))
  bindRoute(app, tokens, r.submitRenderSweep, ({ body, principal }) => s.jobs.sweep(body, principal))
  bindRoute(app, tokens, r.listRenderJobs, async ({ query, principal }) => ({
    items: await s.jobs.list(query, principal),
  }))
  bindRoute(app, tokens, r.getRenderJob, ({ params, principal }) => s.jobs.get(params.id, principal))
  bindRoute(app, tokens, r.updateRenderJob, ({ params, body, principal }) =>
    s.jobs.setPriority(params.id, body.priority, principal),
  )
  bindRoute(app, tokens, r.cancelRenderJob, ({ params, principal }) => s.jobs.cancel(params.id, principal))
  bindRoute(app, tokens, r.retryRenderJob, ({ params, principal }) => s.jobs.retry(params.id, principal))
  bindRoute(app, tokens, r.getFarmSummary, () => s.jobs.summary())

  bindRoute(app, tokens, r.previewShotRender, ({ params, body, principal }) =>
    s.renders.preview(principal, params.projectId, body),
  )
  bindRoute(app, tokens, r.submitShotRender, ({ params, body, principal }) =>
    s.renders.submit(principal, params.projectId, body),
  )
  bindRoute(app, tokens, r.getRenderGroup, ({ params, principal }) => s.groups.get(principal, params.groupId))

  bindRoute(app, tokens, r.listWorkflowTemplates, async () => ({ items: await s.templates.list() }))
  bindRoute(app, tokens, r.getWorkflowTemplate, ({ params }) => s.templates.get(params.id))
  bindRoute(app, tokens, r.createWorkflowTemplate, ({ body, principal }) => s.templates.create(body, principal.userId))
  bindRoute(app, tokens, r.updateWorkflowTemplate, ({ params, body, principal }) =>
    s.templates.update(params.id, body, principal.userId),
  )
  bindRoute(app, tokens, r.listWorkflowTemplateRevisions, ({ params }) => s.templates.revisions(params.id))
  bindRoute(app, tokens, r.getWorkflowTemplateRevision, ({ params }) =>
    s.templates.revision(params.id, params.revision),
  )
  bindRoute(app, tokens, r.inspectWorkflowTemplate, ({ body }) => s.templates.inspect(body))
  bindRoute(app, tokens, r.getWorkflowTemplateCompatibility, ({ params }) => s.templates.compatibility(params.id))
  bindRoute(app, tokens, r.deleteWorkflowTemplate, async ({ params }) => s.templates.remove(params.id))
}
