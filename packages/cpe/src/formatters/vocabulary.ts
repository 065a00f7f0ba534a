// English wording of the shot vocabulary, as image and video captions phrase it.
import type { Gauge } from '../catalog/catalog.schema'
import type {
  CameraAngle,
  CameraMovement,
  ColourTone,
  Composition,
  LightingStyle,
  Mood,
  ShotSize,
  TimeOfDay,
  Weather,
} from '../catalog/enums'
import type { AnimationMotion } from '../config/cpe-config.schema'

export const SHOT_SIZE: Record<ShotSize, string> = {
  'extreme-wide': 'extreme wide shot',
  wide: 'wide shot',
  full: 'full shot',
  'medium-wide': 'medium wide shot',
  cowboy: 'cowboy shot',
  medium: 'medium shot',
  'medium-close-up': 'medium close-up shot',
  'close-up': 'close-up shot',
  'extreme-close-up': 'extreme close-up shot',
  insert: 'insert shot',
}

export const ANGLE: Record<CameraAngle, string> = {
  'eye-level': 'eye-level angle',
  high: 'high angle',
  low: 'low angle',
  overhead: 'overhead angle',
  'birds-eye': "bird's-eye view",
  'worms-eye': "worm's-eye view",
  dutch: 'Dutch angle',
  'over-the-shoulder': 'over-the-shoulder shot',
  'point-of-view': 'point-of-view shot',
}

export const COMPOSITION: Record<Composition, string> = {
  centered: 'centered composition',
  'rule-of-thirds': 'rule-of-thirds composition',
  symmetrical: 'symmetrical composition',
  'leading-lines': 'leading lines',
  'frame-within-frame': 'frame within a frame',
  'negative-space': 'generous negative space',
  diagonal: 'diagonal composition',
  'foreground-layering': 'layered foreground elements',
  'deep-staging': 'deep staging',
  'golden-ratio': 'golden-ratio composition',
  'headroom-tight': 'tight headroom',
  'short-side': 'short-side framing',
}

export const MOOD: Record<Mood, string> = {
  neutral: 'neutral',
  tense: 'tense',
  melancholic: 'melancholic',
  romantic: 'romantic',
  joyful: 'joyful',
  ominous: 'ominous',
  mysterious: 'mysterious',
  serene: 'serene',
  nostalgic: 'nostalgic',
  epic: 'epic',
  intimate: 'intimate',
  dreamlike: 'dreamlike',
  gritty: 'gritty',
  whimsical: 'whimsical',
  eerie: 'eerie',
  triumphant: 'triumphant',
}

export const TONE: Record<ColourTone, string> = {
  natural: 'natural colours',
  warm: 'warm colour palette',
  cool: 'cool colour palette',
  'teal-orange': 'teal and orange colour grade',
  desaturated: 'desaturated colours',
  'high-saturation': 'highly saturated colours',
  monochrome: 'black and white',
  sepia: 'sepia tone',
  pastel: 'pastel colours',
  'bleach-bypass': 'bleach bypass look, silvery low saturation',
  neon: 'neon colours',
  earthy: 'earthy colour palette',
}

export const TIME: Record<TimeOfDay, string> = {
  dawn: 'at dawn',
  sunrise: 'at sunrise',
  morning: 'in the morning',
  midday: 'at midday',
  afternoon: 'in the afternoon',
  'golden-hour': 'at golden hour',
  sunset: 'at sunset',
  'blue-hour': 'at blue hour',
  dusk: 'at dusk',
  night: 'at night',
}

export const WEATHER: Record<Weather, string> = {
  clear: 'clear sky',
  'partly-cloudy': 'partly cloudy sky',
  overcast: 'overcast sky',
  rain: 'rain',
  storm: 'storm',
  fog: 'fog',
  mist: 'mist',
  snow: 'falling snow',
  dust: 'dust in the air',
  haze: 'haze',
}

export const LIGHTING_STYLE: Record<LightingStyle, string> = {
  'high-key': 'high-key lighting',
  'low-key': 'low-key lighting',
  chiaroscuro: 'chiaroscuro lighting',
  natural: 'natural lighting',
  motivated: 'motivated lighting',
  silhouette: 'silhouette lighting',
  rembrandt: 'Rembrandt lighting',
  butterfly: 'butterfly lighting',
  split: 'split lighting',
  rim: 'rim lighting',
  'practical-only': 'lit only by practical lights',
  'soft-overcast': 'soft overcast light',
  'hard-sun': 'hard sunlight',
  'neon-noir': 'neon noir lighting',
  'day-for-night': 'day-for-night look',
}

/** Camera moves for video models (research §3.8): one dominant move, with direction and pace. */
export const MOVEMENT_VIDEO: Record<CameraMovement, string> = {
  static: 'static shot, locked-off camera',
  pan: 'the camera pans slowly across the scene',
  tilt: 'the camera tilts slowly upward',
  'dolly-in': 'slow push-in toward the subject',
  'dolly-out': 'the camera pulls back to reveal the scene',
  truck: 'the camera trucks sideways alongside the subject',
  pedestal: 'the camera rises vertically',
  'crane-up': 'crane shot rising over the scene',
  'crane-down': 'crane shot descending toward the subject',
  'zoom-in': 'slow zoom in',
  'zoom-out': 'slow zoom out',
  'dolly-zoom': 'dolly zoom, the background stretches while the subject stays the same size',
  tracking: 'tracking shot following the subject',
  arc: 'the camera arcs around the subject',
  handheld: 'handheld camera, subtle shake',
  'steadicam-follow': 'smooth Steadicam glide following the subject',
  'aerial-flyover': 'aerial drone shot flying over the scene',
  orbit: 'the camera orbits 180 degrees around the subject',
  'whip-pan': 'fast whip pan with motion blur',
  'rack-focus': 'focus racks from the foreground to the subject',
}

/** What a move leaves in a single still frame; most moves leave nothing. */
export const MOVEMENT_STILL: Partial<Record<CameraMovement, string>> = {
  handheld: 'handheld camera framing',
  'whip-pan': 'whip pan motion blur',
  'aerial-flyover': 'aerial view',
  'dolly-zoom': 'dolly zoom perspective distortion',
  tracking: 'motion blur from a tracking shot',
  'rack-focus': 'shallow focus shifting between planes',
}

export const GAUGE: Record<Gauge, string> = {
  '8mm': '8mm',
  super8: 'Super 8',
  '16mm': '16mm',
  super16: 'Super 16mm',
  '35mm': '35mm',
  '65mm': '65mm',
}

/** Frame cadence as video captions name it (research §5.4). */
export const CADENCE: Record<AnimationMotion, string> = {
  ones: 'animated on ones, smooth motion',
  twos: 'animated on twos',
  threes: 'limited animation on threes, held frames',
  mixed: 'mixed frame rate, stepped animation',
  'full-rate': 'full frame rate animation',
}
