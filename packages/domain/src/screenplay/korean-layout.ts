// The layouts Korean screenwriters use (drama, film, web-drama scripts written in HWP or Word):
// scene markers "S#12.", "#12", "씬 12" followed by place, 실내/실외 and time ("S#1. 등대 내부 / 밤"),
// speech as "민수: 대사" on one line or the name alone above it, "(숨을 몰아쉬며)" directions,
// and age notes on introductions ("민수(60대)"). Exported text adds full-width forms, tabs
// between name and speech (HWP) and page furniture ("- 3 -").
import { parseCharacterCue } from './character-name'
import type { SceneSetting } from './screenplay.model'

const HANGUL = /[\uAC00-\uD7A3]/
// Language is settled by the opening of a script; a 2 MB script is not scanned whole.
const SAMPLE_CHARS = 50_000

/** Whether a text has any Hangul syllable. */
export function hasHangul(text: string): boolean {
  return HANGUL.test(text)
}

/** Whether Hangul syllables are at least 30 % of the Hangul and Latin letters a text opens with: a Korean script. */
export function isKoreanText(text: string): boolean {
  let hangul = 0
  let latin = 0
  const end = Math.min(text.length, SAMPLE_CHARS)
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0xac00 && c <= 0xd7a3) hangul++
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++
  }
  return hangul > 0 && hangul / (hangul + latin) >= 0.3
}

/** Full-width forms (U+FF01–FF5E) and the ideographic space, as HWP and PDF exports write them, made ASCII. */
export function normaliseWidths(text: string): string {
  return text
    .replace(/\u3000/g, ' ')
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode((c.codePointAt(0) ?? 0xfee0) - 0xfee0))
}

