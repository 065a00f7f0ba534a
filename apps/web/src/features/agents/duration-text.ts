// Durations in the interface language ("3 min 05 s", "3분 05초").
import { useTranslation } from 'react-i18next'
import { durationOf } from './run-format'

/** Formats the time between two instants; null while the second is missing. */
export function useDurationText(): (startIso: string, endIso: string | null) => string | null {
  const { t } = useTranslation()
  return (startIso, endIso) => {
    const d = durationOf(startIso, endIso)
    if (d === null) return null
    return t(`agents.duration.${d.unit}`, { value: d.value, rest: String(d.rest).padStart(2, '0') })
  }
}
