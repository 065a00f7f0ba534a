// Reports (stored digests) and each project's report schedule.
import { z } from 'zod'
import type { Db } from '../../dialect/dialect-factory'
import { isoNow, newId } from '../../ids'
import { parseJson } from '../production/production-records'

export type ReportKind = 'daily' | 'weekly'
export type ReportStatus = 'queued' | 'running' | 'ready' | 'failed'
export type ReportLocale = 'en' | 'ko'

export const ReportSummarySchema = z.object({
  changes: z.number().int(),
  late: z.number().int(),
  review: z.number().int(),
  gpuHours: z.number(),
  llmCostMicros: z.number().int(),
})
export type ReportSummary = z.infer<typeof ReportSummarySchema>

export interface ReportRecord {
  id: string
  projectId: string
  kind: ReportKind
  periodStart: string
  periodEnd: string
  timezone: string
  locale: ReportLocale
  status: ReportStatus
  progress: number
  error: string | null
  htmlPath: string | null
  pdfPath: string | null
  pdfPages: number | null
  summary: ReportSummary | null
  trigger: 'schedule' | 'manual'
  requestedBy: string | null
  createdAt: string
  finishedAt: string | null
}

export interface ReportScheduleRecord {
  projectId: string
  dailyEnabled: boolean
  weeklyEnabled: boolean
  timeOfDay: string
  weekday: number
  timezone: string
  locale: ReportLocale
  updatedBy: string | null
  updatedAt: string
}

const STATUSES: readonly ReportStatus[] = ['queued', 'running', 'ready', 'failed']

type Row = {
  [K in keyof ReportRecord]: K extends 'summary'
    ? string | null
    : K extends 'kind' | 'status' | 'locale' | 'trigger'
      ? string
      : ReportRecord[K]
}

function toRecord(r: Row): ReportRecord {
  return {
    ...r,
    kind: r.kind === 'daily' ? 'daily' : 'weekly',
    status: STATUSES.find((s) => s === r.status) ?? 'failed',
    locale: r.locale === 'ko' ? 'ko' : 'en',
    trigger: r.trigger === 'schedule' ? 'schedule' : 'manual',
    summary: r.summary === null ? null : parseJson(ReportSummarySchema, r.summary),
  }
}

export function createReportRepository(db: Db) {
  return {
    async insert(input: {
      projectId: string
      kind: ReportKind
      periodStart: string
      periodEnd: string
      timezone: string
      locale: ReportLocale
      trigger: 'schedule' | 'manual'
      requestedBy: string | null
    }): Promise<ReportRecord> {
      const row = {
        ...input,
        id: newId(),
        status: 'queued',
        progress: 0,
        error: null,
        htmlPath: null,
        pdfPath: null,
        pdfPages: null,
        summary: null,
        createdAt: isoNow(),
        finishedAt: null,
      }
      await db.insertInto('reports').values(row).execute()
      return toRecord(row)
    },

    async get(id: string): Promise<ReportRecord | undefined> {
      const row = await db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst()
      return row ? toRecord(row) : undefined
    },

    /** Newest first. */
    async list(projectId: string, limit: number): Promise<ReportRecord[]> {
      const rows = await db
        .selectFrom('reports')
        .selectAll()
        .where('projectId', '=', projectId)
        .orderBy('createdAt', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute()
      return rows.map(toRecord)
    },

    async progress(id: string, progress: number): Promise<void> {
      await db.updateTable('reports').set({ status: 'running', progress }).where('id', '=', id).execute()
    },

    async finish(
      id: string,
      out: { htmlPath: string; pdfPath: string; pdfPages: number; summary: ReportSummary },
    ): Promise<void> {
      await db
        .updateTable('reports')
        .set({ ...out, summary: JSON.stringify(out.summary), status: 'ready', progress: 100, finishedAt: isoNow() })
        .where('id', '=', id)
        .execute()
    },

    async fail(id: string, error: string): Promise<void> {
      await db
        .updateTable('reports')
        .set({ status: 'failed', error, finishedAt: isoNow() })
        .where('id', '=', id)
        .execute()
    },

    async schedule(projectId: string): Promise<ReportScheduleRecord | undefined> {
      const row = await db
        .selectFrom('reportSchedules')
        .selectAll()
        .where('projectId', '=', projectId)
        .executeTakeFirst()
      if (!row) return undefined
      return {
        ...row,
        dailyEnabled: row.dailyEnabled === 1,
        weeklyEnabled: row.weeklyEnabled === 1,
        locale: row.locale === 'ko' ? 'ko' : 'en',
      }
    },

    async saveSchedule(s: Omit<ReportScheduleRecord, 'updatedAt'>): Promise<void> {
      const row = {
        ...s,
        dailyEnabled: s.dailyEnabled ? 1 : 0,
        weeklyEnabled: s.weeklyEnabled ? 1 : 0,
        updatedAt: isoNow(),
      }
      const { projectId: _, ...rest } = row
      await db
        .insertInto('reportSchedules')
        .values(row)
        .onConflict((oc) => oc.column('projectId').doUpdateSet(rest))
        .execute()
    },

    /** Every stored schedule (re-registered with the job queue on start). */
    async schedules(): Promise<ReportScheduleRecord[]> {
      const rows = await db.selectFrom('reportSchedules').selectAll().execute()
      return rows.map((row) => ({
        ...row,
        dailyEnabled: row.dailyEnabled === 1,
        weeklyEnabled: row.weeklyEnabled === 1,
        locale: row.locale === 'ko' ? 'ko' : 'en',
      }))
    },
  }
}
export type ReportRepository = ReturnType<typeof createReportRepository>
