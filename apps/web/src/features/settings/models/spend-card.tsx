import {
  Alert,
  Card,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Text,
  Title,
  useComputedColorScheme,
  useMantineTheme,
} from '@mantine/core'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { EChartsView } from '../../../components/charts/echarts-view'
import { useSpend } from './llm-queries'
import { formatMicros } from './money'
import { dailyOption, dailySeries, modelOption, modelSeries } from './spend-chart-options'

const DAYS = 30

/** Spend of the last 30 days per day and per model (ECharts, loaded on demand). */
export function SpendCard() {
  const { t, i18n } = useTranslation()
  const theme = useMantineTheme()
  const scheme = useComputedColorScheme('light')
  // Fixed for the page's life so the query key does not change every render.
  const range = useMemo(() => {
    const to = new Date()
    const from = new Date(to.getTime() - (DAYS - 1) * 86_400_000)
    return { fromDay: from.toISOString().slice(0, 10), toDay: to.toISOString().slice(0, 10) }
  }, [])
  const from = `${range.fromDay}T00:00:00.000Z`
  const perDay = useSpend('day', from)
  const perModel = useSpend('model', from)
  const colors = useMemo(
    () =>
      scheme === 'dark'
        ? { text: theme.colors.dark[1], grid: theme.colors.dark[4], bar: theme.colors.indigo[4] }
        : { text: theme.colors.gray[7], grid: theme.colors.gray[3], bar: theme.colors.indigo[6] },
    [scheme, theme],
  )
  const dayOption = useMemo(
    () => (perDay.data ? dailyOption(dailySeries(perDay.data, range.fromDay, range.toDay), colors) : null),
    [perDay.data, range, colors],
  )
  const models = perModel.data ? modelSeries(perModel.data) : []
  const byModel = useMemo(
    () => (perModel.data ? modelOption(modelSeries(perModel.data), colors) : null),
    [perModel.data, colors],
  )
  const error = perDay.error ?? perModel.error

  return (
    <Card withBorder padding="md">
      <Title order={3} size="h4">
        {t('settings.models.spend.title')}
      </Title>
      {perDay.data && (
        <Text size="sm" c="dimmed" mb="sm" data-testid="spend-total">
          {t('settings.models.spend.range', { total: formatMicros(perDay.data.totalCostMicros, i18n.language) })}
        </Text>
      )}
      {(perDay.isPending || perModel.isPending) && <Loader size="sm" aria-label={t('app.loading')} />}
      {error && (
        <Alert color="red" variant="light">
          {t('settings.models.loadFailed', { message: error.message })}
        </Alert>
      )}
      {dayOption && byModel && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('settings.models.spend.perDay')}
            </Text>
            <EChartsView option={dayOption} height={220} label={t('settings.models.spend.perDay')} />
          </Stack>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('settings.models.spend.perModel')}
            </Text>
            {models.length === 0 ? (
              <Group h={220} justify="center">
                <Text size="sm" c="dimmed">
                  {t('settings.models.spend.empty')}
                </Text>
              </Group>
            ) : (
              <EChartsView option={byModel} height={220} label={t('settings.models.spend.perModel')} />
            )}
          </Stack>
        </SimpleGrid>
      )}
    </Card>
  )
}
