// Lighting physics: natural sources exist only at certain times of day, weather shapes light
// quality, and a lighting style implies which sources can exist.
import type { LightSource } from '../catalog/catalog.schema'
import { SUNLIT_TIMES, type TimeOfDay, type Weather } from '../catalog/enums'
import { ko } from './ko-labels'
import { type AnyRule, defineRule } from './rule.types'

const SUNLIT: ReadonlySet<TimeOfDay> = new Set(SUNLIT_TIMES)
const FULL_DAY: ReadonlySet<TimeOfDay> = new Set(['morning', 'midday', 'afternoon'])
const LOW_SUN: ReadonlySet<TimeOfDay> = new Set(['golden-hour', 'sunrise', 'sunset'])
const SUN_BLOCKING: ReadonlySet<Weather> = new Set(['overcast', 'storm', 'rain', 'fog', 'mist'])
/** Spread of colour temperature (K) that a camera cannot white-balance away. */
const MIXED_KELVIN = 2500

const hasKind = (lights: readonly LightSource[], kind: LightSource['kind']) => lights.some((l) => l.kind === kind)
const midKelvin = (l: LightSource) => (l.colourTemperatureK.min + l.colourTemperatureK.max) / 2

const sunAtNight = defineRule<{ time: string }>({
  id: 'sun-at-night',
  severity: 'hard',
  fields: ['lighting.sourceIds', 'lighting.timeOfDay'],
  explanation: 'Direct sunlight needs the sun above the horizon; at night, dusk, dawn or blue hour it is below.',
  message: {
    en: (d) => `The sun cannot be a light source at ${d.time}: it is below the horizon.`,
    ko: (d) => `${ko(d.time)} 시간대에는 해가 지평선 아래라 태양을 조명으로 쓸 수 없습니다.`,
  },
  check: (ctx) => {
    const time = ctx.config.lighting.timeOfDay
    return time !== undefined && !SUNLIT.has(time) && hasKind(ctx.sources, 'sun') ? { time } : null
  },
  sample: { time: 'night' },
})

const moonByDay = defineRule<{ time: string }>({
  id: 'moon-by-day',
  severity: 'soft',
  fields: ['lighting.sourceIds', 'lighting.timeOfDay'],
  explanation: 'The moon may be visible by day, but daylight outshines its light by a factor of about half a million.',
  message: {
    en: (d) => `Moonlight as a source at ${d.time} is drowned by daylight.`,
    ko: (d) => `${ko(d.time)}에는 달빛이 햇빛에 묻혀 조명이 되지 못합니다.`,
  },
  check: (ctx) => {
    const time = ctx.config.lighting.timeOfDay
    return time !== undefined && FULL_DAY.has(time) && hasKind(ctx.sources, 'moon') ? { time } : null
  },
  sample: { time: 'midday' },
})

const skylightAtNight = defineRule<Record<string, never>>({
  id: 'skylight-at-night',
  severity: 'soft',
  fields: ['lighting.sourceIds', 'lighting.timeOfDay'],
  explanation: 'Skylight is scattered sunlight; at night the sky gives almost none.',
  message: {
    en: () => 'Skylight as a source at night gives almost no light; use moonlight or artificial sources.',
    ko: () => '밤에는 하늘빛이 거의 없습니다: 달빛이나 인공 조명을 쓰세요.',
  },
  check: (ctx) => (ctx.config.lighting.timeOfDay === 'night' && hasKind(ctx.sources, 'sky') ? {} : null),
  sample: {},
})

const goldenHourOvercast = defineRule<{ time: string; weather: string }>({
  id: 'golden-hour-overcast',
  severity: 'soft',
  fields: ['lighting.timeOfDay', 'lighting.weather'],
  explanation: 'Golden-hour light is low, direct sun; a cloud deck blocks it and leaves flat, cool light.',
  message: {
    en: (d) => `${d.time} light needs a clear horizon; under ${d.weather} skies there is no warm low sun.`,
    ko: (d) => `${ko(d.time)} 빛은 맑은 지평선이 필요합니다: ${ko(d.weather)} 날씨에는 낮고 따뜻한 햇빛이 없습니다.`,
  },
  check: (ctx) => {
    const { timeOfDay: time, weather } = ctx.config.lighting
    if (time === undefined || weather === undefined || !LOW_SUN.has(time)) return null
    return weather === 'overcast' || weather === 'storm' ? { time, weather } : null
  },
  sample: { time: 'golden-hour', weather: 'overcast' },
})

const dayForNightNeedsNight = defineRule<{ time: string }>({
  id: 'day-for-night-needs-night',
  severity: 'hard',
  fields: ['lighting.style', 'lighting.timeOfDay'],
  explanation: 'Day-for-night shoots in daylight to depict night; the story time must be night.',
  message: {
    en: (d) => `Day-for-night depicts night, but the time of day is ${d.time}.`,
    ko: (d) => `데이 포 나이트는 밤을 표현하는 기법인데 시간대가 ${ko(d.time)}입니다.`,
  },
  check: (ctx) => {
    const { style, timeOfDay } = ctx.config.lighting
    return style === 'day-for-night' && timeOfDay !== undefined && timeOfDay !== 'night' ? { time: timeOfDay } : null
  },
  sample: { time: 'midday' },
})

