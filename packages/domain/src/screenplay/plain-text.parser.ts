// Plain-text screenplays (typed or exported without markup) and text extracted from PDFs.
// Layout carries the meaning there: cues and dialogue are indented, pages repeat headers and
// numbers, and dialogue broken across pages is marked (MORE) … NAME (CONT'D).
import { parseCharacterCue } from './character-name'
import { readTitlePage, splitLines, titleOf } from './fountain.parser'
import { KOREAN_PAGE_FURNITURE } from './korean-layout'
import type { SourceLine } from './markup-stripper'
import type { Screenplay } from './screenplay.model'
import { classifyLines } from './screenplay-classifier'

function normalise(text: string): SourceLine[] {
  // Tabs become spaces; form feeds (page boundaries) are layout, not text.
  return splitLines(text.replace(/^\uFEFF/, '')).map((l) => ({
    ...l,
    text: l.text.replace(/\t/g, '    ').replace(/\f/g, ''),
  }))
}

/** Parses a plain-text screenplay. Never throws. */
export function parsePlainText(text: string): Screenplay {
  const lines = normalise(text)
  const { entries, used } = readTitlePage(lines)
  const body = classifyLines(lines.slice(used), { markup: false })
  return { format: 'plain-text', title: titleOf(entries), titlePage: entries, ...body, dropped: [] }
}

const PAGE_NUMBER = /^\s*(?:page\s+)?\d{1,3}\.?\s*$/i
const MORE = /^\s*\(MORE\)\s*$/i
const CONTINUED = /^\s*(?:\(CONTINUED\)|CONTINUED:?(?:\s*\(\d+\))?)\s*$/i

/** Running headers: the same non-blank line (digits ignored) at the top of 3+ pages. */
function runningHeaders(pages: SourceLine[][]): Set<string> {
  const counts = new Map<string, number>()
  for (const page of pages) {
    const top = page.find((l) => l.text.trim() !== '' && !PAGE_NUMBER.test(l.text))
    if (top === undefined) continue
    const key = top.text.replace(/\d+/g, '#').trim()
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return new Set([...counts].filter(([, n]) => n >= 3 && pages.length >= 3).map(([k]) => k))
}

function splitPages(lines: SourceLine[], raw: string): SourceLine[][] {
  const formFeeds = raw.includes('\f')
  const pages: SourceLine[][] = [[]]
  const rawLines = raw.split(/\r\n|\r|\n/)
  for (const line of lines) {
    if (formFeeds && (rawLines[line.index] ?? '').includes('\f') && (pages.at(-1)?.length ?? 0) > 0) pages.push([])
    pages.at(-1)?.push(line)
  }
  return pages
}

/** After a (MORE), drop blank lines and the repeated "NAME (CONT'D)" cue so the speech continues. */
function joinContinuedSpeech(kept: SourceLine[], dropped: number[]): SourceLine[] {
  const out: SourceLine[] = []
  let speaker: string | undefined
  let awaiting = false
  for (const line of kept) {
    const t = line.text.trim()
    if (MORE.test(t)) {
      dropped.push(line.index)
      awaiting = true
      continue
    }
    if (awaiting && t === '') continue
    if (awaiting && speaker !== undefined && parseCharacterCue(t).name === speaker) {
      dropped.push(line.index)
      awaiting = false
      continue
    }
    awaiting = false
    if (t !== '' && out.at(-1)?.text.trim() === '' && /^[^a-z]+$/.test(t)) speaker = parseCharacterCue(t).name
    out.push(line)
  }
  return out
}

/** Parses text extracted from a screenplay PDF: page furniture removed, then plain text. Never throws. */
export function parsePdfText(text: string): Screenplay {
  const raw = text.replace(/^\uFEFF/, '')
  const lines = splitLines(raw).map((l) => ({ ...l, text: l.text.replace(/\t/g, '    ').replace(/\f/g, '') }))
  const pages = splitPages(lines, raw)
  const headers = runningHeaders(pages)
  const dropped: number[] = []
  const kept = lines.filter((l) => {
    const t = l.text.trim()
    const furniture =
      t !== '' &&
      (PAGE_NUMBER.test(t) ||
        KOREAN_PAGE_FURNITURE.test(t) ||
        CONTINUED.test(t) ||
        headers.has(l.text.replace(/\d+/g, '#').trim()))
    if (furniture) dropped.push(l.index)
    return !furniture
  })
  const joined = joinContinuedSpeech(kept, dropped)
  const { entries, used } = readTitlePage(joined)
  const body = classifyLines(joined.slice(used), { markup: false })
  dropped.sort((a, b) => a - b)
  return { format: 'pdf-text', title: titleOf(entries), titlePage: entries, ...body, dropped }
}
