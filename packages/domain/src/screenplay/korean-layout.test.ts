import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Screenplay } from './screenplay.model'
import { speakingCharacters } from './screenplay.model'
import { detectScreenplayFormat, parseScreenplay } from './screenplay-import'
import { mergeLocations } from './screenplay-merge'
import { allElements, lineCoverageProblems } from './testing/screenplay-coverage.fixture'

// Korean scripts in the layouts Korean writers use (fixtures/korean/*.txt, one per layout).

function corpus(name: string): string {
  return readFileSync(new URL(`./fixtures/korean/${name}`, import.meta.url), 'utf8')
}

function headings(screenplay: Screenplay) {
  return screenplay.scenes.map((s) => [
    s.heading.sceneNumber,
    s.heading.setting,
    s.heading.location,
    s.heading.timeOfDay,
  ])
}

function locations(screenplay: Screenplay): string[] {
  return mergeLocations(screenplay.scenes.map((s) => ({ name: s.heading.location }))).map((l) => l.name)
}

describe('Korean screenplay layouts', () => {
  it('reads S#n headings with place, 내부/외부 and time, and names on their own line', () => {
    const text = corpus('01-s-marker-two-line.txt')
    const script = parseScreenplay(text)
    expect(script.format).toBe('plain-text')
    expect(headings(script)).toEqual([
      ['1', 'INT', '등대', '밤'],
      ['2', null, '선착장', '새벽'],
      ['3', 'EXT', '등대', '낮'],
    ])
    expect(script.scenes.map((s) => s.characters)).toEqual([['민수', '지연'], ['지연'], ['민수']])
    expect(locations(script)).toEqual(['등대', '선착장'])
    const first = script.scenes[0]?.elements.map((e) => [e.kind, e.text]) ?? []
    expect(first.slice(0, 5)).toEqual([
      ['action', '폭풍우. 낡은 등대 안, 나선 계단 위로 빗물이 샌다.\n민수(60대), 등대지기. 램프의 심지를 갈고 있다.'],
      ['character', '민수'],
      ['parenthetical', '(숨을 몰아쉬며)'],
      ['dialogue', '올해도 이 불은 꺼지지 않는다.'],
      ['action', '문 두드리는 소리. 지연(30대)이 흠뻑 젖은 채 들어선다.'],
    ])
    expect(lineCoverageProblems(text, script)).toEqual([])
  })

  it('reads #n headings and one-line speech, with directions, voice marks and a full-width colon', () => {
    const text = corpus('02-hash-one-line.txt')
    const script = parseScreenplay(text)
    expect(headings(script)).toEqual([
      ['1', 'INT', '민수의 집 거실', '저녁'],
      ['2', null, '버스 정류장', '밤'],
      ['3', null, '병원 복도', '오후'],
    ])
    expect(speakingCharacters(script)).toEqual(['지연', '민수', '형사 1'])
    const speech = script.scenes[0]?.elements.map((e) => [e.kind, e.text]) ?? []
    expect(speech).toEqual([
      ['action', '식탁에 마주 앉은 민수와 지연. 찌개가 끓는다.'],
      ['character', '지연'],
      ['dialogue', '오늘 병원 다녀왔어요.'],
      ['character', '민수'],
      ['parenthetical', '(숟가락을 내려놓으며)'],
      ['dialogue', '의사가 뭐래?'],
      ['character', '지연'],
      ['dialogue', '괜찮대요. 그냥 피곤한 거래요.'],
      ['character', '민수'],
      ['dialogue', '다행이다.'],
    ])
    const phone = allElements(script).find((e) => e.kind === 'character' && e.text === '지연(E)')
    expect(phone).toMatchObject({ character: '지연', extensions: ['E'] })
    expect(lineCoverageProblems(text, script)).toEqual([])
  })

  it('reads 씬 n headings with 실내/실외 or INT./EXT. before the place and literary times', () => {
    const script = parseScreenplay(corpus('03-scene-word-settings.txt'))
    expect(headings(script)).toEqual([
      ['1', 'EXT', '항구', '해질녘'],
      ['2', 'INT', '선장실', '밤'],
      ['3', 'INT', '여객선 식당', '아침'],
      ['4', 'EXT', '바닷가 절벽', '황혼'],
    ])
    expect(speakingCharacters(script)).toEqual(['선장', '민수'])
    // A sound line is not a speaker, though it is short and stands above another line.
    expect(script.scenes[3]?.elements.map((e) => e.kind)).toEqual(['action'])
  })

  it('reads an HWP export: CRLF, full-width spaces, a 제목 title page and tabs between name and speech', () => {
    const text = corpus('04-hwp-export.txt')
    const script = parseScreenplay(text)
    expect(script.title).toBe('등대지기')
    expect(headings(script)).toEqual([
      ['1', 'INT', '등대', '밤'],
      ['2', null, '마을 입구', '아침'],
    ])
    expect(speakingCharacters(script)).toEqual(['민수', '지연'])
    expect(
      allElements(script)
        .filter((e) => e.kind === 'parenthetical')
        .map((e) => e.text),
    ).toEqual(['(문을 열며)'])
    expect(lineCoverageProblems(text, script)).toEqual([])
  })

  it('reads a PDF export: page numbers and running headers dropped, hard-wrapped speech joined', () => {
    const text = corpus('05-pdf-export.txt')
    expect(detectScreenplayFormat(text)).toBe('pdf-text')
    const script = parseScreenplay(text)
    expect(headings(script)).toEqual([
      ['1', 'INT', '등대', '밤'],
      ['2', null, '바닷가', '새벽'],
      ['3', 'EXT', '등대', '낮'],
    ])
    expect(speakingCharacters(script)).toEqual(['민수', '지연'])
    expect(script.scenes[0]?.elements.find((e) => e.kind === 'dialogue')?.text).toBe(
      '바다가 오늘따라 이상하게\n조용하구나.',
    )
    const kept = allElements(script).map((e) => e.text)
    expect(kept.filter((t) => /^- \d -$/.test(t) || t.includes('등대지기'))).toEqual([])
    expect(lineCoverageProblems(text, script)).toEqual([])
  })
})

