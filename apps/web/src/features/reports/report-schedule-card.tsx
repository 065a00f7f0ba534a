// When the project's digests are made. Managers edit; supervisors see the settings read-only.
import { Alert, Button, Group, Paper, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { apiErrorText } from '../../api/error-text'
import { type Schedule, useReportSchedule, useSaveReportSchedule } from './report-queries'

// Monday first, as Korean and European calendars show the week; values are cron's (0 = Sunday).
const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '0'] as const
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/

function zones(): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []
  return all.includes('UTC') ? all : ['UTC', ...all]
}

export function ReportScheduleCard(props: { projectId: string; editable: boolean }) {
  const { t } = useTranslation()
  const stored = useReportSchedule(props.projectId)
  const save = useSaveReportSchedule(props.projectId)
  const [draft, setDraft] = useState<Schedule | null>(null)
  useEffect(() => {
    if (stored.data) setDraft(stored.data)
  }, [stored.data])
  if (!draft) return null
  const set = (patch: Partial<Schedule>) => {
    save.reset()
    setDraft({ ...draft, ...patch })
  }
  const timeOk = TIME.test(draft.timeOfDay)
  const disabled = !props.editable
  return (
    <Paper withBorder p="md" data-testid="report-schedule">
      <Stack gap="sm">
        <Title order={4}>{t('reports.schedule.title')}</Title>
        {disabled && (
          <Text size="sm" c="dimmed">
            {t('reports.schedule.readOnly')}
          </Text>
        )}
        <Switch
          label={t('reports.schedule.daily')}
          checked={draft.dailyEnabled}
          disabled={disabled}
          onChange={(e) => set({ dailyEnabled: e.currentTarget.checked })}
        />
        <Switch
          label={t('reports.schedule.weekly')}
          checked={draft.weeklyEnabled}
          disabled={disabled}
          onChange={(e) => set({ weeklyEnabled: e.currentTarget.checked })}
        />
        <Group grow align="flex-start">
          <TextInput
            label={t('reports.schedule.time')}
            value={draft.timeOfDay}
            disabled={disabled}
            placeholder="08:00"
            error={timeOk ? undefined : t('reports.schedule.timeInvalid')}
            onChange={(e) => set({ timeOfDay: e.currentTarget.value })}
          />
          <Select
            label={t('reports.schedule.weekday')}
            value={String(draft.weekday)}
            disabled={disabled}
            allowDeselect={false}
            data={WEEKDAYS.map((d) => ({ value: d, label: t(`reports.weekdays.${d}`) }))}
            onChange={(v) => v !== null && set({ weekday: Number(v) })}
          />
        </Group>
        <Group grow align="flex-start">
          <Select
            label={t('reports.schedule.timezone')}
            value={draft.timezone}
            disabled={disabled}
            searchable
            allowDeselect={false}
            data={zones()}
            onChange={(v) => v !== null && set({ timezone: v })}
          />
          <Select
            label={t('reports.schedule.language')}
            value={draft.locale}
            disabled={disabled}
            allowDeselect={false}
            data={(['en', 'ko'] as const).map((l) => ({ value: l, label: t(`reports.languages.${l}`) }))}
            onChange={(v) => (v === 'en' || v === 'ko') && set({ locale: v })}
          />
        </Group>
        {save.isError && <Alert color="red">{apiErrorText(save.error, t)}</Alert>}
        {save.isSuccess && (
          <Text size="sm" c="teal">
            {t('reports.schedule.saved')}
          </Text>
        )}
        {props.editable && (
          <Group>
            <Button onClick={() => save.mutate(draft)} loading={save.isPending} disabled={!timeOk}>
              {t('reports.schedule.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  )
}
