// Animation: gear fields mean nothing for drawn or rendered work (stop-motion excepted), and the
// style's domain limits the virtual camera and frame cadence (research §5.4).
import type { CameraMovement } from '../catalog/enums'
import type { AnimationStyle } from '../presets/preset.schema'
import { ko } from './ko-labels'
import { withJosa } from './korean-josa'
import { type AnyRule, defineRule, type RuleContext } from './rule.types'

export interface StyleTraits {
  stopMotion: boolean
  threeD: boolean
  hybrid: boolean
  /** Illustration, manga, comic: pictures that do not move (a motion comic moves the camera only). */
  still: boolean
  rotoscope: boolean
  /** Flat 2D work: neither 3D, hybrid nor stop-motion. */
  flat: boolean
}

const traitsCache = new WeakMap<AnimationStyle, StyleTraits>()

/** Classifies a style from its free-text domain and medium (cached per record). */
export function styleTraits(style: AnimationStyle): StyleTraits {
  const cached = traitsCache.get(style)
  if (cached !== undefined) return cached
  const text = `${style.domain} ${style.medium}`.toLowerCase()
  const stopMotion = /stop[- ]?motion|clay|puppet|pixilation/.test(text)
  const threeD = /\b3d\b|\bcg\b|cgi|computer/.test(text)
  const hybrid = /hybrid|2\.5d/.test(text)
  const traits: StyleTraits = {
    stopMotion,
    threeD,
    hybrid,
    still: /illustration|manga|still|comic|storyboard/.test(text),
    rotoscope: /rotoscop/.test(text),
    flat: !stopMotion && !threeD && !hybrid,
  }
  traitsCache.set(style, traits)
  return traits
}

const MOTION_COMIC_MOVES: ReadonlySet<CameraMovement> = new Set(['static', 'pan', 'tilt', 'zoom-in', 'zoom-out'])
const ORBITS: ReadonlySet<CameraMovement> = new Set(['orbit', 'arc'])
const PARALLAX_MOVES: ReadonlySet<CameraMovement> = new Set([
  'dolly-in',
  'dolly-out',
  'truck',
  'pedestal',
  'crane-up',
  'crane-down',
  'tracking',
  'dolly-zoom',
  'aerial-flyover',
  'steadicam-follow',
])

function styleMove(ctx: RuleContext, test: (t: StyleTraits, m: CameraMovement) => boolean) {
  const { style } = ctx
  const movement = ctx.config.shot.movement
  if (style === undefined || movement === undefined || ctx.config.kind !== 'animation') return null
  return test(styleTraits(style), movement) ? { style: style.name, movement } : null
}

type StyleMove = { style: string; movement: string }
const styleMoveFields = ['animation.styleId', 'shot.movement', 'kind'] as const

const animationFieldsInLiveAction = defineRule<{ fields: string }>({
  id: 'animation-fields-in-live-action',
  severity: 'info',
  fields: ['kind', 'animation.styleId', 'animation.motion'],
  explanation: 'Animation style and frame cadence only apply to animated shots; they are ignored in live action.',
  message: {
    en: (d) => `${d.fields} only apply to animation and are ignored for live action.`,
    ko: (d) => `${withJosa(d.fields, '은/는')} 애니메이션 전용이라 실사 샷에서는 무시됩니다.`,
  },
  check: (ctx) => {
    const { kind, animation } = ctx.config
    if (kind !== 'live-action') return null
    const set = [animation.styleId && 'animation.styleId', animation.motion && 'animation.motion'].filter(Boolean)
    return set.length === 0 ? null : { fields: set.join(', ') }
  },
  sample: { fields: 'animation.motion' },
})

