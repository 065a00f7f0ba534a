// Korean particles depend on whether the word before them ends in a consonant (받침):
// 샷을 / 버전을 but 리테이크를, 승인으로 but 리테이크로 (and ㄹ takes 로: 파일로).
// Codes like SH0030 are read digit by digit in Korean, so the last digit decides.

/** Whether the last sound of a digit's Korean reading has a final consonant, and whether it is ㄹ. */
const DIGIT_ENDING: Record<string, 'none' | 'rieul' | 'other'> = {
  '0': 'other', // 영
  '1': 'rieul', // 일
  '2': 'none', // 이
  '3': 'other', // 삼
  '4': 'none', // 사
  '5': 'none', // 오
  '6': 'other', // 육
  '7': 'rieul', // 칠
  '8': 'rieul', // 팔
  '9': 'none', // 구
}

type Ending = 'none' | 'rieul' | 'other' | 'unknown'

function endingOf(word: string): Ending {
  const last = word.trim().at(-1)
  if (last === undefined) return 'unknown'
  const code = last.charCodeAt(0)
  if (code >= 0xac00 && code <= 0xd7a3) {
    const final = (code - 0xac00) % 28
    if (final === 0) return 'none'
    return final === 8 ? 'rieul' : 'other'
  }
  return DIGIT_ENDING[last] ?? 'unknown'
}

export type KoreanParticle = '을/를' | '이/가' | '으로/로' | '은/는'

/** `word` followed by the particle form its ending takes; both forms when the ending is unknown (Latin names). */
export function withParticle(word: string, particle: KoreanParticle): string {
  const ending = endingOf(word)
  const [consonant, vowel] = particle.split('/') as [string, string]
  if (ending === 'unknown') return particle === '으로/로' ? `${word}(으)로` : `${word}${consonant}(${vowel})`
  if (particle === '으로/로') return `${word}${ending === 'other' ? '으로' : '로'}`
  return `${word}${ending === 'none' ? vowel : consonant}`
}
