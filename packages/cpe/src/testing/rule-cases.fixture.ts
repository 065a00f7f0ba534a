// One triggering config and one near miss per rule, against the fixture catalog. The rules test
// fails when a rule has no case here, so every new rule must come with both.
import type { CpeConfigInput } from '../config/cpe-config.schema'

export interface RuleCase {
  hit: CpeConfigInput
  miss: CpeConfigInput
}

type Camera = NonNullable<CpeConfigInput['camera']>
type Lighting = NonNullable<CpeConfigInput['lighting']>
type Shot = NonNullable<CpeConfigInput['shot']>
type Animation = NonNullable<CpeConfigInput['animation']>

const cam = (camera: Camera, extra: CpeConfigInput = {}): CpeConfigInput => ({ ...extra, camera })
const light = (lighting: Lighting, extra: CpeConfigInput = {}): CpeConfigInput => ({ ...extra, lighting })
const shot = (s: Shot, extra: CpeConfigInput = {}): CpeConfigInput => ({ ...extra, shot: s })
const anim = (animation: Animation, s: Shot = {}): CpeConfigInput => ({ kind: 'animation', animation, shot: s })
const stock = (stockId: string, extra: CpeConfigInput = {}): CpeConfigInput => ({ ...extra, film: { stockId } })
const year = (productionYear: number, extra: CpeConfigInput): CpeConfigInput => ({ ...extra, productionYear })
const noir = (extra: CpeConfigInput, stockId = 'double-x'): CpeConfigInput => ({
  presetId: 'test-noir',
  film: { stockId },
  lighting: { style: 'low-key' },
  ...extra,
})

