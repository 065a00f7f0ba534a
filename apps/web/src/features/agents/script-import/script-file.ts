// What the wizard sends for an uploaded screenplay. The server detects the format from the
// file name; we only name the cases it cannot see: PDF text saved as .txt next to a .pdf
// name, and a binary PDF, which the browser cannot turn into text here.
import type { ScreenplayFormat } from '@aipipeline/domain'

export type ScriptFileCheck =
  | { ok: true; format: ScreenplayFormat | undefined }
  | { ok: false; reason: 'binary-pdf' | 'empty' | 'too-large' }

/** 3 MB of text, the contract's limit (MAX_SCRIPT_CHARS). */
const MAX_CHARS = 3_000_000

/** Checks an uploaded file's name and text; `format` is set only where detection needs help. */
export function checkScriptFile(fileName: string, text: string): ScriptFileCheck {
  const name = fileName.toLowerCase()
  if (name.endsWith('.pdf') || text.startsWith('%PDF-')) return { ok: false, reason: 'binary-pdf' }
  if (text.trim() === '') return { ok: false, reason: 'empty' }
  if (text.length > MAX_CHARS) return { ok: false, reason: 'too-large' }
  if (name.endsWith('.fountain') || name.endsWith('.spmd')) return { ok: true, format: 'fountain' }
  if (name.endsWith('.fdx') || text.trimStart().startsWith('<?xml')) return { ok: true, format: 'fdx' }
  if (name.endsWith('.pdf.txt')) return { ok: true, format: 'pdf-text' }
  return { ok: true, format: undefined }
}
