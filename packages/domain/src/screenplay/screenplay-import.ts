// Entry point for imported scripts: pick the parser from the file name or the content.
import { parseFdx } from './fdx.parser'
import { parseFountain } from './fountain.parser'
import { isKoreanText, KOREAN_PAGE_FURNITURE } from './korean-layout'
import { parsePdfText, parsePlainText } from './plain-text.parser'
import type { Screenplay, ScreenplayFormat } from './screenplay.model'

/**
 * Guesses the format: `.fdx` or a FinalDraft root is FDX; `.fountain` is Fountain; form
 * feeds or page-number lines suggest text extracted from a PDF; deep indentation of cues
 * suggests a plain-text export; Korean text is plain text (or PDF text when it carries page
 * furniture); anything else is read as Fountain (a superset of plain prose).
 */
export function detectScreenplayFormat(text: string, fileName?: string): ScreenplayFormat {
  const name = fileName?.toLowerCase() ?? ''
  if (name.endsWith('.fdx') || /<FinalDraft[\s>]/.test(text.slice(0, 2000))) return 'fdx'
  if (name.endsWith('.fountain') || name.endsWith('.spmd')) return 'fountain'
  if (name.endsWith('.pdf.txt') || text.includes('\f')) return 'pdf-text'
  const lines = text.split(/\r\n|\r|\n/)
  const pageNumbers = lines.filter((l) => /^\s{20,}\d{1,3}\.\s*$/.test(l)).length
  if (pageNumbers >= 2) return 'pdf-text'
  // Korean scripts have no upper-case cues to go by; page furniture tells an export apart.
  if (isKoreanText(text.slice(0, 20_000))) {
    const furniture = lines.filter((l) => KOREAN_PAGE_FURNITURE.test(l) || /^\s*\d{1,3}\.?\s*$/.test(l)).length
    return furniture >= 2 ? 'pdf-text' : 'plain-text'
  }
  const indentedCues = lines.filter((l) => /^\s{15,}[A-Z][A-Z .'-]+(\s*\(.*\))?\s*$/.test(l)).length
  return indentedCues >= 2 ? 'plain-text' : 'fountain'
}

/** Parses a script in the given (or detected) format. Throws only XmlTooDeep (FDX nested too deep). */
export function parseScreenplay(text: string, format?: ScreenplayFormat, fileName?: string): Screenplay {
  const chosen = format ?? detectScreenplayFormat(text, fileName)
  switch (chosen) {
    case 'fountain':
      return parseFountain(text)
    case 'plain-text':
      return parsePlainText(text)
    case 'pdf-text':
      return parsePdfText(text)
    case 'fdx':
      return parseFdx(text)
  }
}
