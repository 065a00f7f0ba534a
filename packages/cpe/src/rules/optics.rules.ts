// Optics: how a lens meets a body. Mount fit comes from flange focal distance (an adapter needs
// the lens to sit further from the sensor than the body's own flange), coverage from the image
// circle against the active sensor diagonal, and focal lengths from the lens family.
import type { Catalog } from '../catalog/catalog'
import type { CameraBody, CaptureFormat, LensFamily } from '../catalog/catalog.schema'
import { withJosa } from './korean-josa'
import { type AnyRule, defineRule } from './rule.types'
import { bodyName, diagonalMm, lensName, round1 } from './rule-context'

/** Below this many mm of spare flange depth an adapter cannot be machined robustly. */
const THIN_ADAPTER_MM = 1.5
/** Coverage below this share of the diagonal shows as hard vignetting, not just soft corners. */
const FAR_TOO_SMALL = 0.93

type MountFit =
  | { kind: 'native' }
  | { kind: 'adapter'; lensMount: string; bodyMount: string; marginMm: number }
  | { kind: 'unknown-flange'; lensMount: string; bodyMount: string }
  | { kind: 'incompatible'; lensMounts: string; bodyMounts: string }

const mountName = (catalog: Catalog, id: string): string => catalog.mounts.get(id)?.name ?? id

// Keyed by record objects: a record belongs to one catalog, whose mounts it was checked against.
const fitCache = new WeakMap<LensFamily, WeakMap<CameraBody, MountFit>>()

/** mountFit, computed once per lens and body (four rules ask for it on every validate). */
function cachedMountFit(lens: LensFamily, body: CameraBody, catalog: Catalog): MountFit {
  let perLens = fitCache.get(lens)
  if (perLens === undefined) {
    perLens = new WeakMap()
    fitCache.set(lens, perLens)
  }
  let fit = perLens.get(body)
  if (fit === undefined) {
    fit = mountFit(lens, body, catalog)
    perLens.set(body, fit)
  }
  return fit
}

/** Best way to put the lens on the body: native, through an adapter, unknown, or not at all. */
function mountFit(lens: LensFamily, body: CameraBody, catalog: Catalog): MountFit {
  let adapter: MountFit | undefined
  let unknown: MountFit | undefined
  for (const lm of lens.mountIds) {
    for (const bm of body.mountIds) {
      if (lm === bm) return { kind: 'native' }
      const lf = catalog.mounts.get(lm)?.flangeMm ?? null
      const bf = catalog.mounts.get(bm)?.flangeMm ?? null
      const names = { lensMount: mountName(catalog, lm), bodyMount: mountName(catalog, bm) }
      if (lf === null || bf === null) unknown ??= { kind: 'unknown-flange', ...names }
      else if (lf > bf && (adapter?.kind !== 'adapter' || lf - bf > adapter.marginMm))
        adapter = { kind: 'adapter', ...names, marginMm: round1(lf - bf) }
    }
  }
  if (adapter !== undefined) return adapter
  if (unknown !== undefined) return unknown
  const list = (ids: string[]) => ids.map((id) => mountName(catalog, id)).join('/')
  return { kind: 'incompatible', lensMounts: list(lens.mountIds), bodyMounts: list(body.mountIds) }
}

type Pair = { lens: string; body: string }
const isFit = <K extends MountFit['kind']>(fit: MountFit, kind: K): fit is Extract<MountFit, { kind: K }> =>
  fit.kind === kind
const fitFor = <K extends MountFit['kind']>(kind: K) =>
  function check(ctx: Parameters<AnyRule['check']>[0]): (Extract<MountFit, { kind: K }> & Pair) | null {
    if (ctx.lens === undefined || ctx.body === undefined) return null
    const fit = cachedMountFit(ctx.lens, ctx.body, ctx.catalog)
    if (!isFit(fit, kind)) return null
    return { ...fit, lens: lensName(ctx.lens), body: bodyName(ctx.body) }
  }

const mountFields = ['camera.bodyId', 'camera.lensId'] as const
const adapterFit = fitFor('adapter')

