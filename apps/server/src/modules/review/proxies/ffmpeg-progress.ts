// ffmpeg's `-progress pipe:1` output: blocks of key=value lines, each block ending in
// `progress=continue` (or `progress=end` for the last). `out_time_us` is the output time in
// microseconds (`out_time_ms` is, despite its name, microseconds too).

/** Percent done (0..100) for an output time against the clip's duration; 99 until the end is reported. */
export function percentOf(outTimeUs: number, durationSeconds: number): number {
  if (!(durationSeconds > 0) || !(outTimeUs > 0)) return 0
  return Math.max(0, Math.min(99, Math.floor((outTimeUs / 1e6 / durationSeconds) * 100)))
}

/**
 * Feeds on raw stdout chunks and calls `onPercent` at the end of each block whose percent
 * grew; chunks may split lines anywhere.
 */
export function createProgressReader(durationSeconds: number, onPercent: (percent: number) => void) {
  let pending = ''
  let outTimeUs = 0
  let last = -1
  const line = (text: string): void => {
    const eq = text.indexOf('=')
    if (eq < 0) return
    const key = text.slice(0, eq).trim()
    const value = text.slice(eq + 1).trim()
    if (key === 'out_time_us' || key === 'out_time_ms') {
      const n = Number(value)
      if (Number.isFinite(n)) outTimeUs = Math.max(outTimeUs, n)
    } else if (key === 'progress') {
      const percent = value === 'end' ? 100 : percentOf(outTimeUs, durationSeconds)
      if (percent > last) {
        last = percent
        onPercent(percent)
      }
    }
  }
  return {
    push(chunk: string): void {
      pending += chunk
      let nl = pending.indexOf('\n')
      while (nl >= 0) {
        line(pending.slice(0, nl))
        pending = pending.slice(nl + 1)
        nl = pending.indexOf('\n')
      }
    },
  }
}
