// Korean particles (josa) after catalog names. es-hangul picks the particle form from the batchim
// of a Hangul reading (으로/로 included, where a final ㄹ reads like a vowel); what it cannot do is
// read the Latin letters and digits most catalog names end on. This file only supplies that
// reading: the last syllable as Korean crews say it aloud. When the ending cannot be read we write
// the paired form "은(는)" that Korean UIs use for unknown words, which is never wrong.
//
// How endings are read:
// - Hangul: as written.
// - Digits: in Sino-Korean, the whole number (es-hangul's numberToHangul): "ALEXA 65" → 육십오 → 는,
//   "C300" → 삼백 → 은, "2.39:1" → 일 → 은, 로.
// - Letters read one by one (acronyms of up to three capitals, capitals without vowels such as
//   "BNCR", letters right after digits such as "500T" or "6K", single letters): their Korean letter
//   names (엘, 알, 엠, 에프 …).
// - Words read as loanwords, by their spelling: -m, -n, -ng, silent-e -me/-ne (Prime 프라임,
//   iPhone 아이폰), -ck, a vowel + c/k (anamorphic 아나모픽, Kodak 코닥) and a vowel + p (Top 탑)
//   end on a consonant; -l and -le end on ㄹ (Bell 벨, Style 스타일); vowels, -r (Super 슈퍼), -s, -x,
//   -t, -d, -f, -v, -z, consonant + c/k (arc 아크) and other -e endings end on a vowel (트, 드, 스 …).
//   Exceptions are listed in WORDS.
// - Units and signs: mm 밀리미터, fps, % 퍼센트, × 배 and + 플러스 end on a vowel; kg 킬로그램 on a
//   consonant.
// Trailing brackets are skipped: the particle agrees with the word before "(…)".
import { josa, numberToHangul } from 'es-hangul'

/** The particle pairs messages use, in es-hangul's notation. */
export type JosaOption = Parameters<typeof josa.pick>[1]

/** A syllable standing for each kind of loanword ending (only its batchim matters to es-hangul). */
const ENDS_ON = { vowel: '스', consonant: '임', rieul: '일' } as const
type Ending = keyof typeof ENDS_ON

/** Korean names of the Latin letters, as they are read in acronyms. */
const LETTER_NAMES: Readonly<Record<string, string>> = {
  A: '에이',
  B: '비',
  C: '씨',
  D: '디',
  E: '이',
  F: '에프',
  G: '지',
  H: '에이치',
  I: '아이',
  J: '제이',
  K: '케이',
  L: '엘',
  M: '엠',
  N: '엔',
  O: '오',
  P: '피',
  Q: '큐',
  R: '알',
  S: '에스',
  T: '티',
  U: '유',
  V: '브이',
  W: '더블유',
  X: '엑스',
  Y: '와이',
  Z: '제트',
}

/** Words whose spelling misleads the loanword rules (and units, read as words). */
const WORDS: ReadonlyMap<string, string> = new Map([
  ['one', '원'],
  ['cine', '시네'],
  ['cooke', '쿡'],
  ['anime', '애니메'],
  ['mm', '밀리미터'],
  ['cm', '센티미터'],
  ['fps', '에프피에스'],
  ['kg', '킬로그램'],
])

const SIGNS: Readonly<Record<string, string>> = { '%': '퍼센트', '×': '배', '+': '플러스' }

const isVowel = (ch: string | undefined): boolean => ch !== undefined && 'aeiouy'.includes(ch)

/** How a loanword ends, by its spelling (lower case); undefined for q and j. */
function loanwordEnding(word: string): Ending | undefined {
  const last = word[word.length - 1]
  const before = word[word.length - 2]
  if (last === 'm' || last === 'n') return 'consonant'
  if (last === 'g') return before === 'n' ? 'consonant' : 'vowel'
  if (last === 'l') return 'rieul'
  if (last === 'e') {
    if (before === 'm' || before === 'n') return 'consonant' // Prime 프라임, Zone 존
    if (before === 'l') return 'rieul' // Single 싱글, Style 스타일
    return 'vowel' // Venice 베니스, Scope 스코프, Drive 드라이브
  }
  if (last === 'k') return before === 'c' || isVowel(before) ? 'consonant' : 'vowel'
  if (last === 'c' || last === 'p') return isVowel(before) ? 'consonant' : 'vowel' // Mac 맥, arc 아크
  if (last === 'q' || last === 'j' || last === undefined) return undefined
  return 'vowel' // a, i, o, u, y, r, s, x, t, d, f, v, z, b, h, w
}

