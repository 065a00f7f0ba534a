// Reads and writes a grid of cells as XLSX (ExcelJS) or CSV. Text columns are written as
// text cells (format "@") so codes like "001" keep their zeros in Excel and LibreOffice;
// cells read back are parsed with zod, never cast.

import { ValidationFailed } from '@aipipeline/domain'
import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import ExcelJS from 'exceljs'
import { z } from 'zod'

export type Cell = string | number | boolean | null
export interface Sheet {
  header: string[]
  rows: Cell[][]
}
export interface ColumnFormat {
  /** Text columns get the "@" format; numbers stay numbers. */
  text: boolean
}

const Scalar = z.union([z.string(), z.number(), z.boolean()])
const RichText = z.object({ richText: z.array(z.object({ text: z.string() })) })
const Hyperlink = z.object({ text: z.union([z.string(), RichText]), hyperlink: z.string() })
const Formula = z.object({ result: z.union([Scalar, z.date()]).optional() })
const Failure = z.object({ error: z.string() })

const dateText = (d: Date) => d.toISOString().slice(0, 10)
const richText = (r: z.infer<typeof RichText>) => r.richText.map((t) => t.text).join('')

/** One ExcelJS cell value as a plain cell (rich text, links and formula results flattened). */
export function normaliseCell(raw: unknown): Cell {
  if (raw === null || raw === undefined) return null
  const scalar = Scalar.safeParse(raw)
  if (scalar.success) return scalar.data
  if (raw instanceof Date) return dateText(raw)
  const rich = RichText.safeParse(raw)
  if (rich.success) return richText(rich.data)
  const link = Hyperlink.safeParse(raw)
  if (link.success) return typeof link.data.text === 'string' ? link.data.text : richText(link.data.text)
  if (Failure.safeParse(raw).success) return null
  const formula = Formula.safeParse(raw)
  if (formula.success) {
    const r = formula.data.result
    return r instanceof Date ? dateText(r) : (r ?? null)
  }
  throw new ValidationFailed('a cell holds a value of an unknown kind')
}

/** Writes an XLSX workbook with one sheet. */
export async function writeXlsx(sheet: Sheet, formats: ColumnFormat[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const ws = workbook.addWorksheet('Shots')
  ws.columns = sheet.header.map((h, i) => ({
    header: String(neutraliseFormula(h)),
    key: `c${i}`,
    width: Math.max(10, h.length + 2),
    style: formats[i]?.text ? { numFmt: '@' } : {},
  }))
  ws.getRow(1).font = { bold: true }
  for (const row of sheet.rows) ws.addRow(row.map(neutraliseFormula))
  ws.views = [{ state: 'frozen', ySplit: 1 }]
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** Reads the first sheet of an XLSX file; trailing empty rows are dropped. */
export async function readXlsx(data: Buffer): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook()
  try {
    // ExcelJS types its load() argument with an older Buffer type than Node's.
    await workbook.xlsx.load(data as unknown as ArrayBuffer)
  } catch (err) {
    throw new ValidationFailed(`not a readable XLSX file: ${err instanceof Error ? err.message : String(err)}`)
  }
  const ws = workbook.worksheets[0]
  if (!ws) throw new ValidationFailed('the workbook has no sheet')
  const width = ws.getRow(1).cellCount
  const grid: Cell[][] = []
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: Cell[] = []
    for (let c = 1; c <= width; c++) cells.push(restoreFormula(normaliseCell(row.getCell(c).value)))
    grid[n - 1] = cells
  })
  return toSheet(grid)
}

function toSheet(grid: (Cell[] | undefined)[]): Sheet {
  const [head, ...rest] = grid
  const header = (head ?? []).map((h) => (h === null ? '' : String(h).trim()))
  const rows = rest.map((r) => r ?? [])
  while (rows.length > 0 && (rows.at(-1) ?? []).every((c) => c === null || c === '')) rows.pop()
  return { header, rows }
}

/**
 * Text a spreadsheet would run as a formula (or that starts with a tab or carriage return)
 * gets a leading apostrophe on export, as OWASP recommends against CSV injection. Text that
 * already starts with apostrophes before such a character gets one more, so the import can
 * take exactly one away and every exported value comes back unchanged.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/
const NEUTRALISED = /^'+[=+\-@\t\r]/

/** The cell as written to a file: formula-like text neutralised. */
export function neutraliseFormula(c: Cell): Cell {
  return typeof c === 'string' && FORMULA_START.test(c) ? `'${c}` : c
}

/** The cell as read from a file: the apostrophe of a neutralised cell removed. */
export function restoreFormula(c: Cell): Cell {
  return typeof c === 'string' && NEUTRALISED.test(c) ? c.slice(1) : c
}

/** Writes RFC 4180 CSV with a UTF-8 byte order mark (so Excel reads non-ASCII text right). */
export function writeCsv(sheet: Sheet): Buffer {
  const text = stringify(
    [sheet.header, ...sheet.rows].map((r) => r.map(neutraliseFormula)),
    {
      record_delimiter: '\r\n',
      // Spreadsheets trim unquoted edges, and a lone CR or LF ends a row when read back:
      // quoting keeps both as the value has them.
      quoted_match: /^\s|\s$|[\r\n]/,
      cast: { boolean: (b) => String(b) },
    },
  )
  return Buffer.from(`\uFEFF${text}`, 'utf8')
}

/** Reads CSV (quoted fields, CRLF, LF or CR); every cell stays text, so "001" stays "001". */
export function readCsv(data: Buffer): Sheet {
  let records: string[][]
  try {
    records = parse(data, {
      bom: true,
      // Files edited by hand mix line endings; any of them ends a row, as before.
      record_delimiter: ['\r\n', '\n', '\r'],
      // Rows may be ragged, and a quote inside an unquoted field is just a character.
      relax_column_count: true,
      relax_quotes: true,
    })
  } catch (err) {
    throw new ValidationFailed(`not a readable CSV file: ${err instanceof Error ? err.message : String(err)}`)
  }
  return toSheet(records.map((r) => r.map((c) => (c === '' ? null : restoreFormula(c)))))
}
