// Korean particles after names. A particle has two forms chosen by the sound the name ends on:
// after a final consonant (batchim) 은·이·을·과·으로, after a vowel 는·가·를·와·로 — and 으로/로
// treats a final ㄹ like a vowel (서울로). Catalog names are mostly Latin letters and digits, so
// they are judged by how Korean crews read them aloud; when we cannot tell, we write the paired
// form "은(는)" that Korean UIs use for unknown words, which is never wrong.
//
// How endings are read (the tables below):
// - Hangul: the last syllable's batchim, by Unicode arithmetic ((code − 0xAC00) % 28; 0 = none,
//   8 = ㄹ).
// - Digits, read in Sino-Korean: 0 영 (and 십·백·천·만 for round numbers), 1 일, 3 삼, 6 육,
//   7 칠, 8 팔 end on a consonant (1, 7, 8 on ㄹ); 2 이, 4 사, 5 오, 9 구 on a vowel. "ALEXA 65" →
//   육십오 → 는; "C300" → 삼백 → 은; "2.39:1" → 일 → 은, 로.
// - Letters read one by one (acronyms of up to three capitals, capitals without vowels such as
//   "BNCR", letters right after digits such as "500T" or "6K", single letters): L 엘 and R 알 end on
//   ㄹ, M 엠 and N 엔 on another consonant; every other letter name ends on a vowel (에이, 비, 씨,
//   디, 에프, 케이, 티, 엑스 …).
// - Words read as loanwords, by their spelling: -m, -n, -ng, silent-e -me/-ne (Prime 프라임,
//   iPhone 아이폰), -ck, a vowel + c/k (anamorphic 아나모픽, Kodak 코닥) and a vowel + p (Top 탑)
//   end on a consonant; -l and -le end on ㄹ (Bell 벨, Single 싱글, Style 스타일); vowels, -r (Super
//   슈퍼), -s, -x, -t, -d, -f, -v, -z, consonant + c/k (arc 아크) and other -e endings end on a
//   vowel (트, 드, 스 …).
//   Exceptions are listed in WORDS.
// - Units and signs: mm 밀리미터, fps, % 퍼센트, × 배 and + 플러스 end on a vowel; kg 킬로그램 on a
//   consonant.
// Trailing brackets are skipped: the particle agrees with the word before "(…)".

/** How a name ends when read aloud in Korean. */
export type FinalSound = 'vowel' | 'consonant' | 'rieul' | 'unknown'

/** Particles as message authors write them; either form of a pair picks the right one. */
export type Particle = '은' | '는' | '이' | '가' | '을' | '를' | '과' | '와' | '으로' | '로' | '이라' | '라'

const PAIRS: Record<Particle, { consonant: string; vowel: string; unsure: string }> = {
  은: { consonant: '은', vowel: '는', unsure: '은(는)' },
  는: { consonant: '은', vowel: '는', unsure: '은(는)' },
  이: { consonant: '이', vowel: '가', unsure: '이(가)' },
  가: { consonant: '이', vowel: '가', unsure: '이(가)' },
  을: { consonant: '을', vowel: '를', unsure: '을(를)' },
  를: { consonant: '을', vowel: '를', unsure: '을(를)' },
  과: { consonant: '과', vowel: '와', unsure: '과(와)' },
  와: { consonant: '과', vowel: '와', unsure: '과(와)' },
  으로: { consonant: '으로', vowel: '로', unsure: '(으)로' },
  로: { consonant: '으로', vowel: '로', unsure: '(으)로' },
  // The copula before a reason ("화면비가 2.39:1이라 …"): 이라 after any consonant, ㄹ included.
  이라: { consonant: '이라', vowel: '라', unsure: '(이)라' },
  라: { consonant: '이라', vowel: '라', unsure: '(이)라' },
}

const DIGITS: readonly FinalSound[] = [
  'consonant', // 0 영
  'rieul', // 1 일
  'vowel', // 2 이
  'consonant', // 3 삼
  'vowel', // 4 사
  'vowel', // 5 오
  'consonant', // 6 육
  'rieul', // 7 칠
  'rieul', // 8 팔
  'vowel', // 9 구
]

/** Letter names: L 엘, R 알 end on ㄹ; M 엠, N 엔 on ㄴ/ㅁ; all others on a vowel. */
function letterName(letter: string): FinalSound {
  const upper = letter.toUpperCase()
  if (upper === 'L' || upper === 'R') return 'rieul'
  if (upper === 'M' || upper === 'N') return 'consonant'
  return 'vowel'
}

