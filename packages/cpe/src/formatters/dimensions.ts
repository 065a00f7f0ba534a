// Frame sizes per model and Midjourney's integer aspect ratios.

/** Width and height near `area` pixels at `aspect`, both multiples of `step`. */
export function imageSize(aspect: number, area: number, step: number): { width: number; height: number } {
  const width = Math.max(step, Math.round(Math.sqrt(area * aspect) / step) * step)
  const height = Math.max(step, Math.round(Math.sqrt(area / aspect) / step) * step)
  return { width, height }
}

/** The supported size closest in aspect; `mismatch` is the relative aspect difference. */
export function nearestSize(aspect: number, sizes: readonly (readonly [number, number])[]) {
  let best: readonly [number, number] = sizes[0] ?? [1280, 720]
  let bestDiff = Number.POSITIVE_INFINITY
  for (const size of sizes) {
    const diff = Math.abs(Math.log(size[0] / size[1] / aspect))
    if (diff < bestDiff) {
      best = size
      bestDiff = diff
    }
  }
  return { width: best[0], height: best[1], mismatch: Math.exp(bestDiff) - 1 }
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b))

/**
 * Ratios whose two-decimal names stand for simple fractions (Academy 11:8, IMAX 10:7, 16:9, and
 * 2.39:1 written as 12:5, the "2.40" it is marketed as). Others reduce exactly: 1.85 → 37:20.
 */
const CONVENTIONAL: ReadonlyMap<number, string> = new Map([
  [119, '19:16'],
  [133, '4:3'],
  [137, '11:8'],
  [143, '10:7'],
  [166, '5:3'],
  [178, '16:9'],
  [239, '12:5'],
  [240, '12:5'],
])

/** Midjourney `--ar` value (integers only) for an aspect ratio label or value. */
export function midjourneyAspect(label: string, value: number): string {
  const whole = /^(\d+):(\d+)$/.exec(label)
  if (whole?.[1] !== undefined && whole[2] !== undefined) {
    const w = Number(whole[1])
    const h = Number(whole[2])
    const d = gcd(w, h)
    return `${w / d}:${h / d}`
  }
  const hundredths = Math.round(value * 100)
  const conventional = CONVENTIONAL.get(hundredths)
  if (conventional !== undefined) return conventional
  const d = gcd(hundredths, 100)
  return `${hundredths / d}:${100 / d}`
}
