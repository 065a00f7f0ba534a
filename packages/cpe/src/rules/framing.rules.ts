// Framing: focal length only advises on shot size (distance sets size; research §1.3), and some
// compositions, angles and moves need room in the frame.
import type { CameraAngle, Composition, ShotSize } from '../catalog/enums'
import { ko } from './ko-labels'
import { type AnyRule, defineRule, type RuleContext } from './rule.types'
import { cropFactor, round1 } from './rule-context'

const CLOSE: ReadonlySet<ShotSize> = new Set(['close-up', 'extreme-close-up'])
const WIDE: ReadonlySet<ShotSize> = new Set(['extreme-wide', 'wide'])
const TIGHTEST: ReadonlySet<ShotSize> = new Set(['extreme-close-up', 'insert'])
/** Full-frame-equivalent focal lengths where faces start to bulge, and where a wide needs a long walk. */
const WIDE_FOCAL_MM = 28
const LONG_FOCAL_MM = 100
const NEEDS_ROOM: ReadonlySet<Composition> = new Set([
  'deep-staging',
  'foreground-layering',
  'frame-within-frame',
  'negative-space',
  'leading-lines',
])
const OTS_SIZES: ReadonlySet<ShotSize> = new Set(['extreme-wide', 'extreme-close-up', 'insert'])
const AERIAL_SIZES: ReadonlySet<ShotSize> = new Set(['close-up', 'extreme-close-up', 'insert', 'medium-close-up'])

type FocalAdvice = { focalMm: number; equivalentMm: number; size: string }

/** Focal length as on full frame, so advice holds across formats (research §2.1). */
function equivalent(ctx: RuleContext): FocalAdvice | null {
  const focal = ctx.config.camera.focalLengthMm
  const size = ctx.config.shot.size
  if (focal === undefined || size === undefined) return null
  const crop = ctx.format === undefined ? 1 : cropFactor(ctx.format)
  return { focalMm: focal, equivalentMm: round1(focal * crop), size }
}

const focalFields = ['camera.focalLengthMm', 'shot.size', 'camera.formatId', 'camera.bodyId'] as const

const focalWideOnCloseUp = defineRule<FocalAdvice>({
  id: 'focal-wide-on-close-up',
  severity: 'info',
  fields: focalFields,
  explanation: 'A wide lens close to a face exaggerates noses and foreheads; longer lenses flatter close-ups.',
  message: {
    en: (d) =>
      `${d.focalMm} mm (≈${d.equivalentMm} mm full-frame) for a ${d.size} puts the camera very close: expect facial distortion.`,
    ko: (d) =>
      `${d.size} 샷 사이즈에 ${d.focalMm} mm (풀프레임 환산 약 ${d.equivalentMm} mm)는 카메라가 매우 가까워 얼굴이 왜곡됩니다.`,
  },
  check: (ctx) => {
    const d = equivalent(ctx)
    return d !== null && CLOSE.has(ctx.config.shot.size ?? 'wide') && d.equivalentMm < WIDE_FOCAL_MM ? d : null
  },
  sample: { focalMm: 18, equivalentMm: 26.1, size: 'close-up' },
})

const focalLongOnWide = defineRule<FocalAdvice>({
  id: 'focal-long-on-wide',
  severity: 'info',
  fields: focalFields,
  explanation: 'A long lens on a wide shot means a great camera distance and a compressed, flattened space.',
  message: {
    en: (d) =>
      `${d.focalMm} mm (≈${d.equivalentMm} mm full-frame) for a ${d.size} needs a great distance and flattens depth.`,
    ko: (d) =>
      `${d.size} 샷 사이즈에 ${d.focalMm} mm (풀프레임 환산 약 ${d.equivalentMm} mm)는 먼 거리가 필요하고 공간이 압축됩니다.`,
  },
  check: (ctx) => {
    const d = equivalent(ctx)
    return d !== null && WIDE.has(ctx.config.shot.size ?? 'close-up') && d.equivalentMm > LONG_FOCAL_MM ? d : null
  },
  sample: { focalMm: 135, equivalentMm: 195.8, size: 'wide' },
})

