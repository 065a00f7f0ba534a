// Film stock against the camera: digital bodies take no stock, a film gate takes stock of its
// gauge, and the stock's colour and balance should agree with the look and the light.
import type { Gauge } from '../catalog/catalog.schema'
import type { ColourTone } from '../catalog/enums'
import { ko } from './ko-labels'
import { withJosa } from './korean-josa'
import { type AnyRule, defineRule } from './rule.types'
import { bodyName, stockName } from './rule-context'

/** Raw stock gauges a camera gate can run (Super 16 runs single-perforated 16 mm stock). */
const STOCK_GAUGES_FOR_GATE: Record<Gauge, readonly Gauge[]> = {
  '8mm': ['8mm'],
  super8: ['super8'],
  '16mm': ['16mm'],
  super16: ['super16', '16mm'],
  '35mm': ['35mm'],
  '65mm': ['65mm'],
}

const isBlackAndWhite = (type: string): boolean => type.startsWith('bw-')

/** Tones that only a colour image can carry; sepia and desaturated grades work from B&W. */
const COLOUR_ONLY_TONES: ReadonlySet<ColourTone> = new Set([
  'warm',
  'cool',
  'teal-orange',
  'high-saturation',
  'pastel',
  'neon',
  'earthy',
])

const stockOnDigitalCamera = defineRule<{ body: string; stock: string }>({
  id: 'stock-on-digital-camera',
  severity: 'hard',
  fields: ['film.stockId', 'camera.bodyId'],
  explanation:
    'A digital body records to a sensor; there is no film in it. Describe a film look through grading instead.',
  message: {
    en: (d) => `${d.body} is digital and cannot run ${d.stock}; remove the stock or choose a film camera.`,
    ko: (d) =>
      `${withJosa(d.body, '은/는')} 디지털 카메라라 필름스톡 ${withJosa(d.stock, '을/를')} 쓸 수 없습니다. 필름스톡을 빼거나 필름 카메라를 고르세요.`,
  },
  check: (ctx) =>
    ctx.body?.medium === 'digital' && ctx.stock !== undefined
      ? { body: bodyName(ctx.body), stock: stockName(ctx.stock) }
      : null,
  sample: { body: 'ARRI ALEXA Mini', stock: 'Kodak Vision3 500T' },
})

const filmCameraWithoutStock = defineRule<{ body: string }>({
  id: 'film-camera-without-stock',
  severity: 'info',
  fields: ['film.stockId', 'camera.bodyId'],
  explanation: 'A film camera needs a stock; without one, prompts can only say "shot on film".',
  message: {
    en: (d) => `${d.body} is a film camera: choose a film stock to describe its grain and colour.`,
    ko: (d) => `${withJosa(d.body, '은/는')} 필름 카메라입니다: 입자와 색을 표현하려면 필름스톡을 고르세요.`,
  },
  check: (ctx) =>
    ctx.body?.medium === 'film' && ctx.config.film.stockId === undefined ? { body: bodyName(ctx.body) } : null,
  sample: { body: 'ARRICAM LT' },
})

const stockGaugeMismatch = defineRule<{ stock: string; gauges: string; format: string; gauge: string }>({
  id: 'stock-gauge-mismatch',
  severity: 'hard',
  fields: ['film.stockId', 'camera.formatId', 'camera.bodyId'],
  explanation: 'A film gate runs stock of one gauge; a stock never sold in that gauge cannot be loaded.',
  message: {
    en: (d) => `${d.stock} was sold in ${d.gauges}, but ${d.format} runs ${d.gauge} stock.`,
    ko: (d) =>
      `${withJosa(d.stock, '은/는')} ${d.gauges} 규격으로만 나왔는데 ${d.format}에는 ${d.gauge} 필름스톡이 필요합니다.`,
  },
  check: (ctx) => {
    const { stock, format } = ctx
    if (stock === undefined || format === undefined || format.gauge === null) return null
    const accepted = STOCK_GAUGES_FOR_GATE[format.gauge]
    if (stock.gauges.some((g) => accepted.includes(g))) return null
    return { stock: stockName(stock), gauges: stock.gauges.join(', '), format: format.name, gauge: format.gauge }
  },
  sample: { stock: 'Kodak Vision3 500T', gauges: '35mm, 16mm', format: 'IMAX 15/70', gauge: '65mm' },
})

