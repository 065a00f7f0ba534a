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
 * A catalog name as it reads mid-sentence: "Direct sunlight" → "direct sunlight", but names with
 * other capitals keep them ("HMI 18K", "ARRI SkyPanel S60", "Kino Flo tube").
 */
export function inSentence(name: string): string {
  return /^\p{Lu}[^\p{Lu}\p{Nd}]*$/u.test(name) ? name.toLowerCase() : name
}

function captureOf(ctx: ReturnType<typeof buildContext>): string | undefined {
  const gauge = ctx.format?.gauge ?? ctx.stock?.gauges[0] ?? null
  if (ctx.body?.medium === 'film' || (ctx.body === undefined && ctx.stock !== undefined)) {
    return gauge === null ? 'shot on film' : `shot on ${GAUGE[gauge]} film`
  }
  return ctx.body === undefined ? undefined : `shot on ${cameraDisplayName(ctx.body)}`
}

/** Resolves a parsed config against the catalog into phrases (unknown ids are simply left out). */
export function describeShot(config: CpeConfig, catalog: Catalog): ShotDescription {
  const ctx = buildContext(config, catalog)
  const animated = config.kind === 'animation'
  const focal = config.camera.focalLengthMm
  const lensName = ctx.lens === undefined ? undefined : lensDisplayName(ctx.lens)
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
    anamorphic: !animated && (ctx.lens?.squeeze ?? 1) > 1,
    stock: animated || ctx.stock === undefined ? undefined : stockDisplayName(ctx.stock),
    blackAndWhite,
    aspect: ctx.aspect === undefined ? undefined : { label: ctx.aspect.label, value: ctx.aspect.value },
    lights: ctx.sources.map((s) => inSentence(s.name)),
    practicals: ctx.practicals.map((s) => inSentence(s.name)),
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