const compositionNeedsRoom = defineRule<{ composition: string; size: string }>({
  id: 'composition-needs-room',
  severity: 'soft',
  fields: ['shot.composition', 'shot.size'],
  explanation:
    'Layering, framing devices, leading lines and negative space need more of the scene than an extreme close-up shows.',
  message: {
    en: (d) => `${d.composition} composition needs space that a ${d.size} does not show.`,
    ko: (d) => `${ko(d.composition)} 구도는 ${ko(d.size)} 샷 사이즈에 담기지 않는 공간이 필요합니다.`,
  },
  check: (ctx) => {
    const { composition, size } = ctx.config.shot
    if (composition === undefined || size === undefined) return null
    return NEEDS_ROOM.has(composition) && TIGHTEST.has(size) ? { composition, size } : null
  },
  sample: { composition: 'deep-staging', size: 'extreme-close-up' },
})

const headroomTightOnWide = defineRule<{ size: string }>({
  id: 'headroom-tight-on-wide',
  severity: 'soft',
  fields: ['shot.composition', 'shot.size'],
  explanation: 'Tight headroom crops the top of a face; in a wide shot the figure is too small for it to matter.',
  message: {
    en: (d) => `Tight headroom has no effect in a ${d.size}; use it on close-ups.`,
    ko: (d) => `${ko(d.size)} 샷 사이즈에서는 타이트한 헤드룸이 의미가 없습니다. 클로즈업에 쓰세요.`,
  },
  check: (ctx) => {
    const { composition, size } = ctx.config.shot
    return composition === 'headroom-tight' && size !== undefined && WIDE.has(size) ? { size } : null
  },
  sample: { size: 'extreme-wide' },
})

const otsAngleSize = defineRule<{ size: string }>({
  id: 'ots-angle-size',
  severity: 'soft',
  fields: ['shot.angle', 'shot.size'],
  explanation:
    'An over-the-shoulder shot frames a shoulder and a face; an extreme wide or an insert cannot contain both.',
  message: {
    en: (d) => `An over-the-shoulder angle does not fit a ${d.size}.`,
    ko: (d) => `오버 더 숄더 앵글은 ${ko(d.size)} 샷 사이즈와 맞지 않습니다.`,
  },
  check: (ctx) => {
    const { angle, size } = ctx.config.shot
    return angle === 'over-the-shoulder' && size !== undefined && OTS_SIZES.has(size) ? { size } : null
  },
  sample: { size: 'insert' },
})

const aerialMoveOnCloseShot = defineRule<{ size: string }>({
  id: 'aerial-move-on-close-shot',
  severity: 'soft',
  fields: ['shot.movement', 'shot.size'],
  explanation: 'A flyover keeps a safe distance from people; it cannot hold a close shot.',
  message: {
    en: (d) => `An aerial flyover cannot hold a ${d.size}.`,
    ko: (d) => `에어리얼 플라이오버로는 ${ko(d.size)} 샷 사이즈를 유지할 수 없습니다.`,
  },
  check: (ctx) => {
    const { movement, size } = ctx.config.shot
    return movement === 'aerial-flyover' && size !== undefined && AERIAL_SIZES.has(size) ? { size } : null
  },
  sample: { size: 'close-up' },
})

const CANTED: ReadonlySet<CameraAngle> = new Set(['dutch'])

const dutchAngleSymmetry = defineRule<Record<string, never>>({
  id: 'dutch-angle-symmetry',
  severity: 'soft',
  fields: ['shot.angle', 'shot.composition'],
  explanation: 'A canted frame tilts every line, so a symmetrical composition cannot read as symmetrical.',
  message: {
    en: () => 'A Dutch angle breaks a symmetrical composition.',
    ko: () => '더치 앵글은 대칭 구도를 깨뜨립니다.',
  },
  check: (ctx) => {
    const { angle, composition } = ctx.config.shot
    return angle !== undefined && CANTED.has(angle) && composition === 'symmetrical' ? {} : null
  },
  sample: {},
})

export const FRAMING_RULES: readonly AnyRule[] = [
  focalWideOnCloseUp,
  focalLongOnWide,
  compositionNeedsRoom,
  headroomTightOnWide,
  otsAngleSize,
  aerialMoveOnCloseShot,
  dutchAngleSymmetry,
]