const hardSunBlocked = defineRule<{ weather: string }>({
  id: 'hard-sun-overcast',
  severity: 'soft',
  fields: ['lighting.style', 'lighting.weather'],
  explanation: 'Hard sunlight casts crisp shadows only when nothing diffuses the sun.',
  message: {
    en: (d) => `Hard-sun lighting under ${d.weather} conditions: clouds or haze soften the shadows.`,
    ko: (d) =>
      `${ko(d.weather)} 날씨에서는 강한 직사광 조명이 불가능합니다: 구름이나 안개가 그림자를 부드럽게 만듭니다.`,
  },
  check: (ctx) => {
    const { style, weather } = ctx.config.lighting
    return style === 'hard-sun' && weather !== undefined && SUN_BLOCKING.has(weather) ? { weather } : null
  },
  sample: { weather: 'fog' },
})

const lowKeyExteriorMidday = defineRule<Record<string, never>>({
  id: 'low-key-exterior-midday',
  severity: 'soft',
  fields: ['lighting.style', 'lighting.timeOfDay', 'lighting.interior'],
  explanation:
    'A midday exterior is flooded with sky light; low-key needs heavy negative fill or an interior (research §2.8).',
  message: {
    en: () => 'Low-key lighting on a midday exterior needs heavy negative fill or overhead cover.',
    ko: () => '한낮 야외에서 로우키 조명을 하려면 강한 네거티브 필이나 상부 차광이 필요합니다.',
  },
  check: (ctx) => {
    const { style, timeOfDay, interior } = ctx.config.lighting
    return style === 'low-key' && timeOfDay === 'midday' && interior === false ? {} : null
  },
  sample: {},
})

const practicalOnlyWithoutPracticals = defineRule<Record<string, never>>({
  id: 'practical-only-without-practicals',
  severity: 'soft',
  fields: ['lighting.style', 'lighting.practicalIds'],
  explanation: 'Practical-only lighting comes from lamps seen in frame; name them so the prompt can show them.',
  message: {
    en: () =>
      'Practical-only lighting with no practicals chosen: add the lamps, candles or screens that light the scene.',
    ko: () => '프랙티컬 조명만 쓰는 스타일인데 화면 속 조명이 없습니다: 장면을 비추는 램프, 촛불, 화면을 추가하세요.',
  },
  check: (ctx) =>
    ctx.config.lighting.style === 'practical-only' && ctx.config.lighting.practicalIds.length === 0 ? {} : null,
  sample: {},
})

const practicalOnlyWithFilmLights = defineRule<{ lights: string }>({
  id: 'practical-only-with-film-lights',
  severity: 'soft',
  fields: ['lighting.style', 'lighting.sourceIds'],
  explanation: 'Off-screen film lights contradict a practical-only style.',
  message: {
    en: (d) => `Practical-only lighting, yet off-screen film lights are listed: ${d.lights}.`,
    ko: (d) => `프랙티컬 조명만 쓰는 스타일인데 화면 밖 촬영 조명이 있습니다: ${d.lights}.`,
  },
  check: (ctx) => {
    if (ctx.config.lighting.style !== 'practical-only') return null
    const film = ctx.sources.filter((s) => !s.practical && !s.natural)
    return film.length === 0 ? null : { lights: film.map((s) => s.name).join(', ') }
  },
  sample: { lights: 'HMI 18K' },
})

const mixedColourTemperature = defineRule<{ lowK: number; highK: number }>({
  id: 'mixed-colour-temperature',
  severity: 'info',
  fields: ['lighting.sourceIds', 'lighting.practicalIds'],
  explanation:
    'Sources far apart in colour temperature cannot all be white at once; gel them or use the contrast as a look.',
  message: {
    en: (d) =>
      `Sources range from about ${d.lowK} K to ${d.highK} K: gel to match or keep the warm/cool contrast deliberately.`,
    ko: (d) =>
      `조명의 색온도가 약 ${d.lowK} K에서 ${d.highK} K까지 차이 납니다: 젤로 맞추거나 따뜻함/차가움 대비를 의도적으로 쓰세요.`,
  },
  check: (ctx) => {
    let low = Number.POSITIVE_INFINITY
    let high = 0
    for (const list of [ctx.sources, ctx.practicals]) {
      for (const l of list) {
        low = Math.min(low, midKelvin(l))
        high = Math.max(high, midKelvin(l))
      }
    }
    return high - low > MIXED_KELVIN ? { lowK: Math.round(low), highK: Math.round(high) } : null
  },
  sample: { lowK: 1900, highK: 5600 },
})

const nightExteriorUnmotivated = defineRule<Record<string, never>>({
  id: 'night-exterior-unmotivated',
  severity: 'info',
  fields: ['lighting.timeOfDay', 'lighting.interior', 'lighting.sourceIds', 'lighting.practicalIds'],
  explanation: 'A night exterior needs a motivating source (moon, street light, fire) or it reads as black.',
  message: {
    en: () => 'Night exterior with no light sources: add moonlight, street lights or another motivating source.',
    ko: () => '조명이 없는 야간 야외 장면입니다: 달빛, 가로등 등 동기가 되는 조명을 추가하세요.',
  },
  check: (ctx) => {
    const l = ctx.config.lighting
    const lit = l.sourceIds.length > 0 || l.practicalIds.length > 0
    return l.timeOfDay === 'night' && l.interior === false && !lit ? {} : null
  },
  sample: {},
})

export const LIGHTING_RULES: readonly AnyRule[] = [
  sunAtNight,
  moonByDay,
  skylightAtNight,
  goldenHourOvercast,
  dayForNightNeedsNight,
  hardSunBlocked,
  lowKeyExteriorMidday,
  practicalOnlyWithoutPracticals,
  practicalOnlyWithFilmLights,
  mixedColourTemperature,
  nightExteriorUnmotivated,
]
