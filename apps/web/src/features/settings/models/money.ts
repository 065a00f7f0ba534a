// Money on the wire is integer micro-dollars (1e-6 USD); prices are micro-dollars per million
// tokens. These helpers are the only place the UI turns them into dollars and back.

const MICROS_PER_DOLLAR = 1_000_000

/** "$1.23" for a cent or more; up to 6 decimals below a cent, so a $0.000042 call is not "$0.00". */
export function formatMicros(micros: number, locale = 'en'): string {
  const dollars = micros / MICROS_PER_DOLLAR
  const small = micros !== 0 && Math.abs(micros) < 10_000
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'USD',
    // "$" in every language; Korean would otherwise write "US$".
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: 2,
    maximumFractionDigits: small ? 6 : 2,
  }).format(dollars)
}

/** A price per million tokens in dollars with as many decimals as it needs (up to 4). */
export function formatPricePerMillion(micros: number, locale = 'en'): string {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'USD',
    // "$" in every language; Korean would otherwise write "US$".
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: 2,
    maximumFractionDigits: 4,
  }).format(micros / MICROS_PER_DOLLAR)
}

/**
 * Parses a dollar amount typed by a user ("2.5", "$0.15", "1,000") into micro-dollars;
 * null when it is not a non-negative amount with at most 6 decimals.
 */
export function dollarsToMicros(text: string): number | null {
  const cleaned = text.trim().replace(/^\$/, '').replace(/,/g, '')
  const match = /^(\d+)(?:\.(\d{0,6}))?$/.exec(cleaned)
  if (!match) return null
  const whole = match[1] ?? '0'
  const fraction = (match[2] ?? '').padEnd(6, '0')
  // String arithmetic: 0.1 * 1e6 in floating point is 99999.99999999999.
  const micros = Number(whole) * MICROS_PER_DOLLAR + Number(fraction)
  return Number.isSafeInteger(micros) ? micros : null
}

/** Micro-dollars as a plain dollar string for an input field ("2.5"). */
export function microsToDollarText(micros: number): string {
  const whole = Math.floor(micros / MICROS_PER_DOLLAR)
  const fraction = String(micros % MICROS_PER_DOLLAR)
    .padStart(6, '0')
    .replace(/0+$/, '')
  return fraction ? `${whole}.${fraction}` : String(whole)
}
