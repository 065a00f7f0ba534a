// Project reports and their schedules (migration 0105).

export interface ReportsTable {
  id: string
  projectId: string
  /** daily | weekly */
  kind: string
  /** The period the digest covers, [start, end), ISO-8601 UTC. */
  periodStart: string
  periodEnd: string
  /** IANA zone the period's days were cut in. */
  timezone: string
  /** en | ko */
  locale: string
  /** queued | running | ready | failed */
  status: string
  /** Percent, 0..100. */
  progress: number
  error: string | null
  /** Relative to the reports folder. */
  htmlPath: string | null
  pdfPath: string | null
  pdfPages: number | null
  /** JSON ReportSummary: the counts the list shows. */
  summary: string | null
  /** schedule | manual */
  trigger: string
  requestedBy: string | null
  createdAt: string
  finishedAt: string | null
}

export interface ReportSchedulesTable {
  projectId: string
  dailyEnabled: number
  weeklyEnabled: number
  /** HH:MM in `timezone`. */
  timeOfDay: string
  /** 0 = Sunday … 6 = Saturday (cron numbering). */
  weekday: number
  timezone: string
  locale: string
  updatedBy: string | null
  updatedAt: string
}

export interface ReportsTables {
  reports: ReportsTable
  reportSchedules: ReportSchedulesTable
}
