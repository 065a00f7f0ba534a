// English sentences for activity and notifications.

import { actionOf, areaOf, compact, person, shotLinks, taskLink, text } from './sentence-parts'
import type { PhraseInput, Phrases, Sentence } from './sentence-types'

const AREA: Record<string, string> = {
  status: 'the status',
  'task-type': 'the task type',
  'custom-field': 'the custom field',
  sequence: 'sequence',
  character: 'the character',
  asset: 'the asset',
}
const VERB: Record<string, string> = { new: 'added', update: 'changed', delete: 'removed' }

function actor(i: { actor: string | undefined }) {
  return i.actor === undefined ? text('Someone') : person(i.actor)
}

function shotsPhrase(i: PhraseInput): Sentence {
  if (i.shotCount > 1) return [text(`${i.shotCount} shots`)]
  return i.shots.length === 0 ? [text('a shot')] : [text('shot '), ...shotLinks(i.shots, ', ')]
}

function tasksPhrase(i: PhraseInput): Sentence {
  if (i.taskCount > 1) return [text(`${i.taskCount} tasks`)]
  return [taskLink(i.task, 'a task')]
}

const note = (i: PhraseInput): Sentence => (i.note === undefined ? [] : [text(`: '${i.note}'`)])
const list = (names: string[]) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`

function body(i: PhraseInput): Sentence {
  switch (i.event) {
    case 'project:update':
      return [text(' changed the project settings')]
    case 'shot:new':
      return [text(' added '), ...shotsPhrase(i)]
    case 'shot:update':
      return [text(' edited '), ...shotsPhrase(i)]
    case 'shot:reorder':
      return [text(' moved '), ...shotsPhrase(i), text(' in the edit order')]
    case 'task:assign':
      if (i.people.length === 0) return [text(' cleared the assignees of '), ...tasksPhrase(i)]
      if (i.mode === 'remove') return [text(` unassigned ${list(i.people)} from `), ...tasksPhrase(i)]
      return [text(` assigned ${list(i.people)} to `), ...tasksPhrase(i)]
    case 'task:update':
      return [text(' updated the plan of '), ...tasksPhrase(i)]
    case 'task:status-changed':
      return [text(' set '), taskLink(i.task, 'a task'), text(` to ${i.status ?? 'another status'}`), ...note(i)]
    case 'comment:new':
      return [text(' commented on '), taskLink(i.task, 'a task'), ...note(i)]
    case 'version:new': {
      const v = i.versionNumber === undefined ? 'a version' : `v${String(i.versionNumber).padStart(3, '0')}`
      return [text(` published ${v} on `), taskLink(i.task, 'a task')]
    }
    case 'member:new':
      return [text(` added ${list(i.people)} to the team${i.role ? ` as ${i.role}` : ''}`)]
    case 'member:update':
      return [text(` changed ${list(i.people)}'s project role${i.role ? ` to ${i.role}` : ''}`)]
    case 'member:remove':
      return [text(` removed ${list(i.people)} from the team`)]
  }
  const area = AREA[areaOf(i.event)]
  const verb = VERB[actionOf(i.event)]
  if (area !== undefined && verb !== undefined) return [text(` ${verb} ${area} ${i.label ?? ''}`.trimEnd())]
  return [text(` made a change (${i.event})`)]
}

export const englishPhrases: Phrases = {
  activity: (i) => compact([actor(i), ...body(i)]),
  notification(kind, name, task) {
    const who = name === undefined ? text('Someone') : person(name)
    const where = taskLink(task, 'a task')
    switch (kind) {
      case 'mention':
        return compact([who, text(' mentioned you on '), where])
      case 'comment':
        return compact([who, text(' commented on '), where])
      case 'assignment':
        return compact([who, text(' assigned you to '), where])
    }
  },
}
