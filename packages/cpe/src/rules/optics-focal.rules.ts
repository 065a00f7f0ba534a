// Focal length against the lens family: a prime set offers listed lengths, a zoom anything between
// its ends, and only a zoom can zoom.

import { ko } from './ko-labels'
import { withJosa } from './korean-josa'
import { type AnyRule, defineRule, type RuleContext } from './rule.types'
import { lensName } from './rule-context'

/** Focal lengths are written to the millimetre; allow rounding of half a millimetre. */
const TOLERANCE_MM = 0.5

type FocalRange = { lens: string; focalMm: number; minMm: number; maxMm: number }

function outside(ctx: RuleContext, kind: 'prime' | 'zoom'): FocalRange | null {
  const { lens } = ctx
  const focal = ctx.config.camera.focalLengthMm
  if (lens === undefined || focal === undefined || lens.kind !== kind) return null
  const minMm = Math.min(...lens.focalLengthsMm)
  const maxMm = Math.max(...lens.focalLengthsMm)
  if (focal >= minMm - TOLERANCE_MM && focal <= maxMm + TOLERANCE_MM) return null
  return { lens: lensName(lens), focalMm: focal, minMm, maxMm }
}

const focalFields = ['camera.lensId', 'camera.focalLengthMm'] as const

const focalOutsideZoomRange = defineRule<FocalRange>({
  id: 'focal-outside-zoom-range',
  severity: 'hard',
  fields: focalFields,
  explanation: 'A zoom reaches any focal length between its two ends and none outside them.',
  message: {
    en: (d) => `${d.lens} zooms from ${d.minMm} to ${d.maxMm} mm; ${d.focalMm} mm is out of reach.`,
    ko: (d) => `${d.lens}의 초점거리는 ${d.minMm}–${d.maxMm} mm이므로 ${d.focalMm} mm는 불가능합니다.`,
  },
  check: (ctx) => outside(ctx, 'zoom'),
  sample: { lens: 'Angénieux Optimo 24-290', focalMm: 18, minMm: 24, maxMm: 290 },
})

const focalOutsidePrimeRange = defineRule<FocalRange>({
  id: 'focal-outside-prime-range',
  severity: 'hard',
  fields: focalFields,
  explanation: 'A prime family only contains the focal lengths it was made in.',
  message: {
    en: (d) => `${d.lens} primes run from ${d.minMm} to ${d.maxMm} mm; there is no ${d.focalMm} mm.`,
    ko: (d) => `${d.lens} 단렌즈는 ${d.minMm}–${d.maxMm} mm 구성이라 ${d.focalMm} mm 초점거리가 없습니다.`,
  },
  check: (ctx) => outside(ctx, 'prime'),
  sample: { lens: 'Zeiss Master Prime', focalMm: 300, minMm: 12, maxMm: 150 },
})

const focalNotInPrimeSet = defineRule<{ lens: string; focalMm: number; nearestMm: number }>({
  id: 'focal-not-in-prime-set',
  severity: 'soft',
  fields: focalFields,
  explanation: 'Within a prime set’s range only the listed focal lengths exist; the nearest one is suggested.',
  message: {
    en: (d) => `${d.lens} has no ${d.focalMm} mm prime; the nearest is ${d.nearestMm} mm.`,
    ko: (d) => `${d.lens}에는 ${d.focalMm} mm 단렌즈가 없습니다. 가장 가까운 초점거리는 ${d.nearestMm} mm입니다.`,
  },
  check: (ctx) => {
    const { lens } = ctx
    const focal = ctx.config.camera.focalLengthMm
    if (lens === undefined || focal === undefined || lens.kind !== 'prime') return null
    if (outside(ctx, 'prime') !== null) return null
    let nearest = lens.focalLengthsMm[0] ?? focal
    for (const f of lens.focalLengthsMm) if (Math.abs(f - focal) < Math.abs(nearest - focal)) nearest = f
    return Math.abs(nearest - focal) <= TOLERANCE_MM
      ? null
      : { lens: lensName(lens), focalMm: focal, nearestMm: nearest }
  },
  sample: { lens: 'Cooke S4/i', focalMm: 45, nearestMm: 50 },
})

const ZOOM_MOVES = new Set(['zoom-in', 'zoom-out', 'dolly-zoom'])

const zoomMoveNeedsZoomLens = defineRule<{ lens: string; movement: string }>({
  id: 'zoom-move-needs-zoom-lens',
  severity: 'hard',
  fields: ['shot.movement', 'camera.lensId'],
  explanation: 'Zooming changes focal length during the shot, which a prime lens cannot do.',
  message: {
    en: (d) => `A ${d.movement} needs a zoom lens; ${d.lens} is a prime set.`,
    ko: (d) => `${ko(d.movement)} 카메라 무브먼트에는 줌 렌즈가 필요하지만 ${withJosa(d.lens, '은/는')} 단렌즈입니다.`,
  },
  check: (ctx) => {
    const movement = ctx.config.shot.movement
    if (ctx.lens === undefined || movement === undefined || !ZOOM_MOVES.has(movement)) return null
    return ctx.lens.kind === 'prime' ? { lens: lensName(ctx.lens), movement } : null
  },
  sample: { lens: 'Zeiss Master Prime', movement: 'dolly-zoom' },
})

export const FOCAL_RULES: readonly AnyRule[] = [
  focalOutsideZoomRange,
  focalOutsidePrimeRange,
  focalNotInPrimeSet,
  zoomMoveNeedsZoomLens,
]