export const RULE_CASES: Record<string, RuleCase> = {
  'unknown-reference': { hit: cam({ lensId: 'nope' }), miss: cam({ lensId: 'master-prime' }) },
  'format-not-on-body': {
    hit: cam({ bodyId: 'alexa-mini', formatId: 'lf-open-gate' }),
    miss: cam({ bodyId: 'alexa-lf', formatId: 'lf-open-gate' }),
  },
  'animation-style-wrong-kind': { hit: anim({ styleId: 'test-noir' }), miss: anim({ styleId: 'test-cel' }) },
  'mount-incompatible': {
    hit: cam({ bodyId: 'alexa-mini', lensId: 'ef-zoom' }),
    miss: cam({ bodyId: 'eos-digital', lensId: 'ef-zoom' }),
  },
  'mount-needs-adapter': {
    hit: cam({ bodyId: 'alexa-mini', lensId: 'c-series' }),
    miss: cam({ bodyId: 'panaflex-gold', lensId: 'c-series' }),
  },
  'mount-adapter-thin': {
    hit: cam({ bodyId: 'eos-digital', lensId: 'minolta' }),
    miss: cam({ bodyId: 'eos-digital', lensId: 'nikkor' }),
  },
  'mount-flange-unknown': {
    hit: cam({ bodyId: 'alexa-65', lensId: 'master-prime' }),
    miss: cam({ bodyId: 'alexa-65', lensId: 'prime-65' }),
  },
  'image-circle-too-small': {
    hit: cam({ bodyId: 'alexa-mini', lensId: 'tiny-circle' }),
    miss: cam({ bodyId: 'aaton-xtr', lensId: 'tiny-circle' }),
  },
  'image-circle-crop-mode': {
    hit: cam({ bodyId: 'alexa-lf', lensId: 'master-prime' }),
    miss: cam({ bodyId: 'alexa-lf', formatId: 'lf-s35-crop', lensId: 'master-prime' }),
  },
  'image-circle-marginal': {
    hit: cam({ bodyId: 'alexa-mini', lensId: 'wide-circle-prime' }),
    miss: cam({ bodyId: 'alexa-mini', lensId: 'master-prime' }),
  },
  'focal-outside-zoom-range': {
    hit: cam({ lensId: 'optimo-24-290', focalLengthMm: 18 }),
    miss: cam({ lensId: 'optimo-24-290', focalLengthMm: 24 }),
  },
  'focal-outside-prime-range': {
    hit: cam({ lensId: 'master-prime', focalLengthMm: 200 }),
    miss: cam({ lensId: 'master-prime', focalLengthMm: 135 }),
  },
  'focal-not-in-prime-set': {
    hit: cam({ lensId: 'master-prime', focalLengthMm: 45 }),
    miss: cam({ lensId: 'master-prime', focalLengthMm: 50 }),
  },
  'zoom-move-needs-zoom-lens': {
    hit: cam({ lensId: 'master-prime' }, { shot: { movement: 'zoom-in' } }),
    miss: cam({ lensId: 'optimo-24-290' }, { shot: { movement: 'zoom-in' } }),
  },
  'anamorphic-squeeze-format': {
    hit: cam({ bodyId: 'alexa-mini', lensId: 'c-series' }),
    miss: cam({ bodyId: 'panaflex-gold', lensId: 'c-series' }),
  },
  'anamorphic-aspect-mismatch': {
    hit: cam({ lensId: 'c-series', aspectRatioId: '1-85' }),
    miss: cam({ lensId: 'c-series', aspectRatioId: '2-39' }),
  },
  'anamorphic-desqueeze-note': { hit: cam({ lensId: 'c-series' }), miss: cam({ lensId: 'master-prime' }) },
  'anamorphic-format-spherical-lens': {
    hit: cam({ bodyId: 'arricam-lt', formatId: 'film-35-anamorphic', lensId: 'master-prime' }),
    miss: cam({ bodyId: 'arricam-lt', formatId: 'film-s35', lensId: 'master-prime' }),
  },
  'format-aspect-mismatch': {
    hit: cam({ bodyId: 'aaton-xtr', aspectRatioId: '2-76' }),
    miss: cam({ bodyId: 'aaton-xtr', aspectRatioId: '1-66' }),
  },
  'fps-above-camera-max': { hit: cam({ bodyId: 'alexa-lf', fps: 120 }), miss: cam({ bodyId: 'alexa-lf', fps: 60 }) },
  'fps-slow-motion-note': { hit: cam({ fps: 120 }), miss: cam({ fps: 24 }) },
  'stock-on-digital-camera': {
    hit: stock('vision3-500t', cam({ bodyId: 'alexa-mini' })),
    miss: stock('vision3-500t', cam({ bodyId: 'arricam-lt' })),
  },
  'film-camera-without-stock': {
    hit: cam({ bodyId: 'arricam-lt' }),
    miss: stock('vision3-500t', cam({ bodyId: 'arricam-lt' })),
  },
  'stock-gauge-mismatch': {
    hit: stock('super8-reversal', cam({ bodyId: 'arricam-lt' })),
    miss: stock('vision3-500t', cam({ bodyId: 'aaton-xtr' })),
  },
  'colour-stock-monochrome-tone': {
    hit: stock('vision3-250d', { look: { colourTone: 'monochrome' } }),
    miss: stock('double-x', { look: { colourTone: 'monochrome' } }),
  },
  'bw-stock-colour-tone': {
    hit: stock('double-x', { look: { colourTone: 'teal-orange' } }),
    miss: stock('double-x', { look: { colourTone: 'sepia' } }),
  },
  'stock-balance-mismatch': {
    hit: stock('vision3-500t', light({ sourceIds: ['sun'] })),
    miss: stock('vision3-500t', light({ sourceIds: ['tungsten-fresnel'] })),
  },
  'camera-not-yet-available': {
    hit: year(1990, cam({ bodyId: 'alexa-mini' })),
    miss: year(2016, cam({ bodyId: 'alexa-mini' })),
  },
  'lens-not-yet-available': {
    hit: year(1990, cam({ lensId: 'signature-prime' })),
    miss: year(2019, cam({ lensId: 'signature-prime' })),
  },
  'stock-not-yet-available': { hit: year(1990, stock('vision3-500t')), miss: year(2010, stock('vision3-500t')) },
  'camera-not-yet-delivered': {
    hit: year(2014, cam({ bodyId: 'alexa-mini' })),
    miss: year(2015, cam({ bodyId: 'alexa-mini' })),
  },
  'lens-not-yet-delivered': {
    hit: year(2017, cam({ lensId: 'signature-prime' })),
    miss: year(2018, cam({ lensId: 'signature-prime' })),
  },
  'stock-not-yet-delivered': { hit: year(2018, stock('super8-reversal')), miss: year(2019, stock('super8-reversal')) },
  'camera-out-of-use': {
    hit: year(1990, cam({ bodyId: 'mitchell-bnc' })),
    miss: year(1985, cam({ bodyId: 'mitchell-bnc' })),
  },
  'lens-out-of-use': { hit: year(1990, cam({ lensId: 'baltar' })), miss: year(1980, cam({ lensId: 'baltar' })) },
  'support-not-yet-available': {
    hit: year(1990, cam({ supportId: 'drone' })),
    miss: year(2015, cam({ supportId: 'drone' })),
  },
  'format-not-yet-available': {
    hit: year(1990, cam({ formatId: 'lf-open-gate' })),
    miss: year(2019, cam({ formatId: 'lf-open-gate' })),
  },
  'aspect-ratio-not-yet-available': {
    hit: year(1960, cam({ aspectRatioId: '2-39' })),
    miss: year(1975, cam({ aspectRatioId: '2-39' })),
  },
  'light-not-yet-available': {
    hit: year(1960, light({ sourceIds: ['hmi'] })),
    miss: year(1980, light({ sourceIds: ['hmi'] })),
  },
  'light-not-yet-delivered': {
    hit: year(1970, light({ sourceIds: ['hmi'] })),
    miss: year(1972, light({ sourceIds: ['hmi'] })),
  },
  'light-out-of-use': {
    hit: year(2020, light({ sourceIds: ['carbon-arc'] })),
    miss: year(1989, light({ sourceIds: ['carbon-arc'] })),
  },
  'practical-anachronism': {
    hit: light({ practicalIds: ['smartphone'] }, { storyYear: 1962 }),
    miss: light({ practicalIds: ['smartphone'] }, { storyYear: 2010 }),
  },
  'offscreen-light-period-story': {
    hit: light({ sourceIds: ['led-panel'] }, { storyYear: 1900 }),
    miss: light({ sourceIds: ['sun'] }, { storyYear: 1900 }),
  },
  'stock-discontinued': { hit: year(2010, stock('exr-50d')), miss: year(1995, stock('exr-50d')) },
  'payload-exceeded': {
    hit: cam({ bodyId: 'alexa-lf', lensId: 'signature-prime', supportId: 'small-gimbal' }),
    miss: cam({ bodyId: 'alexa-lf', lensId: 'signature-prime', supportId: 'ronin-2' }),
  },
  'payload-near-limit': {
    hit: cam({ bodyId: 'alexa-65', lensId: 'prime-65', supportId: 'ronin-2' }),
    miss: cam({ bodyId: 'alexa-lf', lensId: 'signature-prime', supportId: 'ronin-2' }),
  },
  'movement-not-supported': {
    hit: cam({ supportId: 'tripod' }, { shot: { movement: 'truck' } }),
    miss: cam({ supportId: 'tripod' }, { shot: { movement: 'pan' } }),
  },
  'handheld-heavy-rig': {
    hit: cam({ bodyId: 'alexa-lf', lensId: 'signature-prime', supportId: 'handheld' }),
    miss: cam({ bodyId: 'alexa-mini', lensId: 'master-prime', supportId: 'handheld' }),
  },
  'handheld-studio-camera': {
    hit: cam({ bodyId: 'mitchell-bnc', supportId: 'handheld' }),
    miss: cam({ bodyId: 'mitchell-bnc', supportId: 'dolly' }),
  },
  'sun-at-night': {
    hit: light({ sourceIds: ['sun'], timeOfDay: 'night' }),
    miss: light({ sourceIds: ['sun'], timeOfDay: 'afternoon' }),
  },
  'moon-by-day': {
    hit: light({ sourceIds: ['moon'], timeOfDay: 'midday' }),
    miss: light({ sourceIds: ['moon'], timeOfDay: 'night' }),
  },
  'skylight-at-night': {
    hit: light({ sourceIds: ['sky'], timeOfDay: 'night' }),
    miss: light({ sourceIds: ['sky'], timeOfDay: 'midday' }),
  },
  'golden-hour-overcast': {
    hit: light({ timeOfDay: 'golden-hour', weather: 'overcast' }),
    miss: light({ timeOfDay: 'golden-hour', weather: 'clear' }),
  },
  'day-for-night-needs-night': {
    hit: light({ style: 'day-for-night', timeOfDay: 'midday' }),
    miss: light({ style: 'day-for-night', timeOfDay: 'night' }),
  },
  'hard-sun-overcast': {
    hit: light({ style: 'hard-sun', weather: 'fog' }),
    miss: light({ style: 'hard-sun', weather: 'clear' }),
  },
  'low-key-exterior-midday': {
    hit: light({ style: 'low-key', timeOfDay: 'midday', interior: false }),
    miss: light({ style: 'low-key', timeOfDay: 'midday', interior: true }),
  },
  'practical-only-without-practicals': {
    hit: light({ style: 'practical-only' }),
    miss: light({ style: 'practical-only', practicalIds: ['candle'] }),
  },
  'practical-only-with-film-lights': {
    hit: light({ style: 'practical-only', practicalIds: ['candle'], sourceIds: ['hmi'] }),
    miss: light({ style: 'practical-only', practicalIds: ['candle'] }),
  },
  'mixed-colour-temperature': {
    hit: light({ sourceIds: ['hmi'], practicalIds: ['candle'] }),
    miss: light({ sourceIds: ['tungsten-fresnel'], practicalIds: ['candle'] }),
  },
  'night-exterior-unmotivated': {
    hit: light({ timeOfDay: 'night', interior: false }),
    miss: light({ timeOfDay: 'night', interior: false, sourceIds: ['moon'] }),
  },
  'focal-wide-on-close-up': {
    hit: cam({ focalLengthMm: 18 }, { shot: { size: 'close-up' } }),
    miss: cam({ focalLengthMm: 50 }, { shot: { size: 'close-up' } }),
  },
  'focal-long-on-wide': {
    hit: cam({ focalLengthMm: 135 }, { shot: { size: 'wide' } }),
    miss: cam({ focalLengthMm: 35 }, { shot: { size: 'wide' } }),
  },
  'composition-needs-room': {
    hit: shot({ composition: 'deep-staging', size: 'extreme-close-up' }),
    miss: shot({ composition: 'deep-staging', size: 'wide' }),
  },
  'headroom-tight-on-wide': {
    hit: shot({ composition: 'headroom-tight', size: 'wide' }),
    miss: shot({ composition: 'headroom-tight', size: 'close-up' }),
  },
  'ots-angle-size': {
    hit: shot({ angle: 'over-the-shoulder', size: 'insert' }),
    miss: shot({ angle: 'over-the-shoulder', size: 'medium' }),
  },
  'aerial-move-on-close-shot': {
    hit: shot({ movement: 'aerial-flyover', size: 'close-up' }),
    miss: shot({ movement: 'aerial-flyover', size: 'extreme-wide' }),
  },
  'dutch-angle-symmetry': {
    hit: shot({ angle: 'dutch', composition: 'symmetrical' }),
    miss: shot({ angle: 'dutch', composition: 'diagonal' }),
  },
  'mood-high-key-dark': {
    hit: light({ style: 'high-key' }, { look: { mood: 'ominous' } }),
    miss: light({ style: 'high-key' }, { look: { mood: 'joyful' } }),
  },
  'mood-low-key-bright': {
    hit: light({ style: 'low-key' }, { look: { mood: 'joyful' } }),
    miss: light({ style: 'low-key' }, { look: { mood: 'tense' } }),
  },
  'mood-calm-frantic-move': {
    hit: shot({ movement: 'whip-pan' }, { look: { mood: 'serene' } }),
    miss: shot({ movement: 'dolly-in' }, { look: { mood: 'serene' } }),
  },
  'teal-orange-before-digital-grading': {
    hit: year(1985, { look: { colourTone: 'teal-orange' } }),
    miss: year(2010, { look: { colourTone: 'teal-orange' } }),
  },
  'animation-fields-in-live-action': {
    hit: { kind: 'live-action', animation: { motion: 'twos' } },
    miss: { kind: 'animation', animation: { motion: 'twos' } },
  },
  'camera-gear-in-animation': {
    hit: { ...anim({ styleId: 'test-cel' }), camera: { bodyId: 'alexa-mini' } },
    miss: { ...anim({ styleId: 'test-clay' }), camera: { bodyId: 'alexa-mini' } },
  },
  'animation-without-style': { hit: { kind: 'animation' }, miss: anim({ styleId: 'test-cel' }) },
  'animation-static-style-moves': {
    hit: anim({ styleId: 'test-manga' }, { movement: 'tracking' }),
    miss: anim({ styleId: 'test-manga' }, { movement: 'pan' }),
  },
  'animation-2d-orbit': {
    hit: anim({ styleId: 'test-cel' }, { movement: 'orbit' }),
    miss: anim({ styleId: 'test-cg' }, { movement: 'orbit' }),
  },
  'animation-2d-parallax-move': {
    hit: anim({ styleId: 'test-cel' }, { movement: 'dolly-in' }),
    miss: anim({ styleId: 'test-cg' }, { movement: 'dolly-in' }),
  },
  'animation-stop-motion-handheld': {
    hit: anim({ styleId: 'test-clay' }, { movement: 'handheld' }),
    miss: anim({ styleId: 'test-clay' }, { movement: 'static' }),
  },
  'animation-stop-motion-cadence': {
    hit: anim({ styleId: 'test-clay', motion: 'threes' }),
    miss: anim({ styleId: 'test-clay', motion: 'twos' }),
  },
  'animation-rotoscope-cadence': {
    hit: anim({ styleId: 'test-roto', motion: 'threes' }),
    miss: anim({ styleId: 'test-roto', motion: 'ones' }),
  },
  'animation-motion-differs-from-style': {
    hit: anim({ styleId: 'test-cel', motion: 'ones' }),
    miss: anim({ styleId: 'test-cel', motion: 'twos' }),
  },
  'preset-lock-changed': { hit: noir({}, 'vision3-500t'), miss: noir({}) },
  'preset-mood-conflict': { hit: noir({ look: { mood: 'joyful' } }), miss: noir({ look: { mood: 'tense' } }) },
  'preset-kind-mismatch': { hit: noir({ kind: 'animation' }), miss: noir({ kind: 'live-action' }) },
  'preset-gear-undocumented': {
    hit: noir({ camera: { bodyId: 'arricam-lt' } }),
    miss: noir({ camera: { bodyId: 'mitchell-bnc' } }),
  },
}
