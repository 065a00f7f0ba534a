// A config turned into the words every formatter draws from, resolved once per prompt.
import type { Catalog } from '../catalog/catalog'
import { cameraDisplayName, lensDisplayName, stockDisplayName } from '../catalog/display-name'
import type { CpeConfig } from '../config/cpe-config.schema'
import type { AnimationStyle } from '../presets/preset.schema'
import { buildContext } from '../rules/rule-context'
import { GAUGE } from './vocabulary'

export interface ShotDescription {
  config: CpeConfig
  animated: boolean
  style: AnimationStyle | undefined
  subject: string | undefined
  action: string | undefined
  setting: string | undefined
  details: string[]
  /** "shot on 35mm film" / "shot on ARRI ALEXA Mini"; undefined for animation and unknown gear. */
  capture: string | undefined
  lens: string | undefined
  anamorphic: boolean
  stock: string | undefined
  blackAndWhite: boolean
  aspect: { label: string; value: number } | undefined
  lights: string[]
  practicals: string[]
  /** Palette and technique phrases of the applied preset. */
  palette: string[]
  slowMotion: boolean
}

/** User text on one line, without characters that prompt syntaxes treat as markup. */
export function clean(text: string | undefined): string | undefined {
  if (text === undefined) return undefined
  const out = text.replace(/\s+/g, ' ').trim()
  return out.length === 0 ? undefined : out
}

/**
 * A catalog name as a prompt writes it: bracketed remarks ("(Mk I–III)", "(2019 relaunch)") and the
 * second gauge's product code ("5219 / 7219" → "5219") are for people choosing gear, not for captions.
 */
export function promptName(name: string): string {
  return name
    .replace(/\s*\([^()]*\)/g, '')
    .replace(/(\d{4})(?: \/ \d{4})+/g, '$1')
    .trim()
}

function captureOf(ctx: ReturnType<typeof buildContext>): string | undefined {
  const gauge = ctx.format?.gauge ?? ctx.stock?.gauges[0] ?? null
  if (ctx.body?.medium === 'film' || (ctx.body === undefined && ctx.stock !== undefined)) {
    return gauge === null ? 'shot on film' : `shot on ${GAUGE[gauge]} film`
  }
  return ctx.body === undefined ? undefined : `shot on ${promptName(cameraDisplayName(ctx.body))}`
}

/** Resolves a parsed config against the catalog into phrases (unknown ids are simply left out). */
export function describeShot(config: CpeConfig, catalog: Catalog): ShotDescription {
  const ctx = buildContext(config, catalog)
  const animated = config.kind === 'animation'
  const focal = config.camera.focalLengthMm
  const anamorphic = !animated && (ctx.lens?.squeeze ?? 1) > 1
  // Anamorphic glass is named by the flares it leaves ("anamorphic lens flares"), not twice.
  const lensName =
    ctx.lens === undefined
      ? undefined
      : promptName(lensDisplayName(ctx.lens)).replace(anamorphic ? /\s+anamorphic$/i : /$^/, '')
  const lens =
    focal === undefined
      ? lensName && `${lensName} lens`
      : `${Math.round(focal)}mm ${lensName ?? ''} lens`.replace('  ', ' ')
  const preset = ctx.preset
  const blackAndWhite = ctx.stock?.type.startsWith('bw-') === true || config.look.colourTone === 'monochrome'
  return {
    config,
    animated,
    style: ctx.style,
    subject: clean(config.content.subject),
    action: clean(config.content.action),
    setting: clean(config.content.setting),
    details: config.content.details.map(clean).filter((d): d is string => d !== undefined),
    capture: animated ? undefined : captureOf(ctx),
    lens: animated ? undefined : lens,
    anamorphic,
    stock: animated || ctx.stock === undefined ? undefined : promptName(stockDisplayName(ctx.stock)),
    blackAndWhite,
    aspect: ctx.aspect === undefined ? undefined : { label: ctx.aspect.label, value: ctx.aspect.value },
    lights: ctx.sources.map((s) => s.promptName),
    practicals: ctx.practicals.map((s) => s.promptName),
    palette: preset === undefined ? [] : [...preset.palette, ...preset.signatureTechniques],
    slowMotion: (config.camera.fps ?? 24) >= 48,
  }
}

/**
 * Whether the config names nothing a prompt could describe: no content, gear, light, framing,
 * look or style. Formatters would then only write their template words ("Cinematic film still").
 */
export function describesNothing(d: ShotDescription): boolean {
  const { lighting, shot, look, animation } = d.config
  const chosen = [
    d.subject,
    d.action,
    d.setting,
    d.capture,
    d.lens,
    d.stock,
    d.aspect,
    d.style,
    lighting.style,
    lighting.timeOfDay,
    lighting.weather,
    lighting.interior,
    shot.size,
    shot.angle,
    shot.movement,
    shot.composition,
    look.mood,
    look.colourTone,
    animation.motion,
  ]
  return (
    !d.animated &&
    !d.slowMotion &&
    chosen.every((x) => x === undefined) &&
    d.details.length === 0 &&
    d.lights.length === 0 &&
    d.practicals.length === 0 &&
    d.palette.length === 0
  )
}
