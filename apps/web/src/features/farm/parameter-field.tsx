import type { WorkflowParameter } from '@aipipeline/contracts'
import { ActionIcon, Group, NumberInput, Switch, Textarea, TextInput, Tooltip } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { type ParameterValue, randomSeed } from './parameter-values'

interface Props {
  parameter: WorkflowParameter
  value: ParameterValue
  error: string | null
  onChange(value: ParameterValue): void
}

/** One typed field of a template parameter: text, whole or decimal number, switch, or seed with a dice. */
export function ParameterField({ parameter: p, value, error, onChange }: Props) {
  const { t } = useTranslation()
  const label = p.label ?? p.name
  switch (p.type) {
    case 'boolean':
      return <Switch label={label} checked={value === true} onChange={(e) => onChange(e.currentTarget.checked)} />
    case 'string':
      // Prompts are long; other strings (file names, samplers) fit on one line.
      return p.role === 'prompt' || p.role === 'negative' || /prompt|text|caption/i.test(p.name) ? (
        <Textarea
          label={label}
          autosize
          minRows={2}
          maxRows={6}
          value={String(value)}
          error={error}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      ) : (
        <TextInput
          label={label}
          value={String(value)}
          error={error}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      )
    case 'seed':
      return (
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <NumberInput
            label={label}
            style={{ flex: 1 }}
            allowDecimal={false}
            min={0}
            value={typeof value === 'boolean' ? '' : value}
            error={error}
            onChange={(v) => onChange(v)}
          />
          <Tooltip label={t('farm.submit.randomSeed')}>
            <ActionIcon
              variant="default"
              size={36}
              aria-label={t('farm.submit.randomSeed')}
              onClick={() => onChange(randomSeed())}
            >
              <DiceIcon />
            </ActionIcon>
          </Tooltip>
        </Group>
      )
    case 'int':
    case 'float':
      return (
        <NumberInput
          label={label}
          allowDecimal={p.type === 'float'}
          value={typeof value === 'boolean' ? '' : value}
          error={error}
          onChange={(v) => onChange(v)}
        />
      )
  }
}

function DiceIcon() {
  return (
    <svg width={18} height={18} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} aria-hidden>
      <rect x="3" y="3" width="18" height="18" rx="3" />
      <circle cx="8.5" cy="8.5" r="1.2" fill="currentColor" />
      <circle cx="15.5" cy="15.5" r="1.2" fill="currentColor" />
      <circle cx="12" cy="12" r="1.2" fill="currentColor" />
    </svg>
  )
}
