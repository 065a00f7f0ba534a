// Fountain's out-of-script markup: boneyard (`/* … */`) and notes (`[[ … ]]`), either as
// blocks of their own (kept as `boneyard` / `note` elements) or inline (removed from the
// line's text; inline notes are kept on the element that holds the line).
import type { ScreenplayElement } from './screenplay.model'

export interface SourceLine {
  text: string
  /** Source line index. */
  index: number
  /** Inline notes removed from the text. */
  notes?: string[]
}

/** A line to classify, or a block element already decided. */
export type MarkupItem = { kind: 'line'; line: SourceLine } | { kind: 'block'; element: ScreenplayElement }

const INLINE_BONEYARD = /\/\*[\s\S]*?\*\//g
const INLINE_NOTE = /\[\[([\s\S]*?)\]\]/g

interface OpenBlock {
  kind: 'boneyard' | 'note'
  close: string
  lines: number[]
  text: string[]
}

function stripInline(line: SourceLine): MarkupItem {
  const notes: string[] = []
  const buried: string[] = []
  const text = line.text
    .replace(INLINE_BONEYARD, (found: string) => {
      buried.push(found.slice(2, -2).trim())
      return ''
    })
    .replace(INLINE_NOTE, (_, note: string) => {
      notes.push(note.trim())
      return ''
    })
  if (text.trim() === '' && line.text.trim() !== '') {
    // Nothing but markup on the line: it is a note (or boneyard) of its own.
    const kind = notes.length > 0 ? 'note' : 'boneyard'
    const blockText = kind === 'note' ? notes.join('\n') : buried.join('\n')
    return { kind: 'block', element: { kind, text: blockText, lines: [line.index] } }
  }
  const cleaned = notes.length > 0 ? text.replace(/[ \t]{2,}/g, ' ').replace(/\s+$/, '') : text
  return { kind: 'line', line: notes.length > 0 ? { ...line, text: cleaned, notes } : { ...line, text: cleaned } }
}

function opening(trimmed: string): { kind: 'boneyard' | 'note'; open: string; close: string } | undefined {
  if (trimmed.startsWith('/*')) return { kind: 'boneyard', open: '/*', close: '*/' }
  if (trimmed.startsWith('[[')) return { kind: 'note', open: '[[', close: ']]' }
  return undefined
}

/** Splits lines into markup blocks and plain lines (inline markup removed). Never throws. */
export function stripMarkup(lines: readonly SourceLine[]): MarkupItem[] {
  const items: MarkupItem[] = []
  let block: OpenBlock | undefined
  for (const line of lines) {
    if (block !== undefined) {
      const end = line.text.indexOf(block.close)
      block.lines.push(line.index)
      block.text.push(end >= 0 ? line.text.slice(0, end) : line.text)
      if (end >= 0) {
        items.push({
          kind: 'block',
          element: { kind: block.kind, text: block.text.join('\n').trim(), lines: block.lines },
        })
        block = undefined
      }
      continue
    }
    const trimmed = line.text.trim()
    const open = opening(trimmed)
    if (open !== undefined && !trimmed.includes(open.close, open.open.length)) {
      block = { kind: open.kind, close: open.close, lines: [line.index], text: [trimmed.slice(open.open.length)] }
      continue
    }
    items.push(stripInline(line))
  }
  if (block !== undefined) {
    // An unclosed block runs to the end of the script, as in other Fountain tools.
    items.push({ kind: 'block', element: { kind: block.kind, text: block.text.join('\n').trim(), lines: block.lines } })
  }
  return items
}
