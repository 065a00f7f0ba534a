// Reads and writes a grid of cells as XLSX (ExcelJS) or CSV. Text columns are written as
// text cells (format "@") so codes like "001" keep their zeros in Excel and LibreOffice;
// cells read back are parsed with zod, never cast.

import { ValidationFailed } from '@aipipeline/domain'
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
    header: h,
    key: `c${i}`,
    width: Math.max(10, h.length + 2),
    style: formats[i]?.text ? { numFmt: '@' } : {},
  }))
  ws.getRow(1).font = { bold: true }
  for (const row of sheet.rows) ws.addRow(row.map((c) => (c === null ? null : c)))
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
    for (let c = 1; c <= width; c++) cells.push(normaliseCell(row.getCell(c).value))
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

function csvField(c: Cell): string {
  if (c === null) return ''
  const s = String(c)
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
}

/** Writes RFC 4180 CSV with a UTF-8 byte order mark (so Excel reads non-ASCII text right). */
export function writeCsv(sheet: Sheet): Buffer {
  const lines = [sheet.header, ...sheet.rows].map((r) => r.map(csvField).join(','))
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8')
}

/** Reads CSV (quoted fields, CRLF or LF); every cell stays text, so "001" stays "001". */
export function readCsv(data: Buffer): Sheet {
  const text = data.toString('utf8').replace(/^\uFEFF/, '')
  const grid: Cell[][] = []
  let row: Cell[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"' && field === '') quoted = true
    else if (ch === ',') {
      row.push(field === '' ? null : field)
      field = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      row.push(field === '' ? null : field)
      grid.push(row)
      row = []
      field = ''
    } else field += ch
  }
  if (quoted) throw new ValidationFailed('CSV ends inside a quoted field')
  if (field !== '' || row.length > 0) {
    row.push(field === '' ? null : field)
    grid.push(row)
  }
  return toSheet(grid)
}
