// A year field that lets the user type "1", "19", "197" on the way to 1975: the draft lives
// here and only a full year in range (or an empty field) reaches the config.
import { NumberInput } from '@mantine/core'
import { useEffect, useState } from 'react'
import { LockIcon } from './lock-icon'

interface YearInputProps {
  label: string
  description: string
  value: number | undefined
  locked: boolean
  onChange: (year: number | undefined) => void
}

const inRange = (v: number) => Number.isInteger(v) && v >= 1880 && v <= 2100

export function YearInput({ label, description, value, locked, onChange }: YearInputProps) {
  const [draft, setDraft] = useState<string | number>(value ?? '')
  useEffect(() => {
    // Follow outside changes (a preset sets the year) without clobbering a half-typed year.
    setDraft((current) => (typeof current === 'number' && current === value ? current : (value ?? '')))
  }, [value])
  return (
    <NumberInput
      label={label}
      description={description}
      min={1880}
      max={2100}
      allowDecimal={false}
      allowNegative={false}
      disabled={locked}
      leftSection={locked ? <LockIcon /> : undefined}
      value={draft}
      onChange={(v) => {
        setDraft(v)
        if (v === '') onChange(undefined)
        else if (typeof v === 'number' && inRange(v)) onChange(v)
      }}
    />
  )
}
