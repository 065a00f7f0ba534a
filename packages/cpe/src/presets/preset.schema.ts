// Presets: documented looks of real films, and animation styles. Applying one fills a
// config and may lock fields; `intendedViolations` documents any soft/info violation the
// preset carries on purpose (a period film that breaks a modern convention, say).
import { z } from 'zod'
import { Confidence, Source } from '../catalog/catalog.schema'
import { Mood } from '../catalog/enums'
import { AnimationMotion, CONFIG_FIELD_PATHS, CpeConfig } from '../config/cpe-config.schema'

const Id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'kebab-case id')
const FieldPath = z.enum(CONFIG_FIELD_PATHS)

const IntendedViolation = z.object({ ruleId: z.string().min(1), reason: z.string().min(5) }).strict()

const presetCommon = {
  id: Id,
  /** Config the preset fills in (any subset of a full config). */
  config: CpeConfig.partial(),
  /** Fields the user may not change while the preset is applied. */
  locks: z.array(FieldPath).default([]),
  /** Moods that contradict the look (rule `preset-mood-conflict`). */
  disallowedMoods: z.array(Mood).default([]),
  /** Phrases for prompts describing the palette and technique, in our own words. */
  palette: z.array(z.string().min(1)).min(1),
  signatureTechniques: z.array(z.string().min(1)).default([]),
  intendedViolations: z.array(IntendedViolation).default([]),
  sources: z.array(Source).min(1),
  confidence: Confidence,
}

export const LiveActionPreset = z
  .object({
    ...presetCommon,
    kind: z.literal('live-action'),
    title: z.string().min(1),
    /** Release year. */
    year: z.number().int().min(1890).max(2100),
    cinematographer: z.string().min(1),
    director: z.string().min(1),
    /** Everything documented, since most films mixed bodies, lenses and stocks. */
    gear: z
      .object({
        cameraIds: z.array(z.string()).default([]),
        lensIds: z.array(z.string()).default([]),
        stockIds: z.array(z.string()).default([]),
        aspectRatioIds: z.array(z.string()).default([]),
        lightSourceIds: z.array(z.string()).default([]),
        notes: z.string().optional(),
      })
      .strict(),
  })
  .strict()
export type LiveActionPreset = z.infer<typeof LiveActionPreset>

export const AnimationStyle = z
  .object({
    ...presetCommon,
    kind: z.literal('animation'),
    name: z.string().min(1),
    /** Taxonomy axes from research cpe.md §5. */
    domain: z.string().min(1),
    medium: z.string().min(1),
    line: z.string().min(1),
    colour: z.string().min(1),
    lightingModel: z.string().min(1),
    motion: AnimationMotion,
    virtualCamera: z.string().min(1),
    referenceWorks: z.array(z.string().min(1)).min(1),
  })
  .strict()
export type AnimationStyle = z.infer<typeof AnimationStyle>

export const Preset = z.discriminatedUnion('kind', [LiveActionPreset, AnimationStyle])
export type Preset = z.infer<typeof Preset>
