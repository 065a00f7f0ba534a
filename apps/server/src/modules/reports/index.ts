// Reports: daily and weekly project digests (HTML and PDF), on demand and on the project's
// cron schedule through the job queue.
import { join } from 'node:path'
import { createReportDigestReads, createReportRepository, type DatabaseHandle } from '@aipipeline/db'
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { JobHandlerRegistry, JobQueue } from '../../jobs'
import type { Logger } from '../../observability/logger'
import type { TokenService } from '../auth'
import { createReportService, GENERATE_REPORT_JOB, type ReportService, type ReportServiceDeps } from './report.service'
import { createReportFiles } from './report-files'
import { resolvePdfFonts } from './report-pdf'
import { registerReportRoutes } from './reports.routes'

export { GENERATE_REPORT_JOB, type ReportService } from './report.service'
export { digestScheduleId } from './report-period'

export interface ReportsModuleDeps {
  app: FastifyInstance
  tokens: TokenService
  database: DatabaseHandle
  queue: JobQueue
  jobs: JobHandlerRegistry
  projects: ReportServiceDeps['projects']
  dataDir: string
  fontPath: string
  logger: Logger
}

const GenerateJobData = z.union([
  z.object({ reportId: z.string().min(1) }).strict(),
  z.object({ projectId: z.string().min(1), kind: z.enum(['daily', 'weekly']) }).strict(),
])

/** Builds the report service, binds its routes and registers the digest job. */
export function registerReportsModule(deps: ReportsModuleDeps): ReportService {
  const fonts = resolvePdfFonts(deps.fontPath)
  if (!fonts.korean)
    deps.logger.warn({ fontPath: deps.fontPath }, 'report font not found: PDFs use Helvetica and may not show Korean')
  const service = createReportService({
    reports: createReportRepository(deps.database.db),
    reads: createReportDigestReads(deps.database.db),
    projects: deps.projects,
    queue: deps.queue,
    files: createReportFiles(join(deps.dataDir, 'reports')),
    fonts,
  })
  registerReportRoutes(deps.app, deps.tokens, service)
  deps.jobs.registerJobHandler(GENERATE_REPORT_JOB, GenerateJobData, (job) => service.runJob(job), { concurrency: 1 })
  return service
}
