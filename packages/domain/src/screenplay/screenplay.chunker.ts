// Splits a screenplay into chunks a language model can read: whole scenes packed up to a
// token budget, each chunk starting with the tail of the previous one as context (overlap),
// so a character introduced at the end of one chunk is still known in the next. A scene too
// long for one chunk is split into parts at line boundaries (a very long line by characters).

import type { Screenplay } from './screenplay.model'
import { sceneToFountain } from './screenplay.writer'

export type TokenEstimator = (text: string) => number

/** Rough token count for English prose: about 3.5 characters per token (research §1.8). */
export const estimateTokensHeuristic: TokenEstimator = (text) => Math.ceil(text.length / 3.5)

export interface ChunkOptions {
  /** Tokens a chunk's text may use: the model's context minus the prompt and the output reserve. */
  maxTokens: number
  /** Tokens of the previous chunk's tail repeated as context at the start of the next. */
  overlapTokens: number
  estimateTokens?: TokenEstimator
}

export interface ChunkScene {
  sceneIndex: number
  /** 1-based part of a scene split across chunks; `of` = 1 when the scene is whole. */
  part: number
  of: number
}

export interface ScreenplayChunk {
  index: number
  scenes: ChunkScene[]
  /** Context from the previous chunk (already analysed there); empty for the first chunk. */
  overlap: string
  /** The scenes to analyse, in Fountain, each under a "### SCENE n" label (1-based). */
  body: string
  /** What is sent: overlap (framed) and body. */
  text: string
  tokens: number
}

export const OVERLAP_OPEN = '[[CONTEXT: end of the previous part, already analysed]]'
export const OVERLAP_CLOSE = '[[END OF CONTEXT]]'

interface Piece {
  sceneIndex: number
  lines: string[]
}

/** The label a scene gets in chunk text; models refer to scenes by this number. */
export function sceneLabel(sceneIndex: number, part = 1, of = 1): string {
  return of > 1 ? `### SCENE ${sceneIndex + 1} (part ${part} of ${of})` : `### SCENE ${sceneIndex + 1}`
}

/** Cuts one over-long line into slices that each fit the budget (binary search on length). */
function sliceLine(line: string, budget: number, estimate: TokenEstimator): string[] {
  const out: string[] = []
  let rest = line
  while (rest.length > 0) {
    let lo = 1
    let hi = rest.length
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2)
      if (estimate(rest.slice(0, mid)) <= budget) lo = mid
      else hi = mid - 1
    }
    out.push(rest.slice(0, lo))
    rest = rest.slice(lo)
  }
  return out
}

/** Splits a scene's lines into parts that fit the budget with their label. */
function splitScene(sceneIndex: number, lines: string[], budget: number, estimate: TokenEstimator): Piece[] {
  const labelCost = estimate(`${sceneLabel(sceneIndex, 999, 999)}\n`)
  const room = budget - labelCost
  // Line costs are summed (an upper bound for subadditive estimators), like the packing in
  // chunkScreenplay: re-estimating the joined part at every line was quadratic in the scene.
  const newline = estimate('\n')
  const parts: string[][] = [[]]
  let used = 0
  for (const line of lines.flatMap((l) => (estimate(l) > room ? sliceLine(l, room, estimate) : [l]))) {
    const current = parts.at(-1) ?? []
    const cost = estimate(line)
    if (current.length > 0 && used + newline + cost > room) {
      parts.push([line])
      used = cost
    } else {
      used += (current.length > 0 ? newline : 0) + cost
      current.push(line)
    }
  }
  return parts.map((p) => ({ sceneIndex, lines: trimBlankLines(p) }))
}

function trimBlankLines(lines: string[]): string[] {
  let start = 0
  let end = lines.length
  while (start < end && (lines[start] ?? '').trim() === '') start++
  while (end > start && (lines[end - 1] ?? '').trim() === '') end--
  return lines.slice(start, end)
}

