import { describe, expect, it } from 'vitest'
import { checkScriptFile } from './script-file'

describe('uploaded screenplay files', () => {
  it('names the format for Fountain, Final Draft and PDF text files', () => {
    expect(checkScriptFile('pilot.fountain', 'INT. HOUSE - DAY')).toEqual({ ok: true, format: 'fountain' })
    expect(checkScriptFile('pilot.FDX', '<?xml version="1.0"?><FinalDraft/>')).toEqual({ ok: true, format: 'fdx' })
    expect(checkScriptFile('pilot.pdf.txt', 'INT. HOUSE - DAY')).toEqual({ ok: true, format: 'pdf-text' })
  })

  it('lets the server detect plain text', () => {
    expect(checkScriptFile('pilot.txt', 'INT. HOUSE - DAY')).toEqual({ ok: true, format: undefined })
  })

  it('asks for extracted text instead of a binary PDF', () => {
    expect(checkScriptFile('pilot.pdf', '%PDF-1.7 ...')).toEqual({ ok: false, reason: 'binary-pdf' })
    expect(checkScriptFile('pilot.txt', '%PDF-1.4')).toEqual({ ok: false, reason: 'binary-pdf' })
  })

  it('refuses an empty file', () => {
    expect(checkScriptFile('blank.fountain', '  \n')).toEqual({ ok: false, reason: 'empty' })
  })
})
