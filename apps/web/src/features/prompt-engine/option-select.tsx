// A select over one config field: choices the rules exclude stay visible but greyed out, with
// the reason on hover; a field the preset locks is shown locked.
import type { ConfigFieldPath } from '@aipipeline/cpe'
import { type ComboboxItem, MultiSelect, Select, Text, Tooltip } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { buildChoices, type Candidate, type Choices } from './choice-data'
import { usePanel } from './cpe-panel-context'
import { fieldLabel } from './field-label'
import { LockIcon } from './lock-icon'

interface FieldChoices {
  choices: Choices
  locked: boolean
  label: string
  description: ReactNode
  renderOption: (item: { option: ComboboxItem }) => ReactNode
}

function useFieldChoices(field: ConfigFieldPath, candidates: readonly Candidate[], hint?: string): FieldChoices {
  const { t } = useTranslation()
  const { analysis, locale, allowExcluded } = usePanel()
  const choices = buildChoices(candidates, analysis.options[field], locale, allowExcluded)
  const locked = analysis.locks.has(field)
  const notes = [
    hint,
    locked ? t('promptEngine.hints.locked') : undefined,
    choices.unavailable > 0 ? t('promptEngine.hints.unavailable', { count: choices.unavailable }) : undefined,
  ].filter((n) => n !== undefined)
  const renderOption = ({ option }: { option: ComboboxItem }) => {
    const reason = choices.reasons.get(option.value)
    if (reason === undefined) return option.label
    return (
      <Tooltip label={reason} multiline w={320} position="right" withArrow openDelay={100}>
        <Text
          size="sm"
          w="100%"
          data-reason={reason}
          c={allowExcluded ? 'dimmed' : undefined}
          td={allowExcluded ? 'line-through' : undefined}
        >
          {option.label}
        </Text>
      </Tooltip>
    )
  }
  return { choices, locked, label: fieldLabel(t, field), description: notes.join(' '), renderOption }
}

interface OptionSelectProps {
  field: ConfigFieldPath
  candidates: readonly Candidate[]
  value: string | undefined
  onChange: (value: string | undefined) => void
  hint?: string
}

/** One choice for a config field, checked live against the rules. */
export function OptionSelect({ field, candidates, value, onChange, hint }: OptionSelectProps) {
  const { t } = useTranslation()
  const f = useFieldChoices(field, candidates, hint)
  return (
    <Select
      label={f.label}
      description={f.description || undefined}
      placeholder={t('promptEngine.choose')}
      data={f.choices.data}
      value={value ?? null}
      onChange={(next) => onChange(next ?? undefined)}
      renderOption={f.renderOption}
      searchable={candidates.length > 12}
      clearable={!f.locked}
      disabled={f.locked}
      leftSection={f.locked ? <LockIcon /> : undefined}
      maxDropdownHeight={320}
      // The notes go under the input so the inputs of a row line up whatever their notes say.
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      data-field={field}
      data-locked={f.locked || undefined}
    />
  )
}

interface OptionMultiSelectProps {
  field: ConfigFieldPath
  candidates: readonly Candidate[]
  value: readonly string[]
  onChange: (value: string[]) => void
  hint?: string
}

/** Several choices for a list field (light sources, practicals). */
export function OptionMultiSelect({ field, candidates, value, onChange, hint }: OptionMultiSelectProps) {
  const { t } = useTranslation()
  const f = useFieldChoices(field, candidates, hint)
  return (
    <MultiSelect
      label={f.label}
      description={f.description || undefined}
      placeholder={value.length === 0 ? t('promptEngine.choose') : undefined}
      data={f.choices.data}
      value={[...value]}
      onChange={onChange}
      renderOption={f.renderOption}
      searchable
      clearable={!f.locked}
      disabled={f.locked}
      leftSection={f.locked ? <LockIcon /> : undefined}
      maxDropdownHeight={320}
      // The notes go under the input so the inputs of a row line up whatever their notes say.
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      data-field={field}
    />
  )
}