const PLACES = ['등대', '선착장', '민수의 집 거실', '버스 정류장', '병원 복도', '바닷가 절벽', '마을 입구']
const TIMES = ['낮', '밤', '새벽', '아침', '저녁', '오후', '오전', '해질녘', '황혼', '동틀녘']
const NAMES = ['민수', '지연', '선장', '김 형사', '노인', '소녀']
const LINES = ['여기 있었어?', '불을 꺼라.', '배가 돌아왔어요!', '모르겠어', '내일 다시 오마.']
const DIRECTIONS = ['(숨을 몰아쉬며)', '(작게)', '(창밖을 보며)']
const ACTIONS = ['파도가 친다.', '램프가 깜박인다.', '문이 열린다.', '바람 소리가 거세진다.']

const speechArb = fc.record({
  name: fc.constantFrom(...NAMES),
  age: fc.constantFrom(null, '60대', '30대', '17세'),
  direction: fc.constantFrom(null, ...DIRECTIONS),
  line: fc.constantFrom(...LINES),
  oneLine: fc.boolean(),
})

const sceneArb = fc.record({
  marker: fc.constantFrom('S#', '#', '씬 ', 'S# '),
  dot: fc.boolean(),
  place: fc.constantFrom(...PLACES),
  setting: fc.constantFrom(null, '내부', '외부', '실내', '실외'),
  settingFirst: fc.boolean(),
  time: fc.constantFrom(null, ...TIMES),
  separator: fc.constantFrom(' / ', ' - ', ', '),
  action: fc.option(fc.constantFrom(...ACTIONS), { nil: null }),
  speeches: fc.array(speechArb, { maxLength: 4 }),
})

type GeneratedScene = typeof sceneArb extends fc.Arbitrary<infer T> ? T : never

