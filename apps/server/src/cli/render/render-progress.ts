// The progress bar of `aipipeline render --wait`, on stderr so stdout stays for results. On a
// terminal the line is redrawn in place; in a pipe or log, a line per 10 % keeps it readable.
export interface ProgressSink {
  write(text: string): void
  isTTY?: boolean | undefined
}

const WIDTH = 30

/** Renders the bar text for one job: `[#####-----]  50 %  step 10/20`. */
export function progressLine(label: string, percent: number, detail: string | null): string {
  const p = Math.max(0, Math.min(100, percent))
  const filled = Math.round((p / 100) * WIDTH)
  return `${label} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${p.toFixed(0).padStart(3)} %${detail ? `  ${detail}` : ''}`
}

export class ProgressBar {
  private lastDecile = -1
  private lastText = ''
  private max = 0

  constructor(
    private readonly out: ProgressSink,
    private readonly label: string,
  ) {}

  /** Shows `percent` (0..100) with an optional detail such as the sampler step. */
  update(value: number, detail: string | null = null): void {
    // Polling and events can arrive out of order; the bar never moves back.
    const percent = Math.max(this.max, value)
    this.max = percent
    const text = progressLine(this.label, percent, detail)
    if (this.out.isTTY) {
      if (text !== this.lastText) this.out.write(`\r${text}\u001b[K`)
    } else {
      const decile = Math.floor(percent / 10)
      if (decile > this.lastDecile) this.out.write(`${progressLine(this.label, decile * 10, null)}\n`)
      this.lastDecile = Math.max(this.lastDecile, decile)
    }
    this.lastText = text
  }

  /** Ends the bar with a final state word. */
  finish(state: string): void {
    this.out.write(this.out.isTTY ? `\r${this.lastText}\u001b[K  ${state}\n` : `${this.label} ${state}\n`)
  }
}
