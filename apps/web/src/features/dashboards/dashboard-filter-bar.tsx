// Filters of the project dashboard: sequences, task types and a date range (UTC days).
import type { DashboardFilterQuery } from '@aipipeline/contracts'
import { Button, Group, MultiSelect, TextInput } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

interface Props {
  filter: DashboardFilterQuery
  onChange: (filter: DashboardFilterQuery) => void
  sequences: { id: string; code: string }[]
  taskTypes: { id: string; name: string }[]
  actions?: ReactNode
}

const list = (v: DashboardFilterQuery['sequenceIds']) => (v === undefined ? [] : Array.isArray(v) ? v : v.split(','))

/** Sets one filter key, leaving it out when empty (so the query key stays small). */
function withKey(filter: DashboardFilterQuery, key: keyof DashboardFilterQuery, value: string | string[]) {
  const next = { ...filter }
  if (value.length === 0) delete next[key]
  else Object.assign(next, { [key]: value })
  return next
}

export function DashboardFilterBar({ filter, onChange, sequences, taskTypes, actions }: Props) {
  const { t } = useTranslation()
  const badRange = filter.from !== undefined && filter.to !== undefined && filter.from > filter.to
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" data-testid="dashboard-filters">
      <MultiSelect
        label={t('dashboards.filter.sequences')}
        placeholder={t('dashboards.filter.all')}
        data={sequences.map((s) => ({ value: s.id, label: s.code }))}
        value={list(filter.sequenceIds)}
        onChange={(v) => onChange(withKey(filter, 'sequenceIds', v))}
        clearable
        searchable
        w={220}
      />
      <MultiSelect
        label={t('dashboards.filter.taskTypes')}
        placeholder={t('dashboards.filter.all')}
        data={taskTypes.map((tt) => ({ value: tt.id, label: tt.name }))}
        value={list(filter.taskTypeIds)}
        onChange={(v) => onChange(withKey(filter, 'taskTypeIds', v))}
        clearable
        w={220}
      />
      <TextInput
        type="date"
        label={t('dashboards.filter.from')}
        value={filter.from ?? ''}
        onChange={(e) => onChange(withKey(filter, 'from', e.currentTarget.value))}
        w={160}
      />
      <TextInput
        type="date"
        label={t('dashboards.filter.to')}
        value={filter.to ?? ''}
        error={badRange ? t('dashboards.filter.badRange') : undefined}
        onChange={(e) => onChange(withKey(filter, 'to', e.currentTarget.value))}
        w={160}
      />
      <Button variant="subtle" size="sm" onClick={() => onChange({})} disabled={Object.keys(filter).length === 0}>
        {t('dashboards.filter.clear')}
      </Button>
      {actions}
    </Group>
  )
}

/** The filters as text lines for the PDF's header. */
export function filterLines(
  filter: DashboardFilterQuery,
  names: { sequences: { id: string; code: string }[]; taskTypes: { id: string; name: string }[] },
  labels: { sequences: string; taskTypes: string; range: string; all: string },
): string[] {
  const seq = list(filter.sequenceIds).map((id) => names.sequences.find((s) => s.id === id)?.code ?? id)
  const types = list(filter.taskTypeIds).map((id) => names.taskTypes.find((tt) => tt.id === id)?.name ?? id)
  const { all } = labels
  return [
    `${labels.sequences}: ${seq.length > 0 ? seq.join(', ') : all}`,
    `${labels.taskTypes}: ${types.length > 0 ? types.join(', ') : all}`,
    `${labels.range}: ${filter.from ?? '…'} – ${filter.to ?? '…'}`,
  ]
}