// "S#1.", "S #12A", "s#3-1", "#7.", "씬 12", "씬12:", "신 4)" then the rest of the heading.
const MARKER = /^(S\s*#|씬|신|#)\s*(\d{1,4}(?:-\d{1,3})?[A-Za-z]?)(?:\s*[.:)]\s*|\s+|$)(.*)$/i

/**
 * The scene number and the rest of a Korean scene marker line, or undefined. A bare `#n` is a
 * Fountain section unless Hangul follows, so only then is it a scene.
 */
export function matchKoreanMarker(line: string): { sceneNumber: string; rest: string } | undefined {
  const trimmed = line.trimStart()
  // Most lines are not headings; the first character settles that before the regex runs.
  if (!/^[Ss#씬신]/.test(trimmed)) return undefined
  const m = MARKER.exec(trimmed.trimEnd())
  if (m === null) return undefined
  const [, marker = '', sceneNumber = '', rest = ''] = m
  if (marker === '#' && !hasHangul(rest)) return undefined
  return { sceneNumber, rest: rest.trim() }
}

const SETTING_WORDS: Record<string, SceneSetting> = {
  실내: 'INT',
  내부: 'INT',
  실외: 'EXT',
  외부: 'EXT',
  야외: 'EXT',
  실내외: 'INT/EXT',
  내외부: 'INT/EXT',
  'INT.': 'INT',
  INT: 'INT',
  'EXT.': 'EXT',
  EXT: 'EXT',
  'INT./EXT.': 'INT/EXT',
  'INT/EXT': 'INT/EXT',
  'I/E': 'INT/EXT',
}

// Compared with spaces removed, so "해 질 녘" and "해질녘" are one word.
const KOREAN_TIMES = new Set(
  [
    '낮',
    '밤',
    '새벽',
    '아침',
    '저녁',
    '오전',
    '오후',
    '정오',
    '자정',
    '한낮',
    '한밤',
    '한밤중',
    '심야',
    '초저녁',
    '해질녘',
    '해질무렵',
    '황혼',
    '석양',
    '노을',
    '일몰',
    '일출',
    '동틀녘',
    '동틀무렵',
    '동트기전',
    '여명',
    '이른아침',
    '늦은오후',
    '늦은밤',
    '밤늦게',
    '점심',
    '점심때',
    '같은시각',
    '같은시간',
    '잠시후',
    '연속',
    '계속',
    'D',
    'N',
  ].map((t) => t.toUpperCase()),
)

/** Whether a phrase (a note in brackets ignored) names a time of day the Korean way ("밤", "해 질 녘", "(N)"). */
export function isKoreanTime(phrase: string): boolean {
  const bare = unbracket(phrase)
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[\s.]+/g, '')
    .toUpperCase()
  return bare.length > 0 && KOREAN_TIMES.has(bare)
}

/** "(밤)" → "밤": a phrase wholly in brackets, unwrapped. */
function unbracket(phrase: string): string {
  return phrase.trim().replace(/^\((.*)\)$/, '$1')
}

function settingOf(word: string): SceneSetting | undefined {
  const bare = word.replace(/^\(|\)$/g, '').toUpperCase()
  return SETTING_WORDS[bare]
}

/**
 * Splits the rest of a Korean heading into setting, place and time. Parts are separated by
 * "/", " - ", ",", "·" or ". "; a setting word may stand anywhere (also in brackets or glued to
 * the place: "등대내부"), the time is the last part or the last word(s) of it.
 */
export function splitKoreanHeading(rest: string): {
  setting: SceneSetting | null
  location: string
  timeOfDay: string | null
} {
  let setting: SceneSetting | null = null
  let timeOfDay: string | null = null
  const parts = rest
    .split(/\s*[/|,·]\s*|\s+[-–—]+\s+|(?<=\p{L})\s*[-–—]\s*(?=\p{L})|(?<=[\p{L})])\.\s+/u)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
  const kept: string[][] = []
  for (const part of parts) {
    const words: string[] = []
    for (const word of part.split(/\s+/)) {
      const alone = settingOf(word)
      const found = alone === undefined ? glued(word) : { setting: alone, place: '' }
      if (found === undefined) words.push(word)
      else {
        setting ??= found.setting
        if (found.place !== '') words.push(found.place)
      }
    }
    if (words.length > 0) kept.push(words)
  }
  for (let i = kept.length - 1; i >= 0 && timeOfDay === null; i--) {
    const words = kept[i] ?? []
    if (isKoreanTime(words.join(' '))) {
      timeOfDay = unbracket(words.join(' '))
      kept.splice(i, 1)
    }
  }
  const last = kept.at(-1)
  if (timeOfDay === null && last !== undefined && last.length > 1) {
    for (const n of [3, 2, 1]) {
      const tail = last.slice(-n).join(' ')
      if (last.length > n && isKoreanTime(tail)) {
        timeOfDay = unbracket(tail)
        last.splice(-n)
        break
      }
    }
  }
  return { setting, location: kept.map((w) => w.join(' ')).join(' - '), timeOfDay }
}

/** "등대내부" → place "등대", setting INT; a bracketed setting "(실내)" glued to nothing gives an empty place. */
function glued(word: string): { setting: SceneSetting; place: string } | undefined {
  const m = /^(.+?)\(?(실내외|내외부|실내|실외|내부|외부|야외)\)?$/.exec(word)
  if (m === null || m[1] === undefined || m[2] === undefined || !hasHangul(m[1])) return undefined
  const setting = SETTING_WORDS[m[2]]
  return setting === undefined ? undefined : { setting, place: m[1] }
}

// Labels that look like "name: text" but are not speakers.
const NOT_SPEAKERS = new Set([
  '시간',
  '장소',
  '때',
  '곳',
  '배경',
  '일시',
  '날짜',
  '시대',
  '계절',
  '등장인물',
  '인물',
  '제목',
  '작가',
  '극본',
  '각본',
  '연출',
  '원작',
  '자막',
  '참고',
  '메모',
  '주의',
  '효과',
  '음악',
  '소리',
  '주',
  '인서트',
  '몽타주',
  '플래시백',
  '회상',
  'NOTE',
  'INSERT',
])

// Short lines that read like names but describe sound or structure ("파도 소리", "회상 몽타주").
const NOT_SPEAKER_ENDINGS = new Set([
  '소리',
  '효과음',
  '음악',
  '정적',
  '침묵',
  '인서트',
  '몽타주',
  '회상',
  '플래시백',
  '타이틀',
])

/** Whether a name (no brackets) can be a speaker in a Korean script: short, at most three words, no sentence punctuation. */
export function isKoreanSpeakerName(name: string): boolean {
  const words = name.split(/\s+/).filter((w) => w.length > 0)
  if (words.length === 0 || words.length > 3 || name.replace(/\s+/g, '').length > 12) return false
  if (!/\p{L}/u.test(name) || /[.,!?~…。'"“”‘’:;]/.test(name)) return false
  // "N:" and "D:" are narration and a speaker in speech, though a heading's "(N)" is night.
  const time = isKoreanTime(name) && !/^[A-Z]$/i.test(name)
  if (NOT_SPEAKERS.has(name.toUpperCase()) || time || settingOf(name) !== undefined) return false
  if (NOT_SPEAKER_ENDINGS.has(words.at(-1) ?? '')) return false
  return matchKoreanMarker(name) === undefined
}

/** A line of speech written on one line: "민수: 대사", "민수(60대) : (숨을 몰아쉬며) 대사". */
export interface OneLineSpeech {
  /** The cue as written, before the colon ("민수(60대)"). */
  cue: string
  /** A leading "(…)" direction of the speech, when there is one. */
  parenthetical: string | null
  speech: string
}

const ONE_LINE = /^([^:()]{1,20}?(?:\s*\([^)]{0,30}\))*)\s*:\s*(.*)$/

/** Reads "이름: 대사" (the colon may be full-width before normalising), or undefined. */
export function matchOneLineSpeech(line: string): OneLineSpeech | undefined {
  if (!line.includes(':')) return undefined
  const m = ONE_LINE.exec(line.trim())
  if (m === null) return undefined
  const [, cue = '', after = ''] = m
  // "오후 3:30" and "http://…" are not speech.
  if (/\d$/.test(cue) && /^\d/.test(after)) return undefined
  if (after.startsWith('//') || after.trim() === '') return undefined
  if (!isKoreanSpeakerName(parseCharacterCue(cue).name)) return undefined
  const direction = /^(\([^)]*\))\s*(.*)$/.exec(after.trim())
  if (direction?.[1] !== undefined && (direction[2] ?? '') !== '') {
    return { cue: cue.trim(), parenthetical: direction[1], speech: direction[2] ?? '' }
  }
  return { cue: cue.trim(), parenthetical: null, speech: after.trim() }
}

/** HWP exports put a tab between name and speech ("민수\t대사"): written as "민수: 대사" instead. */
export function tabbedSpeechToColon(line: string): string {
  const m = /^(\s*)([^\t:]{1,20})\t+(\S.*)$/.exec(line)
  if (m === null || m[2] === undefined || !hasHangul(m[2])) return line
  return isKoreanSpeakerName(parseCharacterCue(m[2]).name) ? `${m[1] ?? ''}${m[2].trim()}: ${m[3] ?? ''}` : line
}

/** Whether a speech line ends a sentence; a line that does not was wrapped and continues below. */
export function endsSentence(text: string): boolean {
  return /[.?!…~)"'”’」』]$|[다요죠네까지야어아군나]$/.test(text.trim())
}

// One-line transitions Korean scripts write.
const TRANSITIONS = new Set([
  '암전',
  'F.I.',
  'F.O.',
  'O.L.',
  'C.I.',
  'C.O.',
  '디졸브',
  '컷',
  '페이드인',
  '페이드아웃',
  '끝',
])

/** Whether a single line is a Korean transition ("(암전)", "F.O.", "- 끝 -"). */
export function isKoreanTransition(line: string): boolean {
  const bare = line
    .trim()
    .replace(/^[-(<[]+\s*|\s*[-)>\]]+$/g, '')
    .replace(/\s+/g, '')
    .toUpperCase()
  return TRANSITIONS.has(bare)
}

/** Page furniture of exported scripts: "- 3 -", "3 / 20", "3쪽", "p. 3". */
export const KOREAN_PAGE_FURNITURE =
  /^\s*(?:[-–—]\s*\d{1,3}\s*[-–—]|\d{1,3}\s*\/\s*\d{1,3}|\d{1,3}\s*(?:쪽|페이지|면)|p\.\s*\d{1,3})\s*$/i
