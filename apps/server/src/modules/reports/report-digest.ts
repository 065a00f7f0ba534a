// Gathers one digest: the period's activity as sentences grouped by kind, late tasks, tasks
// waiting for review, farm time and LLM spend. Lists are capped so a 10,000-shot project
// still makes a readable PDF; every cap is reported as "and N more".
import type {
  ActivityRecord,
  DigestTask,
  ReportDigestReads,
  ReportKind,
  ReportLocale,
  ReportSummary,
} from '@aipipeline/db'
import {
  type ActivityNames,
  activitySentence,
  DEFAULT_STATUSES,
  type Sentence,
  withoutStatusComments,
} from '@aipipeline/domain'
import { dateIn } from './report-period'
import { reportWords } from './report-text'

/** Sentences per group, tasks per list. */
export const DIGEST_LIMITS = { activityRows: 2000, perGroup: 40, tasks: 50 } as const

export type ChangeGroup = 'review' | 'versions' | 'shots' | 'planning' | 'setup'
const GROUP_ORDER: readonly ChangeGroup[] = ['review', 'versions', 'shots', 'planning', 'setup']

/** Which group an activity event is reported under. */
export function groupOf(event: string): ChangeGroup {
  if (event === 'task:status-changed' || event === 'comment:new') return 'review'
  if (event === 'version:new') return 'versions'
  if (event.startsWith('shot:')) return 'shots'
  if (event.startsWith('task:')) return 'planning'
  return 'setup'
}

export interface DigestTaskLine extends DigestTask {
  assignees: string[]
}

export interface ReportDigest {
  projectId: string
  project: { code: string; name: string }
  kind: ReportKind
  locale: ReportLocale
  timezone: string
  periodStart: string
  periodEnd: string
  generatedAt: string
  changes: {
    total: number
    groups: { group: ChangeGroup; entries: { at: string; sentence: Sentence }[]; more: number }[]
  }
  late: { total: number; shots: number; items: DigestTaskLine[] }
  review: { total: number; items: DigestTaskLine[] }
  farm: {
    attempts: number
    succeeded: number
    failed: number
    gpuHours: number
    byBackend: { name: string; hours: number }[]
  }
  llm: { calls: number; costMicros: number; tokens: number }
  summary: ReportSummary
}

export interface DigestRequest {
  projectId: string
  kind: ReportKind
  locale: ReportLocale
  timezone: string
  periodStart: string
  periodEnd: string
}

/** A status's name in the digest's language: the default set in glossary terms, the studio's own names as they are. */
function statusLabel(locale: ReportLocale, s: { name: string; boardRole: string }): string {
  const d = DEFAULT_STATUSES.find((x) => x.boardRole === s.boardRole)
  return d !== undefined && d.name === s.name ? (reportWords(locale).statuses[s.boardRole] ?? s.name) : s.name
}

async function namesFor(
  reads: ReportDigestReads,
  req: DigestRequest,
  rows: readonly ActivityRecord[],
  tasks: DigestTask[],
) {
  const projectId = req.projectId
  const str = (v: unknown) => (typeof v === 'string' ? [v] : [])
  const arr = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [])
  const userIds = new Set<string>()
  const shotIds = new Set<string>()
  const taskIds = new Set<string>()
  const commentIds = new Set<string>()
  for (const r of rows) {
    if (r.actorId) userIds.add(r.actorId)
    if (r.shotId) shotIds.add(r.shotId)
    if (r.taskId) taskIds.add(r.taskId)
    for (const id of [...arr(r.data.userIds), ...str(r.data.userId)]) userIds.add(id)
    for (const id of arr(r.data.shotIds).slice(0, 3)) shotIds.add(id)
    for (const id of arr(r.data.taskIds).slice(0, 1)) taskIds.add(id)
    if (r.event === 'task:status-changed') for (const id of str(r.data.commentId)) commentIds.add(id)
  }
  for (const t of tasks) for (const id of t.assigneeIds) userIds.add(id)
  const taskMap = await reads.tasks([...taskIds])
  for (const t of taskMap.values()) shotIds.add(t.shotId)
  const [users, shots, statuses, comments] = await Promise.all([
    reads.userNames([...userIds]),
    reads.shotCodes([...shotIds]),
    reads.statuses(projectId),
    reads.commentTexts([...commentIds]),
  ])
  const names: ActivityNames = {
    user: (id) => users.get(id),
    shot: (id) => shots.get(id),
    task: (id) => taskMap.get(id),
    status: (id) => {
      const s = statuses.find((x) => x.id === id)
      return s === undefined ? undefined : statusLabel(req.locale, s)
    },
    comment: (id) => comments.get(id),
  }
  return names
}

