import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defaultCatalog } from '../catalog/catalog'
import { validate } from '../engine/validate'
import { koreanReading, withJosa } from './korean-josa'

describe('Korean particles after names', () => {
  it.each([
    // Hangul: batchim by Unicode arithmetic
    ['카메라', '이/가', '카메라가'],
    ['스테디캠', '으로/로', '스테디캠으로'],
    ['레일', '으로/로', '레일로'],
    ['렌즈', '은/는', '렌즈는'],
    // digits, read in Sino-Korean
    ['ARRI ALEXA 65', '은/는', 'ARRI ALEXA 65는'], // 육십오
    ['Canon EOS C300', '은/는', 'Canon EOS C300은'], // 삼백
    ['Sony ILME-FX3', '은/는', 'Sony ILME-FX3은'], // 삼
    ['Kodak Vision3 500T 5219 / 7219', '을/를', 'Kodak Vision3 500T 5219 / 7219를'], // 구
    ['2.39:1', '은/는', '2.39:1은'], // 일
    ['2.39:1', '으로/로', '2.39:1로'], // 일: ㄹ takes 로
    ['2.39:1', '이라/라', '2.39:1이라'],
    ['1.85:1', '이라/라', '1.85:1이라'],
    ['16:9', '이라/라', '16:9라'],
    ['16:9', '이/가', '16:9가'],
    // letters read one by one
    ['ARRI ALEXA Mini LF', '와/과', 'ARRI ALEXA Mini LF와'], // 에프
    ['Mitchell BNCR', '으로/로', 'Mitchell BNCR로'], // 알
    ['Panavision Panaflex Platinum XL', '이/가', 'Panavision Panaflex Platinum XL이'], // 엘
    ['Cooke S4/i', '은/는', 'Cooke S4/i는'], // 아이
    ['ARRICAM LT', '은/는', 'ARRICAM LT는'], // 티
    // loanwords by their spelling
    ['ARRI / Zeiss Master Prime', '은/는', 'ARRI / Zeiss Master Prime은'], // 프라임
    ['Panavision C-Series anamorphic', '은/는', 'Panavision C-Series anamorphic은'], // 아나모픽
    ['RED ONE (Mysterium)', '은/는', 'RED ONE (Mysterium)은'], // 원, brackets skipped
    ['Steadicam Zephyr', '은/는', 'Steadicam Zephyr는'], // 제퍼
    ['ARRI ALEXA Mini', '을/를', 'ARRI ALEXA Mini를'],
    ['camera.focalLengthMm', '은/는', 'camera.focalLengthMm는'], // 밀리미터
    ['animation.motion', '은/는', 'animation.motion은'], // 모션
    ['Classic anime', '은/는', 'Classic anime는'], // 애니메
    [
      'Carbon arc (Klieg lights, later Brute high-intensity arcs)',
      '이/가',
      'Carbon arc (Klieg lights, later Brute high-intensity arcs)가',
    ], // 아크
    ['RED DRAGON 6K S35+', '은/는', 'RED DRAGON 6K S35+는'], // 플러스
    ['3s(쓰리스)', '으로/로', '3s(쓰리스)로'],
  ] as const)('%s + %s → %s', (name, particle, expected) => {
    expect(withJosa(name, particle)).toBe(expected)
  })

  it('writes the paired form when the ending cannot be read', () => {
    expect(koreanReading('★')).toBeUndefined()
    expect(withJosa('★', '은/는')).toBe('★은(는)')
    expect(withJosa('★', '으로/로')).toBe('★(으)로')
    expect(withJosa('★', '와/과')).toBe('★과(와)')
    expect(withJosa('★', '이라/라')).toBe('★(이)라')
  })

  it('always appends exactly one form of the particle asked for', () => {
    const particles = ['은/는', '이/가', '을/를', '와/과', '으로/로', '이라/라'] as const
    const pairs: Record<(typeof particles)[number], readonly string[]> = {
      '은/는': ['은', '는', '은(는)'],
      '이/가': ['이', '가', '이(가)'],
      '을/를': ['을', '를', '을(를)'],
      '와/과': ['과', '와', '과(와)'],
      '으로/로': ['으로', '로', '(으)로'],
      '이라/라': ['이라', '라', '(이)라'],
    }
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.constantFrom(...particles), (name, particle) => {
        const out = withJosa(name, particle)
        expect(out.startsWith(name)).toBe(true)
        expect(pairs[particle]).toContain(out.slice(name.length))
      }),
    )
  })
})

describe('Korean rule messages', () => {
  const catalog = defaultCatalog()
  const ko = (config: unknown, ruleId: string) =>
    validate(config, catalog).violations.find((v) => v.ruleId === ruleId)?.message.ko

  it('choose particles by how real catalog names end', () => {
    const stockOnDigital = ko(
      { camera: { bodyId: 'canon-eos-c300' }, film: { stockId: 'kodak-vision3-500t-5219' } },
      'stock-on-digital-camera',
    )
    expect(stockOnDigital).toContain('Canon EOS C300은 디지털 카메라')
    expect(stockOnDigital).toContain('Kodak Vision3 500T 5219 / 7219를 쓸 수 없습니다')
    const primeForZoom = ko(
      { camera: { lensId: 'zeiss-master-prime' }, shot: { movement: 'zoom-in' } },
      'zoom-move-needs-zoom-lens',
    )
    expect(primeForZoom).toContain('Master Prime은 단렌즈')
  })

  it('never leave a paired particle after a name whose ending is known', () => {
    const result = validate(
      { camera: { bodyId: 'arri-alexa-65' }, film: { stockId: 'kodak-vision3-500t-5219' }, productionYear: 1990 },
      catalog,
    )
    for (const v of result.violations) expect(v.message.ko).not.toMatch(/\d(은\(는\)|을\(를\))/)
  })
})
