// Format geometry: anamorphic squeeze against the format it was designed for, delivery aspect
// ratio against the frame the format records, and frame rate against the body.

import { withJosa } from './korean-josa'
import { type AnyRule, defineRule, type RuleContext } from './rule.types'
import { bodyName, lensName, round2 } from './rule-context'

/** Squeezes differing by less than this are the same design (1.8× and 1.85× glass, say). */
const SQUEEZE_TOLERANCE = 0.1
/** Frame rates at or above this play back as visible slow motion at 24 fps. */
const SLOW_MOTION_FPS = 48

/** Width ÷ height of the recorded frame after desqueeze with the chosen (or designed) squeeze. */
function desqueezedAspect(ctx: RuleContext): number | undefined {
  if (ctx.format === undefined) return undefined
  return ctx.format.nativeAspect * (ctx.lens?.squeeze ?? ctx.format.designSqueeze)
}

const anamorphicSqueezeFormat = defineRule<{ lens: string; squeeze: number; format: string; aspect: number }>({
  id: 'anamorphic-squeeze-format',
  severity: 'soft',
  fields: ['camera.lensId', 'camera.formatId', 'camera.bodyId'],
  explanation:
    'An anamorphic squeeze suits the gate it was designed for; on another gate the desqueezed frame is far wider than any delivery ratio and must be cropped.',
  message: {
    en: (d) =>
      `${d.lens} squeezes ${d.squeeze}× onto ${d.format}, giving a ${d.aspect}:1 frame after desqueeze; expect a heavy crop.`,
    ko: (d) =>
      `${d.lens}의 ${d.squeeze}× 스퀴즈를 ${d.format}에 쓰면 디스퀴즈 후 ${d.aspect}:1이 되어 크게 잘라내야 합니다.`,
  },
  check: (ctx) => {
    const { lens, format } = ctx
    if (lens === undefined || format === undefined || lens.squeeze <= 1) return null
    if (Math.abs(format.designSqueeze - lens.squeeze) < SQUEEZE_TOLERANCE) return null
    return {
      lens: lensName(lens),
      squeeze: lens.squeeze,
      format: format.name,
      aspect: round2(format.nativeAspect * lens.squeeze),
    }
  },
  sample: { lens: 'Panavision C-Series', squeeze: 2, format: 'LF Open Gate', aspect: 2.88 },
})

const anamorphicAspectMismatch = defineRule<{ lens: string; aspect: string }>({
  id: 'anamorphic-aspect-mismatch',
  severity: 'soft',
  fields: ['camera.lensId', 'camera.aspectRatioId'],
  explanation:
    'Anamorphic glass exists to fill a widescreen frame; delivering narrower than 2:1 throws most of its width away.',
  message: {
    en: (d) => `${d.lens} is anamorphic but the delivery is ${d.aspect}; most of the squeezed width is cropped.`,
    ko: (d) =>
      `${withJosa(d.lens, '은/는')} 아나모픽 렌즈인데 화면비가 ${withJosa(d.aspect, '이라/라')} 압축된 폭 대부분이 잘려 나갑니다.`,
  },
  check: (ctx) => {
    const { lens, aspect } = ctx
    if (lens === undefined || aspect === undefined || lens.squeeze <= 1 || aspect.value >= 2) return null
    return { lens: lensName(lens), aspect: aspect.label }
  },
  sample: { lens: 'Hawk V-Lite', aspect: '1.85:1' },
})

const anamorphicDesqueezeNote = defineRule<{ lens: string; squeeze: number }>({
  id: 'anamorphic-desqueeze-note',
  severity: 'info',
  fields: ['camera.lensId'],
  explanation: 'Anamorphic footage is stretched back in post; its look includes oval bokeh and horizontal flares.',
  message: {
    en: (d) =>
      `${d.lens} records a ${d.squeeze}× squeezed image: desqueeze in post; expect oval bokeh and horizontal flares.`,
    ko: (d) =>
      `${withJosa(d.lens, '은/는')} ${d.squeeze}× 압축 영상을 기록합니다: 후반에서 디스퀴즈하세요. 타원형 보케와 수평 플레어가 생깁니다.`,
  },
  check: (ctx) =>
    ctx.lens !== undefined && ctx.lens.squeeze > 1 ? { lens: lensName(ctx.lens), squeeze: ctx.lens.squeeze } : null,
  sample: { lens: 'Panavision C-Series', squeeze: 2 },
})