/** GPU hours of attempts that ran (start and end known), in total and per backend. */
function farmTime(attempts: Awaited<ReturnType<ReportDigestReads['farmAttempts']>>): ReportDigest['farm'] {
  const perBackend = new Map<string, number>()
  let succeeded = 0
  let failed = 0
  for (const a of attempts) {
    if (a.outcome === 'succeeded') succeeded++
    else if (a.outcome !== 'running' && a.outcome !== 'submitted') failed++
    if (a.startedAt === null || a.endedAt === null) continue
    const hours = Math.max(0, Date.parse(a.endedAt) - Date.parse(a.startedAt)) / 3_600_000
    perBackend.set(a.backendName, (perBackend.get(a.backendName) ?? 0) + hours)
  }
  const byBackend = [...perBackend].map(([name, hours]) => ({ name, hours })).sort((a, b) => b.hours - a.hours)
  const gpuHours = byBackend.reduce((sum, b) => sum + b.hours, 0)
  return { attempts: attempts.length, succeeded, failed, gpuHours, byBackend }
}

/** Reads and words one digest. `nowMs` is when it is made (late = due before that day). */
export async function buildDigest(reads: ReportDigestReads, req: DigestRequest, nowMs: number): Promise<ReportDigest> {
  const period = { projectId: req.projectId, start: req.periodStart, end: req.periodEnd }
  const today = dateIn(req.timezone, nowMs)
  const [project, activity, late, lateShots, review, attempts, llm] = await Promise.all([
    reads.project(req.projectId),
    reads.activity(period, DIGEST_LIMITS.activityRows),
    reads.lateTasks(req.projectId, today, DIGEST_LIMITS.tasks),
    reads.lateShotCount(req.projectId, today),
    reads.reviewTasks(req.projectId, DIGEST_LIMITS.tasks),
    reads.farmAttempts(period),
    reads.llmSpend(period),
  ])
  const names = await namesFor(reads, req, activity.items, [...late.items, ...review.items])
  const totals = new Map<ChangeGroup, number>()
  for (const [event, n] of activity.counts) totals.set(groupOf(event), (totals.get(groupOf(event)) ?? 0) + n)
  const groups = GROUP_ORDER.flatMap((group) => {
    const all = activity.items.filter((r) => groupOf(r.event) === group)
    const rows = withoutStatusComments(all).slice(0, DIGEST_LIMITS.perGroup)
    // Comments folded into their status change are not "more" either.
    const total = (totals.get(group) ?? 0) - (all.length - withoutStatusComments(all).length)
    if (total === 0) return []
    const entries = rows.map((r) => ({ at: r.createdAt, sentence: activitySentence(r, names, req.locale) }))
    return [{ group, entries, more: total - entries.length }]
  })
  const withPeople = (t: DigestTask): DigestTaskLine => ({
    ...t,
    statusName: statusLabel(req.locale, { name: t.statusName, boardRole: t.statusRole }),
    assignees: t.assigneeIds.map((id) => names.user(id) ?? '?'),
  })
  const farm = farmTime(attempts)
  const changes = [...activity.counts.values()].reduce((a, b) => a + b, 0)
  return {
    projectId: req.projectId,
    project: project ?? { code: '?', name: '?' },
    kind: req.kind,
    locale: req.locale,
    timezone: req.timezone,
    periodStart: req.periodStart,
    periodEnd: req.periodEnd,
    generatedAt: new Date(nowMs).toISOString(),
    changes: { total: changes, groups },
    late: { total: late.total, shots: lateShots, items: late.items.map(withPeople) },
    review: { total: review.total, items: review.items.map(withPeople) },
    farm,
    llm,
    summary: {
      changes,
      late: late.total,
      review: review.total,
      gpuHours: Math.round(farm.gpuHours * 100) / 100,
      llmCostMicros: llm.costMicros,
    },
  }
}