function renderPieces(pieces: readonly Piece[], counts: Map<number, number>, seen: Map<number, number>): string {
  return pieces
    .map((p) => {
      const of = counts.get(p.sceneIndex) ?? 1
      const part = (seen.get(p.sceneIndex) ?? 0) + 1
      seen.set(p.sceneIndex, part)
      return `${sceneLabel(p.sceneIndex, part, of)}\n${p.lines.join('\n')}`
    })
    .join('\n\n')
}

/** The tail of a text (whole lines, or the end of the last line) within `budget` tokens. */
export function tailWithin(text: string, budget: number, estimate: TokenEstimator): string {
  const lines = text.trimEnd().split('\n')
  // Line costs are summed (an upper bound for subadditive estimators), keeping this linear.
  const newline = estimate('\n')
  const taken: string[] = []
  let tokens = 0
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] ?? ''
    const cost = estimate(line) + (taken.length > 0 ? newline : 0)
    if (tokens + cost > budget) break
    taken.unshift(line)
    tokens += cost
  }
  if (taken.some((l) => l.trim() !== '')) return taken.join('\n').trim()
  const last = lines.filter((l) => l.trim() !== '').at(-1) ?? ''
  const slices = sliceLine(last, budget, estimate)
  return slices.at(-1) ?? ''
}

function frame(overlap: string, body: string): string {
  return overlap === '' ? body : `${OVERLAP_OPEN}\n${overlap}\n${OVERLAP_CLOSE}\n\n${body}`
}

/** Chunks a screenplay by scenes within a token budget, with overlap. Throws RangeError on a budget too small to work. */
export function chunkScreenplay(screenplay: Screenplay, options: ChunkOptions): ScreenplayChunk[] {
  const estimate = options.estimateTokens ?? estimateTokensHeuristic
  const frameCost = estimate(`${OVERLAP_OPEN}\n\n${OVERLAP_CLOSE}\n\n`)
  const budget = options.maxTokens - options.overlapTokens - frameCost
  if (options.overlapTokens < 1 || budget < 32) {
    throw new RangeError(
      `chunk budget too small: maxTokens ${options.maxTokens}, overlapTokens ${options.overlapTokens}`,
    )
  }
  const pieces: Piece[] = screenplay.scenes.flatMap((scene) => {
    const lines = sceneToFountain(scene).split('\n')
    const whole = `${sceneLabel(scene.index, 999, 999)}\n${lines.join('\n')}`
    return estimate(whole) <= budget
      ? [{ sceneIndex: scene.index, lines }]
      : splitScene(scene.index, lines, budget, estimate)
  })
  const counts = new Map<number, number>()
  for (const p of pieces) counts.set(p.sceneIndex, (counts.get(p.sceneIndex) ?? 0) + 1)
  // Pieces are priced one by one and summed: for a subadditive estimator (any per-character
  // heuristic) the sum bounds the joined text, and packing stays linear in the script's size.
  const separator = estimate('\n\n')
  const pieceCost = (p: Piece) => estimate(`${sceneLabel(p.sceneIndex, 999, 999)}\n${p.lines.join('\n')}`)
  const groups: { pieces: Piece[]; tokens: number }[] = []
  for (const piece of pieces) {
    const cost = pieceCost(piece)
    const group = groups.at(-1)
    if (group !== undefined && group.tokens + separator + cost <= budget) {
      group.pieces.push(piece)
      group.tokens += separator + cost
      continue
    }
    groups.push({ pieces: [piece], tokens: cost })
  }
  const seen = new Map<number, number>()
  const chunks: ScreenplayChunk[] = []
  for (const { pieces: group } of groups) {
    const partsBefore = new Map(seen)
    const body = renderPieces(group, counts, seen)
    const previous = chunks.at(-1)
    const overlap = previous === undefined ? '' : tailWithin(previous.body, options.overlapTokens, estimate)
    const text = frame(overlap, body)
    const scenes = group.map((p) => {
      const part = (partsBefore.get(p.sceneIndex) ?? 0) + 1
      partsBefore.set(p.sceneIndex, part)
      return { sceneIndex: p.sceneIndex, part, of: counts.get(p.sceneIndex) ?? 1 }
    })
    chunks.push({ index: chunks.length, scenes, overlap, body, text, tokens: estimate(text) })
  }
  return chunks
}