/** Words whose spelling misleads the rules below (and units, read as words). */
const WORDS: ReadonlyMap<string, FinalSound> = new Map([
  ['one', 'consonant'], // 원
  ['cine', 'vowel'], // 시네
  ['cooke', 'consonant'], // 쿡
  ['anime', 'vowel'], // 애니메
  ['mm', 'vowel'], // 밀리미터
  ['cm', 'vowel'], // 센티미터
  ['fps', 'vowel'], // 에프피에스
  ['kg', 'consonant'], // 킬로그램
])

const VOWELS = 'aeiouy'
const isVowel = (ch: string | undefined): boolean => ch !== undefined && VOWELS.includes(ch)

/** A loanword by its spelling (lower case). */
function wordSound(word: string): FinalSound {
  const known = WORDS.get(word)
  if (known !== undefined) return known
  const last = word[word.length - 1]
  const before = word[word.length - 2]
  if (last === undefined) return 'unknown'
  if (last === 'm' || last === 'n') return 'consonant'
  if (last === 'g') return before === 'n' ? 'consonant' : 'vowel'
  if (last === 'l') return 'rieul'
  if (last === 'e') {
    if (before === 'm' || before === 'n') return 'consonant' // Prime 프라임, Zone 존
    if (before === 'l') return 'rieul' // Single 싱글, Style 스타일
    return 'vowel' // Venice 베니스, Scope 스코프, Drive 드라이브
  }
  if (last === 'k') return before === 'c' || isVowel(before) ? 'consonant' : 'vowel'
  if (last === 'c') return isVowel(before) ? 'consonant' : 'vowel' // Mac 맥, arc 아크
  if (last === 'p') return isVowel(before) ? 'consonant' : 'vowel'
  if (last === 'q' || last === 'j') return 'unknown'
  return 'vowel' // a, i, o, u, y, r, s, x, t, d, f, v, z, b, h, w
}

/** Whether the letters at the end are read one by one rather than as a word. */
function readAsLetters(letters: string, afterDigit: boolean): boolean {
  if (afterDigit || letters.length === 1) return true
  if (letters !== letters.toUpperCase()) return false
  if (WORDS.has(letters.toLowerCase())) return false
  return letters.length <= 3 || !/[AEIOU]/.test(letters)
}

const HANGUL_FIRST = 0xac00
const HANGUL_LAST = 0xd7a3
const RIEUL_BATCHIM = 8

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

/** How `text` ends when read aloud in Korean (see the tables at the top of this file). */
export function finalSound(text: string): FinalSound {
  const end = spokenEnd(text)
  const last = end[end.length - 1]
  if (last === undefined) return 'unknown'
  const code = last.charCodeAt(0)
  if (code >= HANGUL_FIRST && code <= HANGUL_LAST) {
    const batchim = (code - HANGUL_FIRST) % 28
    return batchim === 0 ? 'vowel' : batchim === RIEUL_BATCHIM ? 'rieul' : 'consonant'
  }
  if (last >= '0' && last <= '9') return DIGITS[Number(last)] ?? 'unknown'
  if (last === '%' || last === '×' || last === '+') return 'vowel' // 퍼센트, 배, 플러스
  const letters = /[A-Za-z]+$/.exec(end)?.[0]
  if (letters === undefined) return 'unknown'
  const beforeLetters = end[end.length - letters.length - 1]
  const afterDigit = beforeLetters !== undefined && beforeLetters >= '0' && beforeLetters <= '9'
  // camelCase field paths ("focalLengthMm") are read by their last word.
  const lastWord = /[A-Z]?[a-z]+$/.exec(letters)?.[0]
  const word = lastWord !== undefined && lastWord.length < letters.length ? lastWord : letters
  if (readAsLetters(word, afterDigit)) return letterName(word[word.length - 1] ?? '')
  return wordSound(word.toLowerCase())
}

/** `name` followed by the right form of `particle`: withParticle('ARRI ALEXA Mini', '은') → "ARRI ALEXA Mini는". */
export function withParticle(name: string, particle: Particle): string {
  const forms = PAIRS[particle]
  const sound = finalSound(name)
  if (sound === 'unknown') return `${name}${forms.unsure}`
  if (sound === 'vowel' || (sound === 'rieul' && forms.consonant === '으로')) return `${name}${forms.vowel}`
  return `${name}${forms.consonant}`
}
