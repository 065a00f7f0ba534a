// Reports: generate a digest now or on the project's schedule, list them, hand out their HTML
// and PDF, and keep the job queue's cron schedules in step with the project's settings.
// Managers and supervisors of the project read and generate; managers set the schedule.
import type { ReportSchedule as ReportScheduleContract } from '@aipipeline/contracts'
import type { ReportDigestReads, ReportKind, ReportLocale, ReportRecord, ReportRepository } from '@aipipeline/db'
import { Conflict, canManageProject, Forbidden, NotFound, type ProjectAccess } from '@aipipeline/domain'
import type { z } from 'zod'
import type { JobContext, JobQueue } from '../../jobs'
import type { Principal } from '../auth'
import { buildDigest } from './report-digest'
import type { ReportFiles } from './report-files'
import { renderReportHtml } from './report-html'
import { type PdfFonts, renderReportPdf } from './report-pdf'
import { digestCrons, digestScheduleId, reportPeriod } from './report-period'

export const GENERATE_REPORT_JOB = 'reports.generate'

type Schedule = z.output<typeof ReportScheduleContract>

export const DEFAULT_SCHEDULE: Schedule = {
  dailyEnabled: false,
  weeklyEnabled: false,
  timeOfDay: '08:00',
  weekday: 1,
  timezone: 'UTC',
  locale: 'en',
}

export interface ReportServiceDeps {
  reports: ReportRepository
  reads: ReportDigestReads
  projects: { resolve(principal: Principal, projectId: string): Promise<ProjectAccess> }
  queue: Pick<JobQueue, 'enqueue' | 'schedule' | 'unschedule'>
  files: ReportFiles
  fonts: PdfFonts
  now?: () => number
}

/** Digests carry the whole project's activity and its spend: the studio's leads read them. */
function mayRead(a: ProjectAccess): boolean {
  return canManageProject(a) || a.role === 'supervisor'
}

/** What the API shows of a report (file paths stay inside). */
export function reportView(r: ReportRecord) {
  const { htmlPath: _h, pdfPath: _p, ...rest } = r
  return rest
}

