// Period: gear must exist in the production year; what the audience sees must exist in the story
// year. Off-screen film lights are production gear, so a modern light on a period story is fine.
import type { Availability, GearAvailability, LightSource } from '../catalog/catalog.schema'
import type { ConfigFieldPath } from '../config/cpe-config.schema'
import { withJosa } from './korean-josa'
import { type AnyRule, defineRule, type Rule, type RuleContext, type Severity } from './rule.types'
import { bodyName, lensName, stockName } from './rule-context'

type Dated = { name: string; availability: Availability }
type TooEarly = { item: string; from: number; year: number }
type Noun = { en: string; ko: string }

/**
 * A rule on one dated item the config picks (a camera, a lens, a stock…) against the production
 * year: `found` gives the details when the item does not fit that year, null when it does.
 */
function productionYearRule<T extends { name: string }, D>(rule: {
  id: string
  severity: Severity
  field: ConfigFieldPath
  pick: (ctx: RuleContext) => T | undefined
  explanation: string
  message: Rule<D>['message']
  found: (item: T, year: number) => D | null
  sample: D
}) {
  return defineRule<D>({
    id: rule.id,
    severity: rule.severity,
    fields: [rule.field, 'productionYear'],
    explanation: rule.explanation,
    message: rule.message,
    check: (ctx) => {
      const year = ctx.config.productionYear
      const item = rule.pick(ctx)
      return year === undefined || item === undefined ? null : rule.found(item, year)
    },
    sample: rule.sample,
  })
}

/** HARD: the year is before the item was announced (for gear) or existed at all (formats, ratios, supports). */
function notYetAvailable(
  id: string,
  field: ConfigFieldPath,
  pick: (ctx: RuleContext) => Dated | undefined,
  noun: Noun,
  sample: TooEarly,
  severity: Severity = 'hard',
  dated: { en: string; ko: string } = { en: 'dates from', ko: '나왔으므로' },
) {
  return productionYearRule<Dated, TooEarly>({
    id,
    severity,
    field,
    pick,
    explanation: `The ${noun.en} must exist in the production year.`,
    message: {
      en: (d) => `The ${noun.en} ${d.item} ${dated.en} ${d.from}; it did not exist in ${d.year}.`,
      ko: (d) => `${noun.ko} ${withJosa(d.item, '은/는')} ${d.from}년에 ${dated.ko} ${d.year}년에는 쓸 수 없습니다.`,
    },
    found: (item, year) =>
      item.availability.from <= year ? null : { item: item.name, from: item.availability.from, year },
    sample,
  })
}

type Gear = { name: string; availability: GearAvailability }
type Undelivered = { item: string; announced: number; delivered: number; year: number }
type Retired = { item: string; to: number; year: number }

/** SOFT: announced but not yet delivered: real gear, but only prototypes or the first few units. */
function notYetDelivered(
  id: string,
  field: ConfigFieldPath,
  pick: (ctx: RuleContext) => Gear | undefined,
  noun: Noun,
  sample: Undelivered,
) {
  return productionYearRule<Gear, Undelivered>({
    id,
    severity: 'soft',
    field,
    pick,
    explanation: `Between its announcement and its first deliveries a ${noun.en} exists only as prototypes and first units.`,
    message: {
      en: (d) =>
        `The ${noun.en} ${d.item} was announced in ${d.announced} but first delivered in ${d.delivered}; in ${d.year} only prototypes or the first few units existed.`,
      ko: (d) =>
        `${noun.ko} ${withJosa(d.item, '은/는')} ${d.announced}년에 발표되었지만 첫 출하는 ${d.delivered}년이어서 ${d.year}년에는 시제품이나 초기 물량뿐이었습니다.`,
    },
    found: (item, year) => {
      const { from, firstDelivery } = item.availability
      if (year < from || year >= firstDelivery) return null
      return { item: item.name, announced: from, delivered: firstDelivery, year }
    },
    sample,
  })
}

/** SOFT: the production year is after the item went out of use: possible, but a deliberate throwback. */
function outOfUse(
  id: string,
  field: ConfigFieldPath,
  pick: (ctx: RuleContext) => Gear | undefined,
  noun: Noun,
  sample: Retired,
) {
  return productionYearRule<Gear, Retired>({
    id,
    severity: 'soft',
    field,
    pick,
    explanation: `A ${noun.en} that productions stopped using is a deliberate, hard-to-source choice.`,
    message: {
      en: (d) => `The ${noun.en} ${d.item} went out of use in ${d.to}; in ${d.year} it is a rare, deliberate choice.`,
      ko: (d) =>
        `${noun.ko} ${withJosa(d.item, '은/는')} ${d.to}년 이후 쓰이지 않아 ${d.year}년에는 구하기 어려운 의도적인 선택입니다.`,
    },
    found: (item, year) => {
      const to = item.availability.to
      return to === null || year <= to ? null : { item: item.name, to, year }
    },
    sample,
  })
}

const named = <T extends { availability: GearAvailability }>(
  x: T | undefined,
  name: (x: T) => string,
): Gear | undefined => (x === undefined ? undefined : { name: name(x), availability: x.availability })

