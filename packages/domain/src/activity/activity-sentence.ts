// Activity rows and notifications as sentences with names and links ("Mina set SH0030
// Keyframe to Retake: 'softer key'"), in English and Korean. Pure: the caller resolves ids to
// names (the web from its cached project, the server's reports from the database). Anything
// unresolved falls back to a neutral word, never to an id.

import { englishPhrases } from './activity-phrases.en'
import type { NotificationKind, PhraseInput, Phrases, Sentence } from './sentence-types'

export * from './sentence-types'

import { koreanPhrases } from './activity-phrases.ko'

/** Every activity event the studio records (the realtime `entity:action` names). */
export const ACTIVITY_EVENTS = [
  'project:update',
  'shot:new',
  'shot:update',
  'shot:reorder',
  'task:assign',
  'task:update',
  'task:status-changed',
  'comment:new',
  'version:new',
  'status:new',
  'status:update',
  'status:delete',
  'task-type:new',
  'task-type:update',
  'task-type:delete',
  'custom-field:new',
  'custom-field:update',
  'custom-field:delete',
  'member:new',
  'member:update',
  'member:remove',
  'sequence:new',
  'sequence:update',
  'character:new',
  'character:update',
  'character:delete',
  'asset:new',
  'asset:update',
  'asset:delete',
] as const
export type ActivityEventKind = (typeof ACTIVITY_EVENTS)[number]

export type SentenceLocale = 'en' | 'ko'

/** One activity row, as stored and as the API lists it. */
export interface ActivityEntry {
  event: string
  actorId: string | null
  shotId: string | null
  taskId: string | null
  data: Record<string, unknown>
}

/** Id → name lookups; undefined where the caller does not know (or may not see) the name. */
export interface ActivityNames {
  user(id: string): string | undefined
  /** A shot's code. */
  shot(id: string): string | undefined
  /** A task's shot and the name of its task type. */
  task(id: string): { shotId: string; typeName: string | undefined } | undefined
  status(id: string): string | undefined
  /** The text of a comment (a status change's note), when known. */
  comment?(id: string): string | undefined
}

const PHRASES: Record<SentenceLocale, Phrases> = { en: englishPhrases, ko: koreanPhrases }

/** Notes are quoted up to this many characters, then cut with an ellipsis. */
export const NOTE_EXCERPT_CHARS = 80

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined)
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [])

/** The first line of a note, cut to NOTE_EXCERPT_CHARS. */
export function noteExcerpt(text: string | undefined): string | undefined {
  const line = text
    ?.replace(/\s+/g, ' ')
    .replace(/[*_`#>]/g, '')
    .trim()
  if (!line) return undefined
  return line.length > NOTE_EXCERPT_CHARS ? `${line.slice(0, NOTE_EXCERPT_CHARS - 1)}…` : line
}

function taskRef(names: ActivityNames, taskId: string | null, fallbackShotId: string | null, locale: SentenceLocale) {
  if (taskId === null) return undefined
  const task = names.task(taskId)
  const shotId = task?.shotId ?? fallbackShotId
  if (shotId === null) return undefined
  const code = names.shot(shotId)
  const text = [code, task?.typeName].filter((x) => x !== undefined).join(' ')
  return { text: text || (locale === 'ko' ? '태스크' : 'a task'), shotId, taskId }
}

/** The phrase input of an activity entry: ids resolved through `names`. */
export function resolveActivity(entry: ActivityEntry, names: ActivityNames, locale: SentenceLocale): PhraseInput {
  const d = entry.data
  const shotIds = strings(d.shotIds)
  if (shotIds.length === 0 && entry.shotId !== null) shotIds.push(entry.shotId)
  const taskIds = strings(d.taskIds)
  const taskId = entry.taskId ?? (taskIds.length === 1 ? (taskIds[0] ?? null) : null)
  const statusId = str(d.statusId)
  const commentId = str(d.commentId)
  const userIds = strings(d.userIds)
  const memberId = entry.event.startsWith('member:') ? str(d.userId) : undefined
  const people = memberId
    ? [(memberId && names.user(memberId)) ?? str(d.displayName) ?? (locale === 'ko' ? '누군가' : 'someone')]
    : userIds.map((id) => names.user(id) ?? (locale === 'ko' ? '누군가' : 'someone'))
  const configured = entry.event.startsWith('status:') && statusId ? names.status(statusId) : undefined
  const mode = d.mode === 'add' || d.mode === 'remove' ? d.mode : 'set'
  return {
    event: entry.event,
    actor: entry.actorId === null ? undefined : names.user(entry.actorId),
    shots: shotIds
      .slice(0, 3)
      .map((id) => ({ shotId: id, text: names.shot(id) ?? (locale === 'ko' ? '샷' : 'a shot') })),
    shotCount: shotIds.length,
    task: taskRef(names, taskId, entry.shotId, locale),
    taskCount: Math.max(taskIds.length, taskId === null ? 0 : 1),
    people,
    status: statusId === undefined ? undefined : names.status(statusId),
    label: configured ?? str(d.name) ?? str(d.code) ?? str(d.key),
    note: noteExcerpt(commentId === undefined ? undefined : names.comment?.(commentId)),
    versionNumber: typeof d.number === 'number' ? d.number : undefined,
    role: str(d.role),
    mode,
  }
}

/** An activity entry as a sentence in `locale`. */
export function activitySentence(entry: ActivityEntry, names: ActivityNames, locale: SentenceLocale): Sentence {
  return PHRASES[locale].activity(resolveActivity(entry, names, locale))
}

/** A notification as a sentence in `locale` ("Mina mentioned you on SH0030 Keyframe"). */
export function notificationSentence(
  n: { kind: NotificationKind; actorId: string | null; taskId: string | null },
  names: ActivityNames,
  locale: SentenceLocale,
): Sentence {
  const actor = n.actorId === null ? undefined : names.user(n.actorId)
  return PHRASES[locale].notification(n.kind, actor, taskRef(names, n.taskId, null, locale))
}

/**
 * Entries without the comments that carried a status change: the status sentence already
 * quotes the comment ("… to Retake: 'softer key'"), so listing both would say it twice.
 */
export function withoutStatusComments<E extends Pick<ActivityEntry, 'event' | 'data'>>(entries: readonly E[]): E[] {
  const carried = new Set(
    entries.flatMap((e) =>
      e.event === 'task:status-changed' && typeof e.data.commentId === 'string' ? [e.data.commentId] : [],
    ),
  )
  return entries.filter(
    (e) => !(e.event === 'comment:new' && typeof e.data.commentId === 'string' && carried.has(e.data.commentId)),
  )
}

/** The sentence as plain text (reports, titles, tests). */
export function sentenceText(sentence: Sentence): string {
  return sentence.map((p) => p.text).join('')
}

/** The locale sentences use for an i18n language tag ("ko-KR" → ko, anything else → en). */
export function sentenceLocale(language: string | undefined): SentenceLocale {
  return language?.toLowerCase().startsWith('ko') ? 'ko' : 'en'
}
