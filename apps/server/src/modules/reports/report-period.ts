// When digests run and what they cover. A digest covers the day or week up to the moment it
// is made ([end − 1 day, end) or [end − 7 days, end)); its schedule is a cron expression in
// the project's time zone, so "08:00 Asia/Seoul" stays 08:00 there.
import type { ReportKind } from '@aipipeline/db'

const DAY_MS = 86_400_000

/** The period a digest made at `endMs` covers, as ISO-8601 UTC. */
export function reportPeriod(kind: ReportKind, endMs: number): { start: string; end: string } {
  const days = kind === 'daily' ? 1 : 7
  return { start: new Date(endMs - days * DAY_MS).toISOString(), end: new Date(endMs).toISOString() }
}

/** The calendar date (YYYY-MM-DD) in `timezone` at `atMs`: tasks due before it are late. */
export function dateIn(timezone: string, atMs: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(atMs))
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00'
  return `${get('year')}-${get('month')}-${get('day')}`
}

/** A point in time shown in `timezone` ("2026-12-07 08:00"). */
export function dateTimeIn(timezone: string, iso: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso))
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00'
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`
}

export interface ScheduleTimes {
  timeOfDay: string
  weekday: number
}

/** Cron expressions (minute hour day month weekday) of the daily and weekly digest. */
export function digestCrons(s: ScheduleTimes): { daily: string; weekly: string } {
  const [hour = '8', minute = '0'] = s.timeOfDay.split(':')
  const at = `${Number(minute)} ${Number(hour)}`
  return { daily: `${at} * * *`, weekly: `${at} * * ${s.weekday}` }
}

/** Job-queue schedule ids of a project's digests. */
export function digestScheduleId(projectId: string, kind: ReportKind): string {
  return `reports.${kind}.${projectId}`
}
