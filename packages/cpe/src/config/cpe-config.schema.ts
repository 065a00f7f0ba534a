// A shot's cinematic choices. Every field is optional: the engine validates what is chosen
// and the formatters describe what is there. Ids refer to records in the catalog.
import { z } from 'zod'
import {
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

const Ref = z.string().min(1)
const Year = z.number().int().min(1880).max(2100)

export const AnimationMotion = z.enum(['ones', 'twos', 'threes', 'mixed', 'full-rate'])
export type AnimationMotion = z.infer<typeof AnimationMotion>

export const CpeConfig = z
  .object({
    /** Live action is shot with real gear; animation is drawn, modelled or stop-motion. */
    kind: z.enum(['live-action', 'animation']).default('live-action'),
    /** Year the film is made (gear must exist then). */
    productionYear: Year.optional(),
    /** Year the story takes place (what is seen on screen must exist then). */
    storyYear: Year.optional(),
    presetId: Ref.optional(),
    camera: z
      .object({
        bodyId: Ref.optional(),
        /** Capture format (sensor mode or film gate); defaults to the body's first format. */
        formatId: Ref.optional(),
        lensId: Ref.optional(),
        focalLengthMm: z.number().positive().max(2000).optional(),
        supportId: Ref.optional(),
        aspectRatioId: Ref.optional(),
        /** Frames per second the scene is shot at. */
        fps: z.number().positive().max(2000).optional(),
      })
      .strict()
      .default({}),
    film: z.object({ stockId: Ref.optional() }).strict().default({}),
    lighting: z
      .object({
        /** Sources lighting the scene (off screen or on). */
        sourceIds: z.array(Ref).default([]),
        /** Lights seen in frame as part of the story world. */
        practicalIds: z.array(Ref).default([]),
        style: LightingStyle.optional(),
        timeOfDay: TimeOfDay.optional(),
        weather: Weather.optional(),
        interior: z.boolean().optional(),
      })
      .strict()
      .default({ sourceIds: [], practicalIds: [] }),
    shot: z
      .object({
        size: ShotSize.optional(),
        angle: CameraAngle.optional(),
        movement: CameraMovement.optional(),
        composition: Composition.optional(),
      })
      .strict()
      .default({}),
    look: z
      .object({
        mood: Mood.optional(),
        colourTone: ColourTone.optional(),
      })
      .strict()
      .default({}),
    /** Animation style (only meaningful when kind = animation). */
    animation: z
      .object({
        styleId: Ref.optional(),
        motion: AnimationMotion.optional(),
      })
      .strict()
      .default({}),
    /** What the shot shows, in the user's words; the formatters build prompts around it. */
    content: z
      .object({
        subject: z.string().max(2000).optional(),
        action: z.string().max(2000).optional(),
        setting: z.string().max(2000).optional(),
        /** Extra detail phrases, most important first. */
        details: z.array(z.string().max(500)).max(50).default([]),
      })
      .strict()
      .default({ details: [] }),
  })
  .strict()

/** A config as the engine sees it, defaults filled in. */
export type CpeConfig = z.infer<typeof CpeConfig>
/** A config as a user or preset writes it: every section optional. */
export type CpeConfigInput = z.input<typeof CpeConfig>

/** Dotted paths of the fields that rules name and presets may lock. */
export const CONFIG_FIELD_PATHS = [
  'kind',
  'productionYear',
  'storyYear',
  'presetId',
  'camera.bodyId',
  'camera.formatId',
  'camera.lensId',
  'camera.focalLengthMm',
  'camera.supportId',
  'camera.aspectRatioId',
  'camera.fps',
  'film.stockId',
  'lighting.sourceIds',
  'lighting.practicalIds',
  'lighting.style',
  'lighting.timeOfDay',
  'lighting.weather',
  'lighting.interior',
  'shot.size',
  'shot.angle',
  'shot.movement',
  'shot.composition',
  'look.mood',
  'look.colourTone',
  'animation.styleId',
  'animation.motion',
] as const
export type ConfigFieldPath = (typeof CONFIG_FIELD_PATHS)[number]