const cameraGearInAnimation = defineRule<{ fields: string }>({
  id: 'camera-gear-in-animation',
  severity: 'info',
  fields: ['kind', 'camera.bodyId', 'camera.lensId', 'film.stockId', 'camera.supportId', 'animation.styleId'],
  explanation:
    'Drawn and rendered animation has no physical camera; gear is read as a look reference. Stop-motion is shot on real cameras.',
  message: {
    en: (d) => `${d.fields} describe a physical camera; in animation they become a look reference only.`,
    ko: (d) => `${withJosa(d.fields, '은/는')} 실제 카메라 장비라 애니메이션에서는 룩 참고로만 쓰입니다.`,
  },
  check: (ctx) => {
    const { config, style } = ctx
    if (config.kind !== 'animation' || (style !== undefined && styleTraits(style).stopMotion)) return null
    const set = [
      config.camera.bodyId && 'camera',
      config.camera.lensId && 'lens',
      config.film.stockId && 'film stock',
      config.camera.supportId && 'support',
    ].filter(Boolean)
    return set.length === 0 ? null : { fields: set.join(', ') }
  },
  sample: { fields: 'camera, lens' },
})

const animationWithoutStyle = defineRule<Record<string, never>>({
  id: 'animation-without-style',
  severity: 'info',
  fields: ['kind', 'animation.styleId'],
  explanation: 'Without a style, prompts for an animated shot can only say "animation".',
  message: {
    en: () => 'Animated shot without an animation style: choose one so prompts can describe line, colour and motion.',
    ko: () => '애니메이션 스타일이 없는 애니메이션 샷입니다: 선, 색, 움직임을 표현하려면 스타일을 고르세요.',
  },
  check: (ctx) => (ctx.config.kind === 'animation' && ctx.config.animation.styleId === undefined ? {} : null),
  sample: {},
})

const staticStyleMoves = defineRule<StyleMove>({
  id: 'animation-static-style-moves',
  severity: 'hard',
  fields: styleMoveFields,
  explanation:
    'Illustration and manga styles are still pictures; only motion-comic camera moves (pan, tilt, zoom) apply.',
  message: {
    en: (d) => `${d.style} is a still-image style: a ${d.movement} is impossible; use static, pan, tilt or zoom.`,
    ko: (d) =>
      `${withJosa(d.style, '은/는')} 정지 이미지 스타일이라 ${d.movement} 카메라 무브먼트가 불가능합니다. 고정, 팬, 틸트, 줌을 쓰세요.`,
  },
  check: (ctx) => styleMove(ctx, (t, m) => t.still && !MOTION_COMIC_MOVES.has(m)),
  sample: { style: 'Manga page', movement: 'tracking' },
})

const flatOrbit = defineRule<StyleMove>({
  id: 'animation-2d-orbit',
  severity: 'hard',
  fields: styleMoveFields,
  explanation: 'Orbiting a subject needs a 3D scene; flat 2D artwork has no other side to show.',
  message: {
    en: (d) => `${d.style} is flat 2D: an ${d.movement} around the subject needs a 3D or hybrid style.`,
    ko: (d) =>
      `${withJosa(d.style, '은/는')} 2D 스타일이라 피사체를 도는 ${d.movement} 무브먼트에는 3D나 하이브리드 스타일이 필요합니다.`,
  },
  check: (ctx) => styleMove(ctx, (t, m) => t.flat && !t.still && ORBITS.has(m)),
  sample: { style: 'Hand-drawn cel', movement: 'orbit' },
})

const flatParallaxMove = defineRule<StyleMove>({
  id: 'animation-2d-parallax-move',
  severity: 'soft',
  fields: styleMoveFields,
  explanation: 'In 2D, moves through space are faked with multiplane parallax; they read flatter than in 3D.',
  message: {
    en: (d) => `${d.style} is 2D: a ${d.movement} will be faked with multiplane parallax.`,
    ko: (d) => `${withJosa(ko(d.style), '은/는')} 2D라 ${ko(d.movement)} 무브먼트를 멀티플레인 패럴랙스로 흉내 냅니다.`,
  },
  check: (ctx) => styleMove(ctx, (t, m) => t.flat && !t.still && PARALLAX_MOVES.has(m)),
  sample: { style: 'Hand-drawn cel', movement: 'dolly-in' },
})

