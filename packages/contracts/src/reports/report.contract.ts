// Project reports: daily and weekly digests (what changed, what is late, what needs review,
// farm and LLM spend) as HTML and PDF, generated on demand or by the project's schedule.
// Reading and generating is for the project's managers and supervisors (digests carry spend
// and the whole project's activity); the schedule is set by its managers. Clients, vendors
// and artists are refused.
import { access } from '@aipipeline/domain'
import { z } from 'zod'
import { defineRoute } from '../http/route'
import { Id, ProjectParams } from '../production/project.contract'

const tags = ['reports'] as const
const readers = access.atLeast('supervisor')

export const ReportKind = z.enum(['daily', 'weekly'])
export const ReportLocale = z.enum(['en', 'ko'])

export const Report = z
  .object({
    id: z.string(),
    projectId: z.string(),
    kind: ReportKind,
    /** The period covered, [start, end), ISO-8601 UTC. */
    periodStart: z.string(),
    periodEnd: z.string(),
    timezone: z.string(),
    locale: ReportLocale,
    status: z.enum(['queued', 'running', 'ready', 'failed']),
    /** Percent, 0..100. */
    progress: z.number().int(),
    error: z.string().nullable(),
    pdfPages: z.number().int().nullable(),
    summary: z
      .object({
        changes: z.number().int(),
        late: z.number().int(),
        review: z.number().int(),
        gpuHours: z.number(),
        llmCostMicros: z.number().int(),
      })
      .nullable(),
    trigger: z.enum(['schedule', 'manual']),
    requestedBy: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'Report' })

export const GenerateReportRequest = z
  .object({
    kind: ReportKind,
    /** Language of the digest; the schedule's language when absent. */
    locale: ReportLocale.optional(),
  })
  .strict()

/** Whether `zone` is an IANA time zone this runtime knows. */
function knownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

export const ReportSchedule = z
  .object({
    dailyEnabled: z.boolean(),
    weeklyEnabled: z.boolean(),
    /** HH:MM, 24-hour, in `timezone`. */
    timeOfDay: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day is HH:MM, 00:00 to 23:59'),
    /** Day of the weekly digest: 0 = Sunday … 6 = Saturday. */
    weekday: z.number().int().min(0).max(6),
    timezone: z.string().min(1).max(64).refine(knownZone, 'an IANA time zone such as Asia/Seoul or UTC'),
    locale: ReportLocale,
  })
  .strict()
  .meta({ id: 'ReportSchedule' })

export const ReportParams = z.object({ projectId: Id, reportId: Id }).strict()

export const reportRoutes = {
  listReports: defineRoute({
    method: 'GET',
    path: '/api/projects/:projectId/reports',
    summary: 'The project’s reports, newest first',
    tags,
    access: readers,
    params: ProjectParams,
    response: z.object({ items: z.array(Report) }),
  }),
  generateReport: defineRoute({
    method: 'POST',
    path: '/api/projects/:projectId/reports',
    summary: 'Generate a daily or weekly digest now (runs as a job; poll the report for progress)',
    tags,
    access: readers,
    params: ProjectParams,
    body: GenerateReportRequest,
    response: Report,
    status: 202,
  }),
  getReport: defineRoute({
    method: 'GET',
    path: '/api/projects/:projectId/reports/:reportId',
    summary: 'One report with its state and progress',
    tags,
    access: readers,
    params: ReportParams,
    response: Report,
  }),
  reportHtml: defineRoute({
    method: 'GET',
    path: '/api/projects/:projectId/reports/:reportId/html',
    summary: 'The report as an HTML page',
    tags,
    access: readers,
    params: ReportParams,
    response: null,
  }),
  reportPdf: defineRoute({
    method: 'GET',
    path: '/api/projects/:projectId/reports/:reportId/pdf',
    summary: 'Download the report as PDF',
    tags,
    access: readers,
    params: ReportParams,
    response: null,
  }),
  getReportSchedule: defineRoute({
    method: 'GET',
    path: '/api/projects/:projectId/report-schedule',
    summary: 'When the project’s digests are generated',
    tags,
    access: readers,
    params: ProjectParams,
    response: ReportSchedule,
  }),
  updateReportSchedule: defineRoute({
    method: 'PUT',
    path: '/api/projects/:projectId/report-schedule',
    summary: 'Set when the project’s digests are generated (managers)',
    tags,
    access: access.atLeast('manager'),
    params: ProjectParams,
    body: ReportSchedule,
    response: ReportSchedule,
  }),
}
