// Shared vocabularies for shot design. Values are stable ids (used in configs, presets and
// rules); display labels live in the formatters and the web catalogs.
import { z } from 'zod'

export const ShotSize = z.enum([
  'extreme-wide',
  'wide',
  'full',
  'medium-wide',
  'cowboy',
  'medium',
  'medium-close-up',
  'close-up',
  'extreme-close-up',
  'insert',
])
export type ShotSize = z.infer<typeof ShotSize>

export const CameraAngle = z.enum([
  'eye-level',
  'high',
  'low',
  'overhead',
  'birds-eye',
  'worms-eye',
  'dutch',
  'over-the-shoulder',
  'point-of-view',
])
export type CameraAngle = z.infer<typeof CameraAngle>

/** Canonical camera movements (research cpe.md §3.8). */
export const CameraMovement = z.enum([
  'static',
  'pan',
  'tilt',
  'dolly-in',
  'dolly-out',
  'truck',
  'pedestal',
  'crane-up',
  'crane-down',
  'zoom-in',
  'zoom-out',
  'dolly-zoom',
  'tracking',
  'arc',
  'handheld',
  'steadicam-follow',
  'aerial-flyover',
  'orbit',
  'whip-pan',
  'rack-focus',
])
export type CameraMovement = z.infer<typeof CameraMovement>

/** Composition techniques only; moods and movements have their own enums. */
export const Composition = z.enum([
  'centered',
  'rule-of-thirds',
  'symmetrical',
  'leading-lines',
  'frame-within-frame',
  'negative-space',
  'diagonal',
  'foreground-layering',
  'deep-staging',
  'golden-ratio',
  'headroom-tight',
  'short-side',
])
export type Composition = z.infer<typeof Composition>

export const Mood = z.enum([
  'neutral',
  'tense',
  'melancholic',
  'romantic',
  'joyful',
  'ominous',
  'mysterious',
  'serene',
  'nostalgic',
  'epic',
  'intimate',
  'dreamlike',
  'gritty',
  'whimsical',
  'eerie',
  'triumphant',
])
export type Mood = z.infer<typeof Mood>

export const ColourTone = z.enum([
  'natural',
  'warm',
  'cool',
  'teal-orange',
  'desaturated',
  'high-saturation',
  'monochrome',
  'sepia',
  'pastel',
  'bleach-bypass',
  'neon',
  'earthy',
])
export type ColourTone = z.infer<typeof ColourTone>

export const TimeOfDay = z.enum([
  'dawn',
  'sunrise',
  'morning',
  'midday',
  'afternoon',
  'golden-hour',
  'sunset',
  'blue-hour',
  'dusk',
  'night',
])
export type TimeOfDay = z.infer<typeof TimeOfDay>

export const LightingStyle = z.enum([
  'high-key',
  'low-key',
  'chiaroscuro',
  'natural',
  'motivated',
  'silhouette',
  'rembrandt',
  'butterfly',
  'split',
  'rim',
  'practical-only',
  'soft-overcast',
  'hard-sun',
  'neon-noir',
  'day-for-night',
])
export type LightingStyle = z.infer<typeof LightingStyle>

export const Weather = z.enum([
  'clear',
  'partly-cloudy',
  'overcast',
  'rain',
  'storm',
  'fog',
  'mist',
  'snow',
  'dust',
  'haze',
])
export type Weather = z.infer<typeof Weather>

/** Times of day when the sun is above the horizon (direct sunlight is possible). */
export const SUNLIT_TIMES: readonly TimeOfDay[] = ['sunrise', 'morning', 'midday', 'afternoon', 'golden-hour', 'sunset']
