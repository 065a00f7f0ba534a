// Turns catalog records or vocabulary values plus the engine's options into select data:
// excluded values stay in the list, disabled, with the rules' reasons in the UI language.
import type { FieldOptions, OptionValue } from '@aipipeline/cpe'

export type UiLocale = 'en' | 'ko'

export interface Candidate {
  value: OptionValue
  label: string
  /** Heading the choice is listed under (maker, medium, decade). */
  group?: string
}

export interface ChoiceItem {
  value: string
  label: string
  disabled: boolean
}

export interface ChoiceGroup {
  group: string
  items: ChoiceItem[]
}

export interface Choices {
  data: (ChoiceItem | ChoiceGroup)[]
  /** Why each disabled value is excluded, keyed by the select value. */
  reasons: ReadonlyMap<string, string>
  unavailable: number
}

/** Select data for one field; values the engine excludes are disabled with their reasons. */
export function buildChoices(
  candidates: readonly Candidate[],
  options: FieldOptions | undefined,
  locale: UiLocale,
  /** Keep excluded values pickable (to explore what the rules say); they are still marked. */
  allowExcluded = false,
): Choices {
  const reasons = new Map<string, string>()
  for (const d of options?.disallowed ?? []) {
    reasons.set(String(d.value), d.reasons.map((r) => r.message[locale]).join('\n'))
  }
  const groups = new Map<string, ChoiceItem[]>()
  const loose: ChoiceItem[] = []
  for (const c of candidates) {
    const value = String(c.value)
    const item = { value, label: c.label, disabled: !allowExcluded && reasons.has(value) }
    if (c.group === undefined) loose.push(item)
    else groups.set(c.group, [...(groups.get(c.group) ?? []), item])
  }
  const data: (ChoiceItem | ChoiceGroup)[] = [...loose, ...[...groups].map(([group, items]) => ({ group, items }))]
  const offered = new Set(candidates.map((c) => String(c.value)))
  const unavailable = [...reasons.keys()].filter((v) => offered.has(v)).length
  return { data, reasons, unavailable }
}

/** Years as a spec sheet writes them: "1998–2012", "2014–". */
export function yearSpan(availability: { from: number; to: number | null }): string {
  return availability.to === null ? `${availability.from}–` : `${availability.from}–${availability.to}`
}
