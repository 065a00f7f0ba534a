import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defaultCatalog } from '../catalog/catalog'
import { validate } from '../engine/validate'
import { finalSound, type Particle, withParticle } from './korean-particle'

describe('Korean particles after names', () => {
  it.each([
    // Hangul: batchim by Unicode arithmetic
    ['카메라', '이', '카메라가'],
    ['스테디캠', '로', '스테디캠으로'],
    ['레일', '으로', '레일로'],
    ['렌즈', '은', '렌즈는'],
    // digits, read in Sino-Korean
    ['ARRI ALEXA 65', '은', 'ARRI ALEXA 65는'], // 육십오
    ['Canon EOS C300', '는', 'Canon EOS C300은'], // 삼백
    ['Sony ILME-FX3', '는', 'Sony ILME-FX3은'], // 삼
    ['Kodak Vision3 500T 5219 / 7219', '을', 'Kodak Vision3 500T 5219 / 7219를'], // 구
    ['2.39:1', '는', '2.39:1은'], // 일
    ['2.39:1', '으로', '2.39:1로'], // 일: ㄹ takes 로
    ['2.39:1', '라', '2.39:1이라'],
    ['1.85:1', '이라', '1.85:1이라'],
    ['16:9', '이라', '16:9라'],
    ['16:9', '이', '16:9가'],
    // letters read one by one
    ['ARRI ALEXA Mini LF', '과', 'ARRI ALEXA Mini LF와'], // 에프
    ['Mitchell BNCR', '으로', 'Mitchell BNCR로'], // 알
    ['Panavision Panaflex Platinum XL', '이', 'Panavision Panaflex Platinum XL이'], // 엘
    ['Cooke S4/i', '은', 'Cooke S4/i는'], // 아이
    ['ARRICAM LT', '은', 'ARRICAM LT는'], // 티
    // loanwords by their spelling
    ['ARRI / Zeiss Master Prime', '는', 'ARRI / Zeiss Master Prime은'], // 프라임
    ['Panavision C-Series anamorphic', '는', 'Panavision C-Series anamorphic은'], // 아나모픽
    ['RED ONE (Mysterium)', '는', 'RED ONE (Mysterium)은'], // 원, brackets skipped
    ['Steadicam Zephyr', '은', 'Steadicam Zephyr는'], // 제퍼
    ['ARRI ALEXA Mini', '을', 'ARRI ALEXA Mini를'],
    ['camera.focalLengthMm', '은', 'camera.focalLengthMm는'], // 밀리미터
    ['animation.motion', '은', 'animation.motion은'], // 모션
    ['Classic anime', '은', 'Classic anime는'], // 애니메
    [
      'Carbon arc (Klieg lights, later Brute high-intensity arcs)',
      '이',
      'Carbon arc (Klieg lights, later Brute high-intensity arcs)가',
    ], // 아크
    ['RED DRAGON 6K S35+', '은', 'RED DRAGON 6K S35+는'], // 플러스
    ['3s(쓰리스)', '로', '3s(쓰리스)로'],
  ] as const)('%s + %s → %s', (name, particle, expected) => {
    expect(withParticle(name, particle)).toBe(expected)
  })

  it('writes the paired form when the ending cannot be read', () => {
    expect(finalSound('★')).toBe('unknown')
    expect(withParticle('★', '는')).toBe('★은(는)')
    expect(withParticle('★', '로')).toBe('★(으)로')
  })

  it('always appends exactly one form of the particle asked for', () => {
    const pairs: Record<Particle, readonly string[]> = {
      은: ['은', '는', '은(는)'],
      는: ['은', '는', '은(는)'],
      이: ['이', '가', '이(가)'],
      가: ['이', '가', '이(가)'],
      을: ['을', '를', '을(를)'],
      를: ['을', '를', '을(를)'],
      과: ['과', '와', '과(와)'],
      와: ['과', '와', '과(와)'],
      으로: ['으로', '로', '(으)로'],
      로: ['으로', '로', '(으)로'],
      이라: ['이라', '라', '(이)라'],
      라: ['이라', '라', '(이)라'],
    }
    const particles = Object.keys(pairs) as Particle[]
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.constantFrom(...particles), (name, particle) => {
        const out = withParticle(name, particle)
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