const stopMotionHandheld = defineRule<StyleMove>({
  id: 'animation-stop-motion-handheld',
  severity: 'info',
  fields: styleMoveFields,
  explanation: 'Stop-motion cameras are locked down between frames; a handheld look is a deliberate, animated effect.',
  message: {
    en: (d) => `${d.style} is stop-motion: a ${d.movement} look must be animated frame by frame.`,
    ko: (d) =>
      `${withJosa(ko(d.style), '은/는')} 스톱모션이라 ${ko(d.movement)} 느낌은 프레임마다 직접 애니메이트해야 합니다.`,
  },
  check: (ctx) => styleMove(ctx, (t, m) => t.stopMotion && m === 'handheld'),
  sample: { style: 'Clay stop-motion', movement: 'handheld' },
})

type Cadence = { style: string; motion: string }

function cadence(ctx: RuleContext, test: (t: StyleTraits, motion: string) => boolean): Cadence | null {
  const { style } = ctx
  const { motion } = ctx.config.animation
  if (style === undefined || motion === undefined || ctx.config.kind !== 'animation') return null
  return test(styleTraits(style), motion) ? { style: style.name, motion } : null
}
const cadenceFields = ['animation.styleId', 'animation.motion', 'kind'] as const

const stopMotionCadence = defineRule<Cadence>({
  id: 'animation-stop-motion-cadence',
  severity: 'soft',
  fields: cadenceFields,
  explanation: 'Stop-motion is shot on ones or twos; threes looks like dropped frames.',
  message: {
    en: (d) => `${d.style} is stop-motion, usually shot on ones or twos, not ${d.motion}.`,
    ko: (d) =>
      `${withJosa(ko(d.style), '은/는')} 스톱모션이라 보통 1s나 2s로 촬영하며 ${withJosa(ko(d.motion), '은/는')} 드뭅니다.`,
  },
  check: (ctx) => cadence(ctx, (t, m) => t.stopMotion && m === 'threes'),
  sample: { style: 'Puppet stop-motion', motion: 'threes' },
})

const rotoscopeCadence = defineRule<Cadence>({
  id: 'animation-rotoscope-cadence',
  severity: 'soft',
  fields: cadenceFields,
  explanation: 'Rotoscoping traces live footage, so its timing is realistic: on ones or full rate.',
  message: {
    en: (d) => `${d.style} traces live action; ${d.motion} loses its realistic timing.`,
    ko: (d) =>
      `${withJosa(ko(d.style), '은/는')} 실사를 트레이싱하므로 ${withJosa(ko(d.motion), '으로/로')}는 사실적인 타이밍이 사라집니다.`,
  },
  check: (ctx) => cadence(ctx, (t, m) => t.rotoscope && m !== 'ones' && m !== 'full-rate'),
  sample: { style: 'Rotoscope', motion: 'threes' },
})

const motionDiffersFromStyle = defineRule<Cadence & { styleMotion: string }>({
  id: 'animation-motion-differs-from-style',
  severity: 'info',
  fields: cadenceFields,
  explanation: 'Each style has a characteristic frame cadence; departing from it changes the feel.',
  message: {
    en: (d) => `${d.style} is usually animated on ${d.styleMotion}; ${d.motion} changes its feel.`,
    ko: (d) =>
      `${withJosa(ko(d.style), '은/는')} 보통 ${withJosa(ko(d.styleMotion), '으로/로')} 움직입니다. ${withJosa(ko(d.motion), '으로/로')} 바꾸면 느낌이 달라집니다.`,
  },
  check: (ctx) => {
    const d = cadence(ctx, () => true)
    const styleMotion = ctx.style?.motion
    return d === null || styleMotion === undefined || styleMotion === d.motion ? null : { ...d, styleMotion }
  },
  sample: { style: 'Classic anime', motion: 'ones', styleMotion: 'threes' },
})

export const ANIMATION_RULES: readonly AnyRule[] = [
  animationFieldsInLiveAction,
  cameraGearInAnimation,
  animationWithoutStyle,
  staticStyleMoves,
  flatOrbit,
  flatParallaxMove,
  stopMotionHandheld,
  stopMotionCadence,
  rotoscopeCadence,
  motionDiffersFromStyle,
]