const anamorphicFormatSphericalLens = defineRule<{ lens: string; format: string; squeeze: number }>({
  id: 'anamorphic-format-spherical-lens',
  severity: 'soft',
  fields: ['camera.lensId', 'camera.formatId', 'camera.bodyId'],
  explanation:
    'An anamorphic gate expects squeezed glass; a spherical lens on it records an unsqueezed, narrower frame.',
  message: {
    en: (d) => `${d.format} is designed for ${d.squeeze}× anamorphic lenses, but ${d.lens} is spherical.`,
    ko: (d) =>
      `${withJosa(d.format, '은/는')} ${d.squeeze}× 아나모픽 렌즈용 포맷인데 ${withJosa(d.lens, '은/는')} 구면 렌즈입니다.`,
  },
  check: (ctx) => {
    const { lens, format } = ctx
    if (lens === undefined || format === undefined || lens.squeeze > 1 || format.designSqueeze <= 1) return null
    return { lens: lensName(lens), format: format.name, squeeze: format.designSqueeze }
  },
  sample: { lens: 'Zeiss Master Prime', format: '35 mm anamorphic', squeeze: 2 },
})

const formatAspectMismatch = defineRule<{ format: string; native: number; aspect: string; usedPercent: number }>({
  id: 'format-aspect-mismatch',
  severity: 'soft',
  fields: ['camera.aspectRatioId', 'camera.formatId', 'camera.bodyId', 'camera.lensId'],
  explanation:
    'Each format is delivered in a few ratios; extracting a very different ratio crops away much of the negative or sensor.',
  message: {
    en: (d) =>
      `${d.aspect} is not a usual delivery ratio for ${d.format} (${d.native}:1 after desqueeze); it keeps about ${d.usedPercent}% of the frame.`,
    ko: (d) =>
      `${withJosa(d.aspect, '은/는')} ${d.format}(디스퀴즈 후 ${d.native}:1)의 일반적인 화면비가 아닙니다. 프레임의 약 ${d.usedPercent}%만 사용합니다.`,
  },
  check: (ctx) => {
    const { format, aspect } = ctx
    const native = desqueezedAspect(ctx)
    if (format === undefined || aspect === undefined || native === undefined) return null
    if (format.deliveryAspectRatioIds.includes(aspect.id)) return null
    const used = Math.min(aspect.value, native) / Math.max(aspect.value, native)
    return { format: format.name, native: round2(native), aspect: aspect.label, usedPercent: Math.round(used * 100) }
  },
  sample: { format: 'Super 16', native: 1.66, aspect: '2.76:1', usedPercent: 60 },
})

const fpsAboveCameraMax = defineRule<{ body: string; fps: number; maxFps: number }>({
  id: 'fps-above-camera-max',
  severity: 'hard',
  fields: ['camera.fps', 'camera.bodyId'],
  explanation: 'A body cannot record faster than its highest frame rate.',
  message: {
    en: (d) => `${d.body} records at most ${d.maxFps} fps; ${d.fps} fps is not possible.`,
    ko: (d) => `${d.body}의 최대 프레임레이트는 ${d.maxFps} fps라 ${d.fps} fps로 촬영할 수 없습니다.`,
  },
  check: (ctx) => {
    const fps = ctx.config.camera.fps
    const max = ctx.body?.maxFps ?? null
    if (ctx.body === undefined || fps === undefined || max === null || fps <= max) return null
    return { body: bodyName(ctx.body), fps, maxFps: max }
  },
  sample: { body: 'ARRI ALEXA LF', fps: 120, maxFps: 90 },
})

const fpsSlowMotionNote = defineRule<{ fps: number; factor: number }>({
  id: 'fps-slow-motion-note',
  severity: 'info',
  fields: ['camera.fps'],
  explanation: 'Footage shot fast and played at 24 fps is slow motion; prompts should describe it as such.',
  message: {
    en: (d) => `${d.fps} fps plays back ${d.factor}× slower at 24 fps: this is a slow-motion shot.`,
    ko: (d) => `${d.fps} fps는 24 fps 재생 시 ${d.factor}배 느려집니다: 슬로모션 샷입니다.`,
  },
  check: (ctx) => {
    const fps = ctx.config.camera.fps
    return fps !== undefined && fps >= SLOW_MOTION_FPS ? { fps, factor: round2(fps / 24) } : null
  },
  sample: { fps: 120, factor: 5 },
})

export const FORMAT_RULES: readonly AnyRule[] = [
  anamorphicSqueezeFormat,
  anamorphicAspectMismatch,
  anamorphicDesqueezeNote,
  anamorphicFormatSphericalLens,
  formatAspectMismatch,
  fpsAboveCameraMax,
  fpsSlowMotionNote,
]