const mountIncompatible = defineRule({
  id: 'mount-incompatible',
  severity: 'hard',
  fields: mountFields,
  explanation:
    'A lens can only be adapted to a body whose flange focal distance is shorter than the lens mount’s; otherwise the lens cannot focus to infinity.',
  message: {
    en: (d) =>
      `${d.lens} (${d.lensMounts}) cannot fit ${d.body} (${d.bodyMounts}): the lens mount's flange distance is not longer than the body's, so no adapter can reach infinity focus.`,
    ko: (d) =>
      `${withJosa(`${d.lens} (${d.lensMounts})`, '은/는')} ${d.body} (${d.bodyMounts})에 장착할 수 없습니다: 렌즈 마운트의 플랜지 거리가 바디보다 길지 않아 어댑터로 무한대 초점을 맞출 수 없습니다.`,
  },
  check: fitFor('incompatible'),
  sample: {
    kind: 'incompatible',
    lensMounts: 'Canon EF',
    bodyMounts: 'ARRI PL',
    lens: 'Canon L zoom',
    body: 'ARRI ALEXA Mini',
  },
})

const mountNeedsAdapter = defineRule({
  id: 'mount-needs-adapter',
  severity: 'info',
  fields: mountFields,
  explanation: 'A lens with a longer flange distance than the body can be adapted; rental houses do this routinely.',
  message: {
    en: (d) =>
      `${d.lens} needs a ${d.lensMount}-to-${d.bodyMount} adapter on ${d.body} (${d.marginMm} mm of flange depth to spare).`,
    ko: (d) =>
      `${withJosa(d.lens, '을/를')} ${d.body}에 쓰려면 ${d.lensMount}→${d.bodyMount} 렌즈 마운트 어댑터가 필요합니다 (플랜지 여유 ${d.marginMm} mm).`,
  },
  check: (ctx) => {
    const d = adapterFit(ctx)
    return d !== null && d.marginMm >= THIN_ADAPTER_MM ? d : null
  },
  sample: {
    kind: 'adapter',
    lensMount: 'Panavision PV',
    bodyMount: 'ARRI PL',
    marginMm: 5.2,
    lens: 'Panavision C-Series',
    body: 'ARRI ALEXA Mini',
  },
})

const mountAdapterThin = defineRule({
  id: 'mount-adapter-thin',
  severity: 'soft',
  fields: mountFields,
  explanation: `An adapter thinner than ${THIN_ADAPTER_MM} mm is barely manufacturable; expect a mount swap instead.`,
  message: {
    en: (d) =>
      `Only ${d.marginMm} mm separates the ${d.lensMount} and ${d.bodyMount} flanges: an adapter for ${d.lens} on ${d.body} is impractical; plan a mount swap.`,
    ko: (d) =>
      `${withJosa(d.lensMount, '와/과')} ${d.bodyMount}의 플랜지 차이가 ${d.marginMm} mm뿐이라 ${d.lens}용 어댑터는 현실적이지 않습니다. 렌즈 마운트 교체를 고려하세요.`,
  },
  check: (ctx) => {
    const d = adapterFit(ctx)
    return d !== null && d.marginMm < THIN_ADAPTER_MM ? d : null
  },
  sample: {
    kind: 'adapter',
    lensMount: 'Nikon F',
    bodyMount: 'Canon EF',
    marginMm: 1,
    lens: 'Nikkor AI-S',
    body: 'Canon C300',
  },
})

const mountFlangeUnknown = defineRule({
  id: 'mount-flange-unknown',
  severity: 'soft',
  fields: mountFields,
  explanation: 'Some rental-only mounts have no published flange distance, so adaptation cannot be checked.',
  message: {
    en: (d) =>
      `Cannot verify ${d.lens} (${d.lensMount}) on ${d.body} (${d.bodyMount}): a flange distance is undocumented.`,
    ko: (d) =>
      `${withJosa(`${d.lens} (${d.lensMount})`, '와/과')} ${d.body} (${d.bodyMount})의 호환을 확인할 수 없습니다: 플랜지 거리가 알려지지 않았습니다.`,
  },
  check: fitFor('unknown-flange'),
  sample: {
    kind: 'unknown-flange',
    lensMount: 'ARRI XPL',
    bodyMount: 'ARRI PL',
    lens: 'Prime 65',
    body: 'ARRI ALEXA Mini',
  },
})

type Coverage = { lens: string; circleMm: number; format: string; diagonalMm: number; cropFormat?: string }

