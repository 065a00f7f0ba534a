// One screenplay model for every input format (Fountain, plain text, PDF text, Final Draft).
// `lines` on each part names the source units it came from: line indices (0-based) for the
// text formats, paragraph indices for FDX. Every non-blank source unit lands in exactly one
// part (heading, element, title entry) or in `dropped` (PDF page furniture), never two: a
// Korean one-line speech ("민수: 대사") gives its line to the dialogue, its cue carries none.
import { z } from 'zod'

export const SCREENPLAY_FORMATS = ['fountain', 'plain-text', 'pdf-text', 'fdx'] as const
export const ScreenplayFormat = z.enum(SCREENPLAY_FORMATS)
export type ScreenplayFormat = z.infer<typeof ScreenplayFormat>

/** Where a scene happens: interior, exterior, both, or an establishing shot. */
export const SceneSetting = z.enum(['INT', 'EXT', 'INT/EXT', 'EST'])
export type SceneSetting = z.infer<typeof SceneSetting>

const Lines = z.array(z.number().int().nonnegative())

export const SceneHeading = z.object({
  /** The heading as written, scene number removed. */
  text: z.string(),
  setting: SceneSetting.nullable(),
  /** Place, upper case as written ("HOUSE - KITCHEN"); the whole heading for forced headings. */
  location: z.string(),
  /** "DAY", "NIGHT", "CONTINUOUS"…; null when the heading names none. */
  timeOfDay: z.string().nullable(),
  /** Scene number written in the script (`#12A#`, or numbers on both sides in PDFs). */
  sceneNumber: z.string().nullable(),
  lines: Lines,
})
export type SceneHeading = z.infer<typeof SceneHeading>

export const ELEMENT_KINDS = [
  'action',
  'character',
  'dialogue',
  'parenthetical',
  'transition',
  'centered',
  'lyric',
  'section',
  'synopsis',
  'note',
  'boneyard',
  'page-break',
] as const
export const ElementKind = z.enum(ELEMENT_KINDS)
export type ElementKind = z.infer<typeof ElementKind>

export const ScreenplayElement = z.object({
  kind: ElementKind,
  /** Text without markup; for `character`, the cue as written ("JOHN (V.O.)"). */
  text: z.string(),
  lines: Lines,
  /** character: the merged name ("JOHN"). */
  character: z.string().optional(),
  /** character: extensions such as "V.O.", "O.S.", "CONT'D". */
  extensions: z.array(z.string()).optional(),
  /** character: the right-hand speaker of dual dialogue. */
  dual: z.boolean().optional(),
  /** section: depth, 1 for `#`. */
  depth: z.number().int().positive().optional(),
  /** Inline notes (`[[…]]`) removed from the text. */
  notes: z.array(z.string()).optional(),
})
export type ScreenplayElement = z.infer<typeof ScreenplayElement>

export const Scene = z.object({
  /** 0-based position in the script. */
  index: z.number().int().nonnegative(),
  heading: SceneHeading,
  elements: z.array(ScreenplayElement),
  /** Merged names of the characters who speak, in order of first cue. */
  characters: z.array(z.string()),
})
export type Scene = z.infer<typeof Scene>

export const TitlePageEntry = z.object({ key: z.string(), value: z.string(), lines: Lines })
export type TitlePageEntry = z.infer<typeof TitlePageEntry>

export const Screenplay = z.object({
  format: ScreenplayFormat,
  title: z.string().nullable(),
  titlePage: z.array(TitlePageEntry),
  /** Elements before the first scene heading (e.g. FADE IN:). */
  preamble: z.array(ScreenplayElement),
  scenes: z.array(Scene),
  /** Source units removed as page furniture (page numbers, running headers, MORE/CONTINUED). */
  dropped: Lines,
})
export type Screenplay = z.infer<typeof Screenplay>

/** Every merged speaking character of the script, in order of first appearance. */
export function speakingCharacters(screenplay: Screenplay): string[] {
  const seen = new Set<string>()
  for (const element of [...screenplay.preamble, ...screenplay.scenes.flatMap((s) => s.elements)]) {
    if (element.kind === 'character' && element.character !== undefined) seen.add(element.character)
  }
  return [...seen]
}

/** Page count the industry rule of thumb gives: about 55 lines of formatted text per page. */
export function estimatePages(screenplay: Screenplay): number {
  let lines = 0
  for (const scene of screenplay.scenes) {
    lines += 2
    for (const e of scene.elements) lines += e.text.split('\n').length + 1
  }
  return Math.max(1, Math.round(lines / 55))
}