/** Whether the letters at the end are read one by one rather than as a word. */
function readAsLetters(letters: string, afterDigit: boolean): boolean {
  if (afterDigit || letters.length === 1) return true
  if (letters !== letters.toUpperCase()) return false
  if (WORDS.has(letters.toLowerCase())) return false
  return letters.length <= 3 || !/[AEIOU]/.test(letters)
}

/** Drops trailing brackets, quotes and punctuation that are not read: "Cooke S4/i (PL)." → "Cooke S4/i". */
function spokenEnd(text: string): string {
  let out = text.trimEnd()
  for (;;) {
    const before = out
    out = out.replace(/\s*\([^()]*\)$/u, '').replace(/\s*\[[^[\]]*\]$/u, '')
    out = out.replace(/[\s"'”’.,;:!?/\\\-–—)]+$/u, '')
    if (out === before) return out
  }
}

/** The end of `text` as read aloud in Hangul, or undefined when it cannot be read. */
export function koreanReading(text: string): string | undefined {
  const end = spokenEnd(text)
  const last = end[end.length - 1]
  if (last === undefined) return undefined
  if (/\p{Script=Hangul}/u.test(last)) return end
  const digits = /\d+$/.exec(end)?.[0]
  // Only the last digits decide the reading; sixteen keep numberToHangul within safe integers.
  if (digits !== undefined) return numberToHangul(Number(digits.slice(-15)))
  const sign = SIGNS[last]
  if (sign !== undefined) return sign
  const letters = /[A-Za-z]+$/.exec(end)?.[0]
  if (letters === undefined) return undefined
  const beforeLetters = end[end.length - letters.length - 1]
  const afterDigit = beforeLetters !== undefined && /\d/.test(beforeLetters)
  // camelCase field paths ("focalLengthMm") are read by their last word.
  const lastWord = /[A-Z]?[a-z]+$/.exec(letters)?.[0]
  const word = lastWord !== undefined && lastWord.length < letters.length ? lastWord : letters
  if (readAsLetters(word, afterDigit)) return LETTER_NAMES[word[word.length - 1]?.toUpperCase() ?? '']
  const lower = word.toLowerCase()
  const known = WORDS.get(lower)
  if (known !== undefined) return known
  const ending = loanwordEnding(lower)
  return ending === undefined ? undefined : ENDS_ON[ending]
}

/** The paired form for an unreadable ending: "은(는)", "이(가)", "(으)로", "(이)라". */
function pairedForm(option: JosaOption): string {
  const [withBatchim = '', withoutBatchim = ''] = option.split('/')
  // Paired forms lead with the after-consonant form; es-hangul writes 와/과 the other way round.
  const [consonant, vowel] = option === '와/과' ? [withoutBatchim, withBatchim] : [withBatchim, withoutBatchim]
  return consonant.endsWith(vowel) ? `(${consonant.slice(0, -vowel.length)})${vowel}` : `${consonant}(${vowel})`
}

// Rules name the same catalog records on every validate(); each name's particle is worked out once
// (bounded, cleared when full), since reading a name and picking its particle costs microseconds.
const particles = new Map<string, string>()
const PARTICLE_CACHE_LIMIT = 4096

/** `name` followed by the right form of the particle: withJosa('ARRI ALEXA Mini', '은/는') → "ARRI ALEXA Mini는". */
export function withJosa(name: string, option: JosaOption): string {
  const key = `${option}\u0000${name}`
  let particle = particles.get(key)
  if (particle === undefined) {
    const reading = koreanReading(name)
    particle = reading === undefined ? pairedForm(option) : josa.pick(reading, option)
    if (particles.size >= PARTICLE_CACHE_LIMIT) particles.clear()
    particles.set(key, particle)
  }
  return `${name}${particle}`
}