const colourStockMonochromeTone = defineRule<{ stock: string }>({
  id: 'colour-stock-monochrome-tone',
  severity: 'soft',
  fields: ['film.stockId', 'look.colourTone'],
  explanation:
    'A monochrome look from colour negative is a grading choice; a black-and-white stock gives true B&W grain.',
  message: {
    en: (d) => `Monochrome tone on colour stock ${d.stock}: it will be a B&W grade, not B&W film grain.`,
    ko: (d) => `컬러 필름스톡 ${d.stock}에 모노크롬 색조: 흑백 필름 입자가 아닌 흑백 그레이딩이 됩니다.`,
  },
  check: (ctx) =>
    ctx.stock !== undefined && !isBlackAndWhite(ctx.stock.type) && ctx.config.look.colourTone === 'monochrome'
      ? { stock: stockName(ctx.stock) }
      : null,
  sample: { stock: 'Kodak Vision3 250D' },
})

const bwStockColourTone = defineRule<{ stock: string; tone: string }>({
  id: 'bw-stock-colour-tone',
  severity: 'soft',
  fields: ['film.stockId', 'look.colourTone'],
  explanation:
    'Black-and-white stock records no colour, so colour grades cannot be applied (tinting and sepia toning can).',
  message: {
    en: (d) => `${d.stock} is black and white; a ${d.tone} colour tone cannot come from it.`,
    ko: (d) => `${withJosa(d.stock, '은/는')} 흑백 필름스톡이라 ${ko(d.tone)} 색조를 낼 수 없습니다.`,
  },
  check: (ctx) => {
    const tone = ctx.config.look.colourTone
    if (ctx.stock === undefined || tone === undefined || !isBlackAndWhite(ctx.stock.type)) return null
    return COLOUR_ONLY_TONES.has(tone) ? { stock: stockName(ctx.stock), tone } : null
  },
  sample: { stock: 'Kodak Double-X 5222', tone: 'teal-orange' },
})

type Balance = { stock: string; balance: string; light: string; filter: string }

const stockBalanceMismatch = defineRule<Balance>({
  id: 'stock-balance-mismatch',
  severity: 'info',
  fields: ['film.stockId', 'lighting.sourceIds'],
  explanation:
    'Colour stock is balanced for tungsten (3200 K) or daylight (5500 K); under the other light it needs a correction filter or goes blue or orange.',
  message: {
    en: (d) =>
      `${d.stock} is ${d.balance}-balanced but lit by ${d.light}: use an ${d.filter} filter or keep the colour cast as a look.`,
    ko: (d) =>
      `${withJosa(d.stock, '은/는')} ${d.balance} 밸런스인데 조명이 ${d.light}입니다: ${d.filter} 필터를 쓰거나 색 편차를 룩으로 활용하세요.`,
  },
  check: (ctx) => {
    const { stock, sources } = ctx
    if (stock === undefined || stock.balance === null || sources.length === 0) return null
    if (stock.balance === 'tungsten' && sources.every((s) => s.colourTemperatureK.min >= 4500))
      return {
        stock: stockName(stock),
        balance: 'tungsten',
        light: sources.map((s) => s.name).join(', '),
        filter: '85',
      }
    if (stock.balance === 'daylight' && sources.every((s) => s.colourTemperatureK.max <= 3600))
      return {
        stock: stockName(stock),
        balance: 'daylight',
        light: sources.map((s) => s.name).join(', '),
        filter: '80A',
      }
    return null
  },
  sample: { stock: 'Kodak Vision3 500T', balance: 'tungsten', light: 'Sun', filter: '85' },
})

export const FILM_RULES: readonly AnyRule[] = [
  stockOnDigitalCamera,
  filmCameraWithoutStock,
  stockGaugeMismatch,
  colourStockMonochromeTone,
  bwStockColourTone,
  stockBalanceMismatch,
]