const CAMERA: Noun = { en: 'camera', ko: '카메라' }
const LENS: Noun = { en: 'lens', ko: '렌즈' }
const STOCK: Noun = { en: 'film stock', ko: '필름스톡' }
const ANNOUNCED = { en: 'was announced in', ko: '발표되었으므로' }
const INTRODUCED = { en: 'was introduced in', ko: '출시되었으므로' }
const camera = (c: RuleContext) => named(c.body, bodyName)
const lens = (c: RuleContext) => named(c.lens, lensName)
const stock = (c: RuleContext) => named(c.stock, stockName)

const cameraNotYet = notYetAvailable(
  'camera-not-yet-available',
  'camera.bodyId',
  camera,
  CAMERA,
  { item: 'ARRI ALEXA 35', from: 2022, year: 1999 },
  'hard',
  ANNOUNCED,
)
const lensNotYet = notYetAvailable(
  'lens-not-yet-available',
  'camera.lensId',
  lens,
  LENS,
  { item: 'ARRI Signature Prime', from: 2018, year: 2005 },
  'hard',
  ANNOUNCED,
)
const stockNotYet = notYetAvailable(
  'stock-not-yet-available',
  'film.stockId',
  stock,
  STOCK,
  { item: 'Kodak Vision3 500T', from: 2007, year: 1994 },
  'hard',
  INTRODUCED,
)
const cameraNotDelivered = notYetDelivered('camera-not-yet-delivered', 'camera.bodyId', camera, CAMERA, {
  item: 'Sony VENICE',
  announced: 2017,
  delivered: 2018,
  year: 2017,
})
const lensNotDelivered = notYetDelivered('lens-not-yet-delivered', 'camera.lensId', lens, LENS, {
  item: 'Sample Prime',
  announced: 2016,
  delivered: 2017,
  year: 2016,
})
const stockNotDelivered = notYetDelivered('stock-not-yet-delivered', 'film.stockId', stock, STOCK, {
  item: 'Kodak Ektachrome 100D 5294',
  announced: 2017,
  delivered: 2019,
  year: 2018,
})
const cameraOutOfUse = outOfUse('camera-out-of-use', 'camera.bodyId', camera, CAMERA, {
  item: 'Technicolor three-strip camera',
  to: 1955,
  year: 1975,
})
const lensOutOfUse = outOfUse('lens-out-of-use', 'camera.lensId', lens, LENS, {
  item: 'Sample Prime',
  to: 1980,
  year: 2000,
})
const supportNotYet = notYetAvailable(
  'support-not-yet-available',
  'camera.supportId',
  (c) => c.support,
  {
    en: 'camera support',
    ko: '카메라 지지 장비',
  },
  { item: 'Steadicam', from: 1975, year: 1960 },
)
const formatNotYet = notYetAvailable(
  'format-not-yet-available',
  'camera.formatId',
  (c) => c.format,
  {
    en: 'capture format',
    ko: '촬영 포맷',
  },
  { item: 'ARRI LF open gate', from: 2018, year: 2010 },
)
const aspectNotYet = notYetAvailable(
  'aspect-ratio-not-yet-available',
  'camera.aspectRatioId',
  (c) => (c.aspect === undefined ? undefined : { name: c.aspect.label, availability: c.aspect.availability }),
  { en: 'aspect ratio', ko: '화면비' },
  { item: '2.39:1', from: 1970, year: 1958 },
  'soft',
)

type Lights = { lights: string; year: number }

/** Names the lights `shown` keeps, each with the year it gives, as "HMI (1972), LED panel (2002)"; null if none. */
const listLights = (lights: readonly LightSource[], shown: (l: LightSource) => number | null): string | null => {
  const listed = lights.flatMap((l) => {
    const year = shown(l)
    return year === null ? [] : [`${l.name} (${year})`]
  })
  return listed.length === 0 ? null : listed.join(', ')
}

/** Lights introduced after `year`, with the year introduced. */
const late = (year: number) => (l: LightSource) => (l.availability.from > year ? l.availability.from : null)

/**
 * A rule over a list of lights against one of the config's years: it fires when `shown` keeps any
 * light for that year, and lists them.
 */
function lightListRule(rule: {
  id: string
  severity: Severity
  lights: 'sources' | 'practicals'
  year: 'productionYear' | 'storyYear'
  shown: (year: number) => (l: LightSource) => number | null
  explanation: string
  message: Rule<Lights>['message']
  sample: Lights
}) {
  const field: ConfigFieldPath = rule.lights === 'sources' ? 'lighting.sourceIds' : 'lighting.practicalIds'
  return defineRule<Lights>({
    id: rule.id,
    severity: rule.severity,
    fields: [field, rule.year],
    explanation: rule.explanation,
    message: rule.message,
    check: (ctx) => {
      const year = ctx.config[rule.year]
      const lights = year === undefined ? null : listLights(ctx[rule.lights], rule.shown(year))
      return year === undefined || lights === null ? null : { lights, year }
    },
    sample: rule.sample,
  })
}

