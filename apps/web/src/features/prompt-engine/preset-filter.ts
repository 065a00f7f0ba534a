// Narrowing the preset list by kind and decade; the select's own search matches titles.
import type { Preset } from '@aipipeline/cpe'
import type { Candidate } from './choice-data'

export type PresetKindFilter = 'all' | 'live-action' | 'animation'

/** Decades (first year) that live-action presets were released in, oldest first. */
export function presetDecades(presets: readonly Preset[]): number[] {
  const decades = new Set<number>()
  for (const p of presets) if (p.kind === 'live-action') decades.add(Math.floor(p.year / 10) * 10)
  return [...decades].sort((a, b) => a - b)
}

/** The title a preset is listed under. */
export function presetTitle(preset: Preset): string {
  return preset.kind === 'live-action' ? `${preset.title} (${preset.year})` : preset.name
}

/**
 * Presets matching the filters, grouped by decade (live action, chronological) or under the
 * animation heading. A decade filter leaves animation styles out: they have no release year.
 */
export function presetCandidates(
  presets: readonly Preset[],
  filter: { kind: PresetKindFilter; decade: number | null },
  labels: { animation: string; decade: (decade: number) => string },
): Candidate[] {
  const live = (filter.kind === 'animation' ? [] : presets)
    .filter((p) => p.kind === 'live-action')
    .filter((p) => filter.decade === null || Math.floor(p.year / 10) * 10 === filter.decade)
    .sort((a, b) => a.year - b.year || a.title.localeCompare(b.title))
    .map((p) => ({ value: p.id, label: presetTitle(p), group: labels.decade(Math.floor(p.year / 10) * 10) }))
  const animation =
    filter.kind === 'live-action' || filter.decade !== null
      ? []
      : presets
          .filter((p) => p.kind === 'animation')
          .map((p) => ({ value: p.id, label: presetTitle(p), group: labels.animation }))
  return [...live, ...animation]
}
