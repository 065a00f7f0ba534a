// Korean sentences for activity and notifications, in the GLOSSARY's terms (샷, 태스크, 상태,
// 코멘트, 버전, 시퀀스, 캐릭터, 에셋). Particles follow the word before them (korean-particle).

import { withParticle } from './korean-particle'
import { actionOf, areaOf, compact, person, shotLinks, taskLink, text } from './sentence-parts'
import type { PhraseInput, Phrases, Sentence, SentencePart } from './sentence-types'

const AREA: Record<string, string> = {
  status: '상태',
  'task-type': '태스크 유형',
  'custom-field': '커스텀 필드',
  sequence: '시퀀스',
  character: '캐릭터',
  asset: '에셋',
}
const VERB: Record<string, string> = { new: '추가했습니다', update: '수정했습니다', delete: '삭제했습니다' }
const ROLE: Record<string, string> = {
  admin: '관리자',
  manager: '매니저',
  supervisor: '슈퍼바이저',
  artist: '아티스트',
  client: '클라이언트',
  vendor: '외주',
}

/** "Mina님이" for a known actor, "누군가" otherwise. */
function actor(name: string | undefined): Sentence {
  return name === undefined ? [text('누군가')] : [person(name), text('님이')]
}

/** The shots and the particle after them: "샷 SH0030을", "샷 3개를". */
function shotsPhrase(i: PhraseInput, particle: '을/를'): Sentence {
  if (i.shotCount > 1) return [text(`샷 ${i.shotCount}개를`)]
  if (i.shots.length === 0) return [text(withParticle('샷', particle))]
  const links = shotLinks(i.shots, ', ')
  const last = i.shots.at(-1)?.text ?? ''
  return [text('샷 '), ...links, text(withParticle(last, particle).slice(last.length))]
}

/** The task link followed by `suffix` (a particle chosen for the task's name). */
function taskWith(i: PhraseInput, particle: '을/를' | '이/가' | '으로/로' | '은/는' | null, suffix = ''): Sentence {
  if (i.taskCount > 1) return [text(`태스크 ${i.taskCount}개${suffix}`)]
  const link: SentencePart = taskLink(i.task, '태스크')
  const tail = particle === null ? '' : withParticle(link.text, particle).slice(link.text.length)
  return [link, text(tail + suffix)]
}

const note = (i: PhraseInput): Sentence => (i.note === undefined ? [] : [text(`: '${i.note}'`)])
const people = (names: string[]) => names.map((n) => `${n}님`).join(', ')

function body(i: PhraseInput): Sentence {
  switch (i.event) {
    case 'project:update':
      return [text(' 프로젝트 설정을 변경했습니다')]
    case 'shot:new':
      return [text(' '), ...shotsPhrase(i, '을/를'), text(' 추가했습니다')]
    case 'shot:update':
      return [text(' '), ...shotsPhrase(i, '을/를'), text(' 수정했습니다')]
    case 'shot:reorder':
      return [text(' '), ...shotsPhrase(i, '을/를'), text(' 편집 순서에서 옮겼습니다')]
    case 'task:assign':
      if (i.people.length === 0) return [text(' '), ...taskWith(i, null, '의 담당자를 비웠습니다')]
      if (i.mode === 'remove') return [text(' '), ...taskWith(i, null, `에서 ${people(i.people)}을 배정 해제했습니다`)]
      return [text(' '), ...taskWith(i, null, `에 ${people(i.people)}을 배정했습니다`)]
    case 'task:update':
      return [text(' '), ...taskWith(i, null, ' 태스크 계획을 수정했습니다')]
    case 'task:status-changed':
      return [
        text(' '),
        ...taskWith(i, null, ' 상태를 '),
        text(`${withParticle(i.status ?? '다른 상태', '으로/로')} 변경했습니다`),
        ...note(i),
      ]
    case 'comment:new':
      return [text(' '), ...taskWith(i, null, '에 코멘트를 남겼습니다'), ...note(i)]
    case 'version:new': {
      const v = i.versionNumber === undefined ? '새 버전을' : `버전 v${String(i.versionNumber).padStart(3, '0')}을`
      return [text(' '), ...taskWith(i, null, `에 ${v} 올렸습니다`)]
    }
    case 'member:new': {
      const role = i.role === undefined ? '' : `${withParticle(ROLE[i.role] ?? i.role, '으로/로')} `
      return [text(` ${people(i.people)}을 ${role}팀에 추가했습니다`)]
    }
    case 'member:update':
      return [text(` ${people(i.people)}의 프로젝트 역할을 변경했습니다`)]
    case 'member:remove':
      return [text(` ${people(i.people)}을 팀에서 제외했습니다`)]
  }
  const area = AREA[areaOf(i.event)]
  const verb = VERB[actionOf(i.event)]
  if (area !== undefined && verb !== undefined) {
    const what = i.label === undefined ? withParticle(area, '을/를') : `${area} ${withParticle(i.label, '을/를')}`
    return [text(` ${what} ${verb}`)]
  }
  return [text(` 변경했습니다 (${i.event})`)]
}

export const koreanPhrases: Phrases = {
  activity: (i) => compact([...actor(i.actor), ...body(i)]),
  notification(kind, name, task) {
    const where = taskLink(task, '태스크')
    switch (kind) {
      case 'mention':
        return compact([...actor(name), text(' '), where, text('에서 나를 멘션했습니다')])
      case 'comment':
        return compact([...actor(name), text(' '), where, text('에 코멘트를 남겼습니다')])
      case 'assignment':
        return compact([...actor(name), text(' 나를 '), where, text('에 배정했습니다')])
    }
  },
}