const lightNotYet = lightListRule({
  id: 'light-not-yet-available',
  severity: 'hard',
  lights: 'sources',
  year: 'productionYear',
  shown: late,
  explanation:
    'Film lights must have been introduced by the production year (HMI from the late 1960s, LED panels from the 2000s).',
  message: {
    en: (d) => `Not yet introduced in ${d.year} (year introduced): ${d.lights}.`,
    ko: (d) => `${d.year}년에는 아직 나오지 않은 조명입니다(출시 연도): ${d.lights}.`,
  },
  sample: { lights: 'ARRI SkyPanel (2015)', year: 1994 },
})

/** Lights introduced by the year but first used on film sets later, as "HMI (first used 1972)". */
const lightNotDelivered = lightListRule({
  id: 'light-not-yet-delivered',
  severity: 'soft',
  lights: 'sources',
  year: 'productionYear',
  shown: (year) => (l) =>
    l.availability.from <= year && year < l.availability.firstDelivery ? l.availability.firstDelivery : null,
  explanation: 'A light shown to the trade is not yet a light rental houses stock: first film use comes later.',
  message: {
    en: (d) => `Introduced but not yet in use on film sets in ${d.year} (year first used): ${d.lights}.`,
    ko: (d) => `${d.year}년에는 발표만 되었고 아직 촬영 현장에서 쓰이지 않던 조명입니다(첫 사용 연도): ${d.lights}.`,
  },
  sample: { lights: 'HMI (1972)', year: 1970 },
})

/** Lights that went out of use on film sets before the year, as "Carbon arc (1989)". */
const lightOutOfUse = lightListRule({
  id: 'light-out-of-use',
  severity: 'soft',
  lights: 'sources',
  year: 'productionYear',
  shown: (year) => (l) => (l.availability.to !== null && l.availability.to < year ? l.availability.to : null),
  explanation:
    'Lights that film sets stopped using (carbon arcs after HMIs replaced them) are a deliberate, hard-to-source choice in a later production.',
  message: {
    en: (d) => `Out of use on film sets by ${d.year} (last year in use): ${d.lights}.`,
    ko: (d) => `${d.year}년에는 촬영 현장에서 더 이상 쓰이지 않던 조명입니다(마지막 사용 연도): ${d.lights}.`,
  },
  sample: { lights: 'Carbon arc (1995)', year: 2020 },
})

const practicalAnachronism = lightListRule({
  id: 'practical-anachronism',
  severity: 'hard',
  lights: 'practicals',
  year: 'storyYear',
  shown: late,
  explanation: 'Practicals are seen on screen, so they must exist in the year the story takes place.',
  message: {
    en: (d) => `On-screen practicals that did not exist in the story year ${d.year}: ${d.lights}.`,
    ko: (d) => `스토리 연도 ${d.year}년에 존재하지 않던 화면 속 조명(프랙티컬)입니다: ${d.lights}.`,
  },
  sample: { lights: 'Smartphone screen (2007)', year: 1962 },
})

const offscreenModernLight = lightListRule({
  id: 'offscreen-light-period-story',
  severity: 'info',
  lights: 'sources',
  year: 'storyYear',
  shown: late,
  explanation: 'A modern film light may light a period story as long as it stays out of frame.',
  message: {
    en: (d) => `${d.lights} postdate the story year ${d.year}: fine as off-screen film lights; keep them out of frame.`,
    ko: (d) =>
      `${withJosa(d.lights, '은/는')} 스토리 연도 ${d.year}년 이후의 조명입니다: 화면 밖 촬영 조명으로는 괜찮으니 프레임에 넣지 마세요.`,
  },
  sample: { lights: 'LED panel (2002)', year: 1850 },
})

const stockDiscontinued = productionYearRule<Gear, { stock: string; to: number; year: number }>({
  id: 'stock-discontinued',
  severity: 'soft',
  field: 'film.stockId',
  pick: stock,
  explanation: 'A discontinued emulsion can only be shot from expired, scarce stock.',
  message: {
    en: (d) => `${d.stock} was discontinued in ${d.to}; in ${d.year} only expired stock exists.`,
    ko: (d) => `${withJosa(d.stock, '은/는')} ${d.to}년에 단종되어 ${d.year}년에는 유통기한이 지난 필름스톡뿐입니다.`,
  },
  found: (item, year) => {
    const to = item.availability.to
    return to === null || year <= to ? null : { stock: item.name, to, year }
  },
  sample: { stock: 'Kodak EXR 50D 5245', to: 2001, year: 2010 },
})

export const PERIOD_RULES: readonly AnyRule[] = [
  cameraNotYet,
  lensNotYet,
  stockNotYet,
  cameraNotDelivered,
  lensNotDelivered,
  stockNotDelivered,
  cameraOutOfUse,
  lensOutOfUse,
  supportNotYet,
  formatNotYet,
  aspectNotYet,
  lightNotYet,
  lightNotDelivered,
  lightOutOfUse,
  practicalAnachronism,
  offscreenModernLight,
  stockDiscontinued,
]
