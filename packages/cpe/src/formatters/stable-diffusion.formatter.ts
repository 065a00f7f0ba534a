// Stable Diffusion 1.5 / SDXL (research §3.2): comma-separated tags, most important first,
// `(term:1.2)` weights on a few key terms (A1111/ComfyUI syntax), prompts packed into 75-token
// CLIP chunks joined with BREAK so a concept never straddles two chunks, and a negative prompt.
import { gearText, lightingText, styleText, timeAndWeather, toneText } from './common-phrases'
import { imageSize } from './dimensions'
import { type Formatter, frameAspect } from './formatter.types'
import { detailPhrases, fitPhrases, type Phrase, shortenToFit } from './phrase-budget'
import type { ShotDescription } from './shot-description'
import { countClipTokens } from './token-count'
import { ANGLE, COMPOSITION, MOOD, MOVEMENT_STILL, SHOT_SIZE } from './vocabulary'

/** Usable tokens per CLIP chunk (77 minus BOS and EOS). */
export const CLIP_CHUNK_TOKENS = 75
/** Chunks we allow: beyond three, later chunks dilute the earlier ones noticeably. */
const MAX_CHUNKS = 3
const BREAK = ' BREAK '

const NEGATIVE = 'blurry, lowres, jpeg artifacts, deformed hands, extra fingers, watermark, text, signature'

/** User text made inert: brackets would become weights and an upper-case BREAK a chunk break. */
function escapeTag(text: string): string {
  return text.replace(/([()[\]\\])/g, '\\$1').replace(/\bBREAK\b/g, 'break')
}

const weight = (text: string, w: number) => (text === '' ? '' : `(${text}:${w})`)

function tagPhrases(d: ShotDescription): Phrase[] {
  const { shot, look } = d.config
  const user = (t: string | undefined) => (t === undefined ? '' : escapeTag(t))
  const tags: Phrase[] = [
    { text: styleText(d) ?? 'cinematic film still', rank: 3, label: 'style' },
    { text: shot.size === undefined ? '' : weight(SHOT_SIZE[shot.size], 1.2), rank: 1, label: 'shot size' },
    { text: user(d.subject), rank: 0, label: 'subject', verbatim: true },
    { text: user(d.action), rank: 1, label: 'action', verbatim: true },
    { text: user(d.setting), rank: 1, label: 'setting', verbatim: true },
    // Catalog names may carry brackets ("Super Speed (Mk I–III)"): escaped, or they become weights.
    { text: weight(user(lightingText(d)), 1.1), rank: 2, label: 'lighting' },
    { text: timeAndWeather(d) ?? '', rank: 3, label: 'time and weather' },
    { text: user(gearText(d)?.replace(', anamorphic lens flares', '')), rank: 3, label: 'camera and lens' },
    { text: d.stock === undefined ? '' : 'film grain', rank: 4, label: 'film grain' },
    { text: d.anamorphic ? weight('anamorphic lens flare', 1.2) : '', rank: 3, label: 'anamorphic flare' },
    { text: toneText(d) ?? '', rank: 3, label: 'colour tone' },
    { text: look.mood === undefined ? '' : `${MOOD[look.mood]} mood`, rank: 4, label: 'mood' },
    { text: shot.composition === undefined ? '' : COMPOSITION[shot.composition], rank: 4, label: 'composition' },
    { text: shot.angle === undefined ? '' : ANGLE[shot.angle], rank: 4, label: 'angle' },
    { text: d.palette.map(escapeTag).join(', '), rank: 5, label: 'preset palette' },
    { text: (shot.movement && MOVEMENT_STILL[shot.movement]) ?? '', rank: 5.5, label: 'movement' },
    { text: 'highly detailed', rank: 7, label: 'quality tag' },
  ]
  tags.push(...detailPhrases(d.details, escapeTag))
  return tags
}

/** Packs tags into chunks of at most 75 CLIP tokens, in order, and joins the chunks with BREAK. */
export function packChunks(tags: readonly string[]): string {
  const chunks: string[] = []
  let current = ''
  let used = 0
  for (const tag of tags) {
    const cost = countClipTokens(tag) + 1 // the separating comma
    if (current !== '' && used + cost > CLIP_CHUNK_TOKENS) {
      chunks.push(current)
      current = ''
      used = 0
    }
    current = current === '' ? tag : `${current}, ${tag}`
    used += cost
  }
  if (current !== '') chunks.push(current)
  return chunks.join(BREAK)
}

const WEIGHTED = /^\((.*):(\d+(?:\.\d+)?)\)$/s

/**
 * A single tag longer than a chunk is cut to fit one (it could not be kept together otherwise).
 * A weighted tag is cut inside its brackets, so the weight stays well-formed.
 */
function fitTagToChunk(p: Phrase, warnings: string[]): Phrase {
  if (countClipTokens(p.text) + 1 <= CLIP_CHUNK_TOKENS) return p
  warnings.push(`shortened ${p.label} to one ${CLIP_CHUNK_TOKENS}-token CLIP chunk`)
  const weighted = WEIGHTED.exec(p.text)
  const inner = weighted?.[1]
  const w = weighted?.[2]
  if (inner === undefined || w === undefined)
    return { ...p, text: shortenToFit(p.text, (t) => countClipTokens(t) + 1 <= CLIP_CHUNK_TOKENS) }
  const fits = (t: string) => countClipTokens(weight(t, Number(w))) + 1 <= CLIP_CHUNK_TOKENS
  return { ...p, text: weight(shortenToFit(inner, fits), Number(w)) }
}

function stableDiffusion(area: number, steps: number, guidance: number): Formatter {
  return (d) => {
    const warnings: string[] = []
    const tags = tagPhrases(d)
      .filter((p) => p.text !== '')
      .map((p) => fitTagToChunk(p, warnings))
      .filter((p) => p.text !== '')
    const join = (kept: readonly Phrase[]) => packChunks(kept.map((p) => p.text))
    const chunks = { count: (t: string) => t.split(BREAK).length, max: MAX_CHUNKS, unit: 'CLIP chunks' }
    const prompt = fitPhrases(tags, join, [chunks], warnings)
    const extra = d.animated ? 'photo, photorealistic' : 'cartoon, illustration, 3d render'
    const negativePrompt = [NEGATIVE, extra, d.blackAndWhite ? 'color' : ''].filter(Boolean).join(', ')
    const aspect = frameAspect(d)
    return {
      prompt,
      negativePrompt,
      parameters: { aspectRatio: aspect.label, ...imageSize(aspect.value, area, 64), steps, guidance },
      warnings,
    }
  }
}

/** SD 1.5: one CLIP encoder, native 512×512. */
export const formatSd15: Formatter = stableDiffusion(512 * 512, 30, 7)
/** SDXL: two CLIP encoders, native about one megapixel. */
export const formatSdxl: Formatter = stableDiffusion(1024 * 1024, 30, 6)
