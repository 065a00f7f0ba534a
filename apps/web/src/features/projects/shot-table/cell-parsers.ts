// What typed or pasted text means in the shot table's number, frame and date cells. A cell
// that does not parse is refused with a reason (never saved as 0 or as text the server then
// rejects). Text is read the same in every locale: digits may be full-width (a Korean IME
// writes １００１), thousands may be grouped with "," in threes, "." is the decimal point, and
// anything ambiguous ("1,5", "1e3", "0x10") is refused rather than guessed.

/** Why a cell's text was refused; the table translates it (projects.table.invalid.*). */
export type CellProblem = 'frame' | 'number' | 'date' | 'outBeforeIn'

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: CellProblem }

/** The highest frame a shot may have (the server's limit). */
export const MAX_FRAME = 10_000_000

const GROUPED = /^\d{1,3}(,\d{3})+$/
const PLAIN = /^\d+$/

/** Full-width digits and signs as ASCII, spaces around trimmed. */
function normalise(raw: string): string {
  return raw.normalize('NFKC').trim()
}

/** Digits without grouping commas, or null when the grouping is not in threes. */
function integerDigits(text: string): string | null {
  if (PLAIN.test(text)) return text
  return GROUPED.test(text) ? text.replaceAll(',', '') : null
}

/** A frame number: a whole number from 0 to MAX_FRAME; empty clears the cell (null). */
export function parseFrame(raw: string): Parsed<number | null> {
  const text = normalise(raw)
  if (text === '') return { ok: true, value: null }
  const digits = integerDigits(text.startsWith('+') ? text.slice(1) : text)
  if (digits === null) return { ok: false, reason: 'frame' }
  const n = Number(digits)
  return Number.isSafeInteger(n) && n <= MAX_FRAME ? { ok: true, value: n } : { ok: false, reason: 'frame' }
}

/** How a frame is written in a cell. */
export function formatFrame(value: number | null): string {
  return value === null ? '' : String(value)
}

/** A number: optional sign, digits (grouped in threes or not), optional decimals; empty clears. */
export function parseNumber(raw: string): Parsed<number | null> {
  const text = normalise(raw).replace(/^\u2212/, '-')
  if (text === '') return { ok: true, value: null }
  const match = /^([+-]?)([\d,]*)(?:\.(\d+))?$/.exec(text)
  if (!match) return { ok: false, reason: 'number' }
  const [, sign = '', whole = '', fraction] = match
  if (whole === '' && fraction === undefined) return { ok: false, reason: 'number' }
  const digits = whole === '' ? '0' : integerDigits(whole)
  if (digits === null) return { ok: false, reason: 'number' }
  const n = Number(`${sign}${digits}${fraction === undefined ? '' : `.${fraction}`}`)
  if (!Number.isFinite(n)) return { ok: false, reason: 'number' }
  return { ok: true, value: Object.is(n, -0) ? 0 : n }
}

/** How a number is written in a cell (what parseNumber reads back to the same number). */
export function formatNumber(value: number | null): string {
  if (value === null) return ''
  // Plain decimal notation: String(1e21) is "1e+21", an exponent, which cells refuse.
  const shortest = String(value)
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(shortest)
  if (!m) return shortest
  const [, sign = '', lead = '', rest = '', exp = '0'] = m
  const digits = lead + rest
  const point = 1 + Number(exp)
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`
  return `${sign}${digits.padEnd(point, '0')}${point < digits.length ? `.${digits.slice(point)}` : ''}`
}

const DATE_FORMS = [
  // 2026-12-07, 2026/12/07, 2026.12.07, 2026. 12. 7. (Korean short date)
  /^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})\.?$/,
  // 2026년 12월 7일
  /^(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일$/,
]

/** A calendar date, year first (never day/month guessing); stored as YYYY-MM-DD; empty clears. */
export function parseDate(raw: string): Parsed<string | null> {
  const text = normalise(raw)
  if (text === '') return { ok: true, value: null }
  for (const form of DATE_FORMS) {
    const m = form.exec(text)
    if (!m) continue
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
    const date = new Date(Date.UTC(year, month - 1, day))
    // Date.UTC rolls 2026-02-30 over to March; a date that does not exist is refused.
    if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) break
    return { ok: true, value: date.toISOString().slice(0, 10) }
  }
  return { ok: false, reason: 'date' }
}

/** How a stored date is written in a cell. */
export function formatDate(value: string | null): string {
  return value ?? ''
}
