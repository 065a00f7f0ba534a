// Fountain (fountain.io): title page, then the body classified with Fountain's markers.
import { normaliseWidths, tabbedSpeechToColon } from './korean-layout'
import type { SourceLine } from './markup-stripper'
import type { Screenplay, TitlePageEntry } from './screenplay.model'
import { classifyLines } from './screenplay-classifier'

// Keys that open a title page; a script that starts with "FADE IN:" has no title page.
const TITLE_KEYS = new Set([
  'title',
  'credit',
  'author',
  'authors',
  'source',
  'draft date',
  'date',
  'contact',
  'copyright',
  'notes',
  'revision',
  'episode',
  'series',
  'format',
  // Korean title pages: 제목 (title), 작가/극본/각본 (writer), 원작 (source), 연출 (director).
  '제목',
  '작가',
  '극본',
  '각본',
  '원작',
  '연출',
  '날짜',
  '연락처',
])

const KEY_LINE = /^([A-Za-z\uAC00-\uD7A3][A-Za-z0-9\uAC00-\uD7A3 _-]{0,30}):(.*)$/

/**
 * Splits text into source lines (any newline convention). Full-width forms that HWP and PDF
 * exports write are made ASCII, and "이름<tab>대사" becomes "이름: 대사".
 */
export function splitLines(text: string): SourceLine[] {
  return normaliseWidths(text)
    .split(/\r\n|\r|\n/)
    .map((t, index) => ({ text: t.includes('\t') ? tabbedSpeechToColon(t) : t, index }))
}

/** Whether a script whose first line is `line` opens with a title page ("Title: …", "Credit: …"). */
export function opensTitlePage(line: string): boolean {
  const key = KEY_LINE.exec(line.trim())?.[1]
  return key !== undefined && TITLE_KEYS.has(key.trim().toLowerCase())
}

/** Reads the title page at the top; returns its entries and how many lines it used. */
export function readTitlePage(lines: readonly SourceLine[]): { entries: TitlePageEntry[]; used: number } {
  if (!opensTitlePage(lines[0]?.text ?? '')) return { entries: [], used: 0 }
  const entries: TitlePageEntry[] = []
  let used = 0
  for (const line of lines) {
    if (line.text.trim() === '') break
    used++
    const key = KEY_LINE.exec(line.text.trim())
    const indented = /^(\t| {3,})/.test(line.text)
    const last = entries.at(-1)
    if (key?.[1] !== undefined && !indented) {
      entries.push({ key: key[1].trim(), value: (key[2] ?? '').trim(), lines: [line.index] })
    } else if (last !== undefined) {
      last.value = last.value === '' ? line.text.trim() : `${last.value}\n${line.text.trim()}`
      last.lines.push(line.index)
    }
  }
  return { entries, used }
}

/** The title from a title page, without Fountain emphasis markers. */
export function titleOf(entries: readonly TitlePageEntry[]): string | null {
  const title = entries.find((e) => e.key.toLowerCase() === 'title' || e.key === '제목')
  if (title === undefined) return null
  const text = title.value.replace(/[*_]/g, '').replace(/\s+/g, ' ').trim()
  return text.length > 0 ? text : null
}

/** Parses Fountain text into the screenplay model. Never throws. */
export function parseFountain(text: string): Screenplay {
  const lines = splitLines(text.replace(/^\uFEFF/, ''))
  const { entries, used } = readTitlePage(lines)
  const body = classifyLines(lines.slice(used), { markup: true })
  return { format: 'fountain', title: titleOf(entries), titlePage: entries, ...body, dropped: [] }
}
