import { reportRoutes as r } from '@aipipeline/contracts'
import type { FastifyInstance } from 'fastify'
import { bindRoute } from '../../http/route-binder'
import type { TokenService } from '../auth'
import { bindFileRoute } from '../production'
import type { ReportService } from './report.service'

/** HTTP routes of project reports; each handler is one service call. */
export function registerReportRoutes(app: FastifyInstance, tokens: TokenService, reports: ReportService): void {
  bindRoute(app, tokens, r.listReports, ({ principal, params }) => reports.list(principal, params.projectId))
  bindRoute(app, tokens, r.generateReport, ({ principal, params, body }) =>
    reports.generate(principal, params.projectId, body),
  )
  bindRoute(app, tokens, r.getReport, ({ principal, params }) =>
    reports.get(principal, params.projectId, params.reportId),
  )
  bindFileRoute(app, tokens, r.reportHtml, async ({ principal, params }) => ({
    ...(await reports.file(principal, params.projectId, params.reportId, 'html')),
    disposition: 'inline',
  }))
  bindFileRoute(app, tokens, r.reportPdf, async ({ principal, params }) => ({
    ...(await reports.file(principal, params.projectId, params.reportId, 'pdf')),
    disposition: 'attachment',
  }))
  bindRoute(app, tokens, r.getReportSchedule, ({ principal, params }) => reports.schedule(principal, params.projectId))
  bindRoute(app, tokens, r.updateReportSchedule, ({ principal, params, body }) =>
    reports.updateSchedule(principal, params.projectId, body),
  )
}
