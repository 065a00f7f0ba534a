// Clipboard text of a spreadsheet selection: tab-separated cells, one line per row, cells
// with tabs, newlines or quotes wrapped in double quotes (Excel, LibreOffice and Google
// Sheets all write this shape).

/** Parses clipboard text into rows of cells; a trailing line break does not add a row. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  let i = 0
  const endCell = () => {
    row.push(cell)
    cell = ''
  }
  const endRow = () => {
    endCell()
    rows.push(row)
    row = []
  }
  while (i < text.length) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"'
        i += 2
        continue
      }
      if (ch === '"') quoted = false
      else cell += ch
      i++
      continue
    }
    if (ch === '"' && cell === '') quoted = true
    else if (ch === '\t') endCell()
    else if (ch === '\r' && text[i + 1] === '\n') {
      endRow()
      i++
    } else if (ch === '\n' || ch === '\r') endRow()
    else cell += ch
    i++
  }
  if (cell !== '' || row.length > 0) endRow()
  return rows
}

/** Writes rows of cells as clipboard text that spreadsheets paste back cell for cell. */
export function toTsv(rows: readonly (readonly string[])[]): string {
  const quote = (c: string) => (/[\t\n\r"]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)
  return rows.map((r) => r.map(quote).join('\t')).join('\n')
}