export function createReportService(deps: ReportServiceDeps) {
  const now = deps.now ?? Date.now

  async function readable(principal: Principal, projectId: string): Promise<ProjectAccess> {
    const access = await deps.projects.resolve(principal, projectId)
    if (!mayRead(access)) throw new Forbidden('not allowed: reports are for the project’s managers and supervisors')
    return access
  }

  async function scheduleOf(projectId: string): Promise<Schedule> {
    const s = await deps.reports.schedule(projectId)
    if (!s) return DEFAULT_SCHEDULE
    const { projectId: _, updatedAt: _u, updatedBy: _b, ...rest } = s
    return rest
  }

  async function reportIn(projectId: string, reportId: string): Promise<ReportRecord> {
    const r = await deps.reports.get(reportId)
    if (!r || r.projectId !== projectId) throw new NotFound('report', reportId)
    return r
  }

  /** Makes the digest of a stored report: HTML, then PDF, with progress along the way. */
  async function render(report: ReportRecord, progress: (percent: number) => Promise<void>): Promise<void> {
    try {
      await progress(5)
      const digest = await buildDigest(deps.reads, report, now())
      await progress(40)
      const htmlPath = await deps.files.write(report.projectId, `${report.id}.html`, renderReportHtml(digest))
      await progress(60)
      const pdf = await renderReportPdf(digest, deps.fonts)
      const pdfPath = await deps.files.write(report.projectId, `${report.id}.pdf`, pdf.data)
      await deps.reports.finish(report.id, { htmlPath, pdfPath, pdfPages: pdf.pages, summary: digest.summary })
    } catch (err) {
      await deps.reports.fail(report.id, err instanceof Error ? err.message : String(err))
      throw err
    }
  }

  async function create(
    projectId: string,
    kind: ReportKind,
    locale: ReportLocale,
    trigger: 'schedule' | 'manual',
    by: string | null,
  ) {
    const schedule = await scheduleOf(projectId)
    const period = reportPeriod(kind, now())
    return deps.reports.insert({
      projectId,
      kind,
      periodStart: period.start,
      periodEnd: period.end,
      timezone: schedule.timezone,
      locale,
      trigger,
      requestedBy: by,
    })
  }

  async function applySchedule(
    projectId: string,
    s: Pick<Schedule, 'dailyEnabled' | 'weeklyEnabled' | 'timeOfDay' | 'weekday' | 'timezone'>,
  ) {
    const crons = digestCrons(s)
    for (const kind of ['daily', 'weekly'] as const) {
      const id = digestScheduleId(projectId, kind)
      if (kind === 'daily' ? s.dailyEnabled : s.weeklyEnabled)
        await deps.queue.schedule(id, crons[kind], GENERATE_REPORT_JOB, { projectId, kind }, { timezone: s.timezone })
      else await deps.queue.unschedule(id)
    }
  }

  return {
    async list(principal: Principal, projectId: string) {
      await readable(principal, projectId)
      return { items: (await deps.reports.list(projectId, 200)).map(reportView) }
    },

    async get(principal: Principal, projectId: string, reportId: string) {
      await readable(principal, projectId)
      return reportView(await reportIn(projectId, reportId))
    },

    /** Stores a queued report and enqueues its job; the caller polls the report for progress. */
    async generate(
      principal: Principal,
      projectId: string,
      input: { kind: ReportKind; locale?: ReportLocale | undefined },
    ) {
      await readable(principal, projectId)
      const locale = input.locale ?? (await scheduleOf(projectId)).locale
      const report = await create(projectId, input.kind, locale, 'manual', principal.userId)
      await deps.queue.enqueue(GENERATE_REPORT_JOB, { reportId: report.id }, { jobId: `report.${report.id}` })
      return reportView(report)
    },

    /** The report's HTML or PDF; 409 until it is ready. */
    async file(principal: Principal, projectId: string, reportId: string, format: 'html' | 'pdf') {
      await readable(principal, projectId)
      const r = await reportIn(projectId, reportId)
      const path = format === 'html' ? r.htmlPath : r.pdfPath
      if (r.status !== 'ready' || path === null)
        throw new Conflict(`report ${reportId} is ${r.status}, not ready`, { rule: 'report_not_ready' })
      const data = await deps.files.read(path)
      const day = r.periodEnd.slice(0, 10)
      return {
        data,
        mediaType: format === 'html' ? 'text/html; charset=utf-8' : 'application/pdf',
        fileName: `${r.kind}-report-${day}.${format}`,
      }
    },

    async schedule(principal: Principal, projectId: string): Promise<Schedule> {
      await readable(principal, projectId)
      return scheduleOf(projectId)
    },

    /** Saves the settings, then creates or removes the job queue's cron schedules to match. */
    async updateSchedule(principal: Principal, projectId: string, input: Schedule): Promise<Schedule> {
      const access = await deps.projects.resolve(principal, projectId)
      if (!canManageProject(access))
        throw new Forbidden('not allowed: the report schedule is set by the project’s managers')
      await deps.reports.saveSchedule({ projectId, ...input, updatedBy: principal.userId })
      await applySchedule(projectId, input)
      return scheduleOf(projectId)
    },

    /**
     * Registers every stored schedule with the job queue again (on start): a studio moved from
     * the local queue to BullMQ, or a flushed Redis, keeps its digests. Idempotent.
     */
    async syncSchedules(): Promise<number> {
      const all = await deps.reports.schedules()
      for (const s of all) await applySchedule(s.projectId, s)
      return all.length
    },

    /** The job: renders a requested report, or (a cron tick) makes the project's scheduled digest. */
    async runJob(job: JobContext<{ reportId: string } | { projectId: string; kind: ReportKind }>) {
      let report: ReportRecord | undefined
      if ('reportId' in job.data) {
        report = await deps.reports.get(job.data.reportId)
        if (!report) return { skipped: 'report deleted' }
      } else {
        const { projectId, kind } = job.data
        const schedule = await deps.reports.schedule(projectId)
        const enabled = kind === 'daily' ? schedule?.dailyEnabled : schedule?.weeklyEnabled
        if (!schedule || !enabled) return { skipped: 'schedule off' }
        report = await create(projectId, kind, schedule.locale, 'schedule', null)
      }
      const id = report.id
      await render(report, async (percent) => {
        await job.updateProgress(percent)
        await deps.reports.progress(id, percent)
      })
      return { reportId: id }
    },
  }
}
export type ReportService = ReturnType<typeof createReportService>