/** Writes a scene the way a Korean writer would; the expected parse comes from the same record. */
function writeScene(scene: GeneratedScene, number: number): string {
  const place =
    scene.setting === null
      ? scene.place
      : scene.settingFirst
        ? `${scene.setting}. ${scene.place}`
        : `${scene.place} ${scene.setting}`
  const heading = `${scene.marker}${number}${scene.dot ? '.' : ''} ${place}${scene.time === null ? '' : `${scene.separator}${scene.time}`}`
  const blocks = [heading]
  if (scene.action !== null) blocks.push(scene.action)
  for (const s of scene.speeches) {
    const cue = s.age === null ? s.name : `${s.name}(${s.age})`
    if (s.oneLine) blocks.push(`${cue}: ${s.direction === null ? '' : `${s.direction} `}${s.line}`)
    else blocks.push([cue, ...(s.direction === null ? [] : [s.direction]), s.line].join('\n'))
  }
  return blocks.join('\n\n')
}

describe('Korean speech that looks like something else', () => {
  it('takes "N:" for narration and "자막:" / "인서트:" for action, and a heading "(N)" for night', () => {
    const text = [
      'S#7. 등대 (N)',
      '',
      'N: 그해 겨울, 등대는 마지막으로 불을 밝혔다.',
      '자막: 1999년 겨울',
      '인서트: 낡은 신문 기사',
    ].join('\n')
    const script = parseScreenplay(text)
    expect(headings(script)).toEqual([['7', null, '등대', 'N']])
    expect(script.scenes[0]?.elements.map((e) => e.kind)).toEqual(['character', 'dialogue', 'action'])
    expect(speakingCharacters(script)).toEqual(['N'])
  })
})

describe('Korean screenplays written in Fountain', () => {
  it('keeps Fountain sections and forced headings while reading Korean markers and speech', () => {
    const text = ['# 1막', '', 'S#1. 부엌 / 아침', '', '민수: 밥 먹자.', '', '.마당 외부 / 낮', '', '> 컷 투:'].join(
      '\n',
    )
    const script = parseScreenplay(text, 'fountain')
    expect(script.preamble.map((e) => [e.kind, e.text])).toEqual([['section', '1막']])
    expect(headings(script)).toEqual([
      ['1', null, '부엌', '아침'],
      [null, 'EXT', '마당', '낮'],
    ])
    expect(speakingCharacters(script)).toEqual(['민수'])
    expect(allElements(script).at(-1)).toMatchObject({ kind: 'transition', text: '컷 투:' })
  })
})

describe('Korean screenplay parsing (generated scripts)', () => {
  it('round-trips scene count, numbers, headings and speakers of generated scripts', () => {
    fc.assert(
      fc.property(fc.array(sceneArb, { minLength: 1, maxLength: 6 }), fc.boolean(), (scenes, crlf) => {
        const body = scenes.map((s, i) => writeScene(s, i + 1)).join('\n\n')
        const text = crlf ? body.replace(/\n/g, '\r\n') : body
        const script = parseScreenplay(text)
        expect(script.scenes.length).toBe(scenes.length)
        expect(headings(script)).toEqual(
          scenes.map((s, i) => [
            String(i + 1),
            s.setting === null ? null : s.setting === '내부' || s.setting === '실내' ? 'INT' : 'EXT',
            s.place,
            s.time,
          ]),
        )
        expect(script.scenes.map((s) => s.characters)).toEqual(
          scenes.map((s) => [...new Set(s.speeches.map((sp) => sp.name))]),
        )
        const spoken = script.scenes.map((s) => s.elements.filter((e) => e.kind === 'dialogue').map((e) => e.text))
        expect(spoken).toEqual(scenes.map((s) => s.speeches.map((sp) => sp.line)))
        expect(lineCoverageProblems(text, script)).toEqual([])
      }),
    )
  })

  it('never throws and covers every line of arbitrary Korean-looking text', () => {
    const piece = fc.constantFrom(
      ...PLACES,
      ...NAMES,
      ...LINES,
      ...DIRECTIONS,
      ...ACTIONS,
      'S#',
      '#',
      '씬',
      ':',
      '：',
      '\t',
      '\u3000',
      '/',
      ' - ',
      '1',
      '\n',
      '\n\n',
      '\f',
      '- 2 -',
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const text = pieces.join('')
        const script = parseScreenplay(text)
        expect(lineCoverageProblems(text, script)).toEqual([])
      }),
    )
  })
})
