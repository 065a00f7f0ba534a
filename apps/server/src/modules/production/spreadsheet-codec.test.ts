// The CSV and XLSX codec: formula-like text is neutralised on export (OWASP's leading
// apostrophe) and every exported value reads back unchanged, whatever it holds.
import ExcelJS from 'exceljs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type Cell,
  neutraliseFormula,
  readCsv,
  readXlsx,
  restoreFormula,
  type Sheet,
  writeCsv,
  writeXlsx,
} from './spreadsheet-codec'

const DANGEROUS = ['=1+1', '+1', '-1', '@SUM(A1)', '\tTAB', '\rCR', '=HYPERLINK("http://x","y")', "'=already"]

/** Text cells as a sheet holds them: null for empty, never the empty string. */
const textCell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constant(null),
  fc.constantFrom(...DANGEROUS),
  fc.string({ minLength: 1, maxLength: 12 }),
  fc
    .tuple(fc.constantFrom("'", "''", ''), fc.constantFrom('=', '+', '-', '@', '\t', '\r', ' ', '"', ','), fc.string())
    .map(([quotes, start, rest]) => `${quotes}${start}${rest}`),
)

const sheetOf = (cell: fc.Arbitrary<Cell>) =>
  fc.integer({ min: 1, max: 5 }).chain((width) =>
    fc.record({
      header: fc.array(
        fc.string({ minLength: 1, maxLength: 8 }).filter((h) => h.trim() === h),
        {
          minLength: width,
          maxLength: width,
        },
      ),
      rows: fc.array(
        fc.array(cell, { minLength: width, maxLength: width }).filter((r) => r.some((c) => c !== null)),
        { maxLength: 6 },
      ),
    }),
  )

describe('spreadsheet codec', () => {
  it('writes no CSV cell that a spreadsheet would run as a formula', () => {
    const csv = readRawCsv(writeCsv({ header: ['Description'], rows: DANGEROUS.map((d) => [d]) }))
    for (const cell of csv.slice(1).flat()) expect(cell).toMatch(/^'/)
  })

  it('reads every exported CSV value back unchanged (round trip)', () => {
    fc.assert(
      fc.property(sheetOf(textCell), (sheet) => {
        expect(readCsv(writeCsv(sheet))).toEqual(sheet)
      }),
      { numRuns: 300 },
    )
  })

  it('neutralises and round-trips formula-like text in XLSX as well', async () => {
    // XML turns a carriage return into a line feed, so XLSX cannot carry one either way.
    const inXlsx = DANGEROUS.filter((d) => !d.includes('\r'))
    const sheet: Sheet = { header: ['=Header', 'Code'], rows: inXlsx.map((d, i) => [d, `00${i}`]) }
    const xlsx = await writeXlsx(sheet, [{ text: true }, { text: true }])
    expect(await readXlsx(xlsx)).toEqual(sheet)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(xlsx as unknown as ArrayBuffer)
    const stored = workbook.worksheets[0]?.getColumn(1).values.filter((v) => typeof v === 'string') ?? []
    expect(stored).toEqual(["'=Header", ...inXlsx.map((d) => `'${d}`)])
    const noCr = textCell.filter((c) => typeof c !== 'string' || !c.includes('\r'))
    await fc.assert(
      fc.asyncProperty(sheetOf(noCr), async (s) => {
        const formats = s.header.map(() => ({ text: true }))
        expect(await readXlsx(await writeXlsx(s, formats))).toEqual(s)
      }),
      { numRuns: 25 },
    )
  })

  it('takes back exactly the apostrophe it added', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(restoreFormula(neutraliseFormula(text))).toBe(text)
      }),
      { numRuns: 1000 },
    )
    expect(neutraliseFormula(-5)).toBe(-5)
    expect(neutraliseFormula('plain')).toBe('plain')
  })

  it('reads quoted fields, CR, LF and CRLF rows, ragged rows and a byte order mark', () => {
    const sheet = readCsv(Buffer.from('\uFEFFA,B\r\n"x, ""y""",1\n"multi\nline"\r2,3,extra\n\n', 'utf8'))
    expect(sheet).toEqual({ header: ['A', 'B'], rows: [['x, "y"', '1'], ['multi\nline'], ['2', '3', 'extra']] })
  })

  it('refuses a CSV that ends inside a quoted field', () => {
    expect(() => readCsv(Buffer.from('A\n"open'))).toThrow(/CSV/)
  })
})

/** Cells as a spreadsheet sees them (no apostrophe removed). */
function readRawCsv(data: Buffer): string[][] {
  const text = data.toString('utf8').replace(/^\uFEFF/, '')
  return text
    .split('\r\n')
    .filter((l) => l !== '')
    .map((l) => [l.replace(/^"|"$/g, '')])
}
