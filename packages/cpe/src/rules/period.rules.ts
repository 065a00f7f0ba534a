// Period: gear must exist in the production year; what the audience sees must exist in the story
// year. Off-screen film lights are production gear, so a modern light on a period story is fine.
import type { Availability } from '../catalog/catalog.schema'
import type { ConfigFieldPath } from '../config/cpe-config.schema'
import { withJosa } from './korean-josa'
import { type AnyRule, defineRule, type RuleContext, type Severity } from './rule.types'
import { bodyName, lensName, stockName } from './rule-context'

type Dated = { name: string; availability: Availability }
type TooEarly = { item: string; from: number; year: number }

function notYetAvailable(
  id: string,
  field: ConfigFieldPath,
  pick: (ctx: RuleContext) => Dated | undefined,
  noun: { en: string; ko: string },
  sample: TooEarly,
  severity: Severity = 'hard',
) {
  return defineRule<TooEarly>({
    id,
    severity,
    fields: [field, 'productionYear'],
    explanation: `The ${noun.en} must exist in the production year.`,
    message: {
      en: (d) => `The ${noun.en} ${d.item} dates from ${d.from}; it did not exist in ${d.year}.`,
      ko: (d) => `${noun.ko} ${withJosa(d.item, '은/는')} ${d.from}년에 나왔으므로 ${d.year}년에는 쓸 수 없습니다.`,
    },
    check: (ctx) => {
      const year = ctx.config.productionYear
      const item = pick(ctx)
      if (year === undefined || item === undefined || item.availability.from <= year) return null
      return { item: item.name, from: item.availability.from, year }
    },
    sample,
  })
}

const named = <T extends { availability: Availability }>(
  x: T | undefined,
  name: (x: T) => string,
): Dated | undefined => (x === undefined ? undefined : { name: name(x), availability: x.availability })

const cameraNotYet = notYetAvailable(
  'camera-not-yet-available',
  'camera.bodyId',
  (c) => named(c.body, bodyName),
  {
    en: 'camera',
    ko: '카메라',
  },
  { item: 'ARRI ALEXA 35', from: 2022, year: 1999 },
)
const lensNotYet = notYetAvailable(
  'lens-not-yet-available',
  'camera.lensId',
  (c) => named(c.lens, lensName),
  {
    en: 'lens',
    ko: '렌즈',
  },
  { item: 'ARRI Signature Prime', from: 2018, year: 2005 },
)
const stockNotYet = notYetAvailable(
  'stock-not-yet-available',
  'film.stockId',
  (c) => named(c.stock, stockName),
  {
    en: 'film stock',
    ko: '필름스톡',
  },
  { item: 'Kodak Vision3 500T', from: 2007, year: 1994 },
)
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
const listLate = (lights: readonly Dated[], year: number): string | null => {
  const late = lights.filter((l) => l.availability.from > year)
  return late.length === 0 ? null : late.map((l) => `${l.name} (${l.availability.from})`).join(', ')
}

const lightNotYet = defineRule<Lights>({
  id: 'light-not-yet-available',
  severity: 'hard',
  fields: ['lighting.sourceIds', 'productionYear'],
  explanation: 'Film lights must exist in the production year (HMI from the 1970s, LED panels from the 2000s).',
  message: {
    en: (d) => `Not available in ${d.year}: ${d.lights}.`,
    ko: (d) => `${d.year}년에는 없던 조명입니다: ${d.lights}.`,
  },
  check: (ctx) => {
    const year = ctx.config.productionYear
    const lights = year === undefined ? null : listLate(ctx.sources, year)
    return year === undefined || lights === null ? null : { lights, year }
  },
  sample: { lights: 'ARRI SkyPanel (2015)', year: 1994 },
})

const practicalAnachronism = defineRule<Lights>({
  id: 'practical-anachronism',
  severity: 'hard',
  fields: ['lighting.practicalIds', 'storyYear'],
  explanation: 'Practicals are seen on screen, so they must exist in the year the story takes place.',
  message: {
    en: (d) => `On-screen practicals that did not exist in the story year ${d.year}: ${d.lights}.`,
    ko: (d) => `스토리 연도 ${d.year}년에 존재하지 않던 화면 속 조명(프랙티컬)입니다: ${d.lights}.`,
  },
  check: (ctx) => {
    const year = ctx.config.storyYear
    const lights = year === undefined ? null : listLate(ctx.practicals, year)
    return year === undefined || lights === null ? null : { lights, year }
  },
  sample: { lights: 'Smartphone screen (2007)', year: 1962 },
})

const offscreenModernLight = defineRule<Lights>({
  id: 'offscreen-light-period-story',
  severity: 'info',
  fields: ['lighting.sourceIds', 'storyYear'],
  explanation: 'A modern film light may light a period story as long as it stays out of frame.',
  message: {
    en: (d) => `${d.lights} postdate the story year ${d.year}: fine as off-screen film lights; keep them out of frame.`,
    ko: (d) =>
      `${withJosa(d.lights, '은/는')} 스토리 연도 ${d.year}년 이후의 조명입니다: 화면 밖 촬영 조명으로는 괜찮으니 프레임에 넣지 마세요.`,
  },
  check: (ctx) => {
    const year = ctx.config.storyYear
    const lights = year === undefined ? null : listLate(ctx.sources, year)
    return year === undefined || lights === null ? null : { lights, year }
  },
  sample: { lights: 'LED panel (2002)', year: 1850 },
})

const stockDiscontinued = defineRule<{ stock: string; to: number; year: number }>({
  id: 'stock-discontinued',
  severity: 'soft',
  fields: ['film.stockId', 'productionYear'],
  explanation: 'A discontinued emulsion can only be shot from expired, scarce stock.',
  message: {
    en: (d) => `${d.stock} was discontinued in ${d.to}; in ${d.year} only expired stock exists.`,
    ko: (d) => `${withJosa(d.stock, '은/는')} ${d.to}년에 단종되어 ${d.year}년에는 유통기한이 지난 필름스톡뿐입니다.`,
  },
  check: (ctx) => {
    const year = ctx.config.productionYear
    const to = ctx.stock?.availability.to ?? null
    if (ctx.stock === undefined || year === undefined || to === null || year <= to) return null
    return { stock: stockName(ctx.stock), to, year }
  },
  sample: { stock: 'Kodak EXR 50D 5245', to: 2001, year: 2010 },
})

export const PERIOD_RULES: readonly AnyRule[] = [
  cameraNotYet,
  lensNotYet,
  stockNotYet,
  supportNotYet,
  formatNotYet,
  aspectNotYet,
  lightNotYet,
  practicalAnachronism,
  offscreenModernLight,
  stockDiscontinued,
]