/** Formats of the body (other than the active one) that the lens covers fully. */
function coveredCropMode(lens: LensFamily, body: CameraBody | undefined, active: CaptureFormat, catalog: Catalog) {
  if (body === undefined) return undefined
  for (const id of body.formatIds) {
    const f = catalog.captureFormats.get(id)
    if (f !== undefined && f.id !== active.id && lens.imageCircleMm >= diagonalMm(f)) return f
  }
  return undefined
}

function coverage(ctx: Parameters<AnyRule['check']>[0], band: 'too-small' | 'crop' | 'marginal'): Coverage | null {
  const { lens, format } = ctx
  if (lens === undefined || format === undefined) return null
  const diag = diagonalMm(format)
  const ratio = lens.imageCircleMm / diag
  if (ratio >= 1) return null
  const base = { lens: lensName(lens), circleMm: lens.imageCircleMm, format: format.name, diagonalMm: round1(diag) }
  if (ratio >= FAR_TOO_SMALL) return band === 'marginal' ? base : null
  const crop = coveredCropMode(lens, ctx.body, format, ctx.catalog)
  if (band === 'crop') return crop === undefined ? null : { ...base, cropFormat: crop.name }
  return band === 'too-small' && crop === undefined ? base : null
}

const coverageFields = ['camera.lensId', 'camera.bodyId', 'camera.formatId'] as const

const imageCircleTooSmall = defineRule<Coverage>({
  id: 'image-circle-too-small',
  severity: 'hard',
  fields: coverageFields,
  explanation:
    'A lens whose image circle is well short of the sensor diagonal vignettes hard, and the body has no smaller mode to fall back on.',
  message: {
    en: (d) =>
      `${d.lens} covers a ${d.circleMm} mm image circle but ${d.format} needs ${d.diagonalMm} mm, and the body has no crop mode it covers.`,
    ko: (d) =>
      `${d.lens}의 이미지 서클은 ${d.circleMm} mm인데 ${d.format}에는 ${d.diagonalMm} mm가 필요하고, 바디에 맞는 크롭 모드도 없습니다.`,
  },
  check: (ctx) => coverage(ctx, 'too-small'),
  sample: { lens: 'Zeiss Ultra 16', circleMm: 20, format: 'Super 35', diagonalMm: 31.1 },
})

const imageCircleCropMode = defineRule<Coverage>({
  id: 'image-circle-crop-mode',
  severity: 'soft',
  fields: coverageFields,
  explanation:
    'Large-format bodies can record a smaller sensor mode; a lens made for the smaller format works in that mode (research §2.9).',
  message: {
    en: (d) =>
      `${d.lens} (${d.circleMm} mm circle) does not cover ${d.format} (${d.diagonalMm} mm); switch to the ${d.cropFormat ?? 'crop'} mode.`,
    ko: (d) =>
      `${withJosa(`${d.lens} (이미지 서클 ${d.circleMm} mm)`, '은/는')} ${withJosa(`${d.format} (${d.diagonalMm} mm)`, '을/를')} 덮지 못합니다. ${d.cropFormat ?? '크롭'} 모드로 바꾸세요.`,
  },
  check: (ctx) => coverage(ctx, 'crop'),
  sample: {
    lens: 'Zeiss Master Prime',
    circleMm: 34.5,
    format: 'LF Open Gate',
    diagonalMm: 44.7,
    cropFormat: 'S35 crop',
  },
})

const imageCircleMarginal = defineRule<Coverage>({
  id: 'image-circle-marginal',
  severity: 'soft',
  fields: coverageFields,
  explanation: 'An image circle slightly short of the diagonal darkens and softens the corners.',
  message: {
    en: (d) =>
      `${d.lens} (${d.circleMm} mm) barely misses the ${d.diagonalMm} mm diagonal of ${d.format}: expect dark, soft corners.`,
    ko: (d) =>
      `${withJosa(`${d.lens} (${d.circleMm} mm)`, '이/가')} ${d.format}의 대각선 ${d.diagonalMm} mm에 조금 못 미칩니다: 모서리가 어둡고 흐려집니다.`,
  },
  check: (ctx) => coverage(ctx, 'marginal'),
  sample: { lens: 'Cooke S4/i', circleMm: 33, format: 'ALEXA 35 open gate', diagonalMm: 34 },
})

export const OPTICS_RULES: readonly AnyRule[] = [
  mountIncompatible,
  mountNeedsAdapter,
  mountAdapterThin,
  mountFlangeUnknown,
  imageCircleTooSmall,
  imageCircleCropMode,
  imageCircleMarginal,
]
