// Translated names of config fields and vocabulary values. Keys are built from typed unions,
// so a missing translation is a type error rather than a raw key on screen.
import type {
  AnimationMotion,
  CameraAngle,
  CameraMovement,
  ColourTone,
  Composition,
  ConfigFieldPath,
  LightingStyle,
  Mood,
  ShotSize,
  TimeOfDay,
  Weather,
} from '@aipipeline/cpe'
import type { TFunction } from 'i18next'

/** The label of a config field in the UI language. */
export function fieldLabel(t: TFunction, field: ConfigFieldPath): string {
  return t(`promptEngine.fields.${field}`)
}

export interface VocabularyValues {
  shotSize: ShotSize
  angle: CameraAngle
  movement: CameraMovement
  composition: Composition
  mood: Mood
  colourTone: ColourTone
  timeOfDay: TimeOfDay
  lightingStyle: LightingStyle
  weather: Weather
  motion: AnimationMotion
}

type VocabularyKey = {
  [K in keyof VocabularyValues]: `promptEngine.enums.${K}.${VocabularyValues[K]}`
}[keyof VocabularyValues]

/** The label of a vocabulary value (shot size, mood…) in the UI language. */
export function vocabularyLabel<K extends keyof VocabularyValues>(
  t: TFunction,
  kind: K,
  value: VocabularyValues[K],
): string {
  // TypeScript cannot evaluate a template over a generic key; by construction it is a VocabularyKey.
  const key = `promptEngine.enums.${kind}.${value}` as VocabularyKey
  return t(key)
}
