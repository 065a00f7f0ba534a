// One dashboard chart in a card: a skeleton while its query loads, then an ECharts canvas
// (imported on first use) whose bars and points open the shots behind them. The canvas is
// registered with the page so the PDF export can take its image.

import type { DashboardDrill } from '@aipipeline/contracts'
import { Alert, Card, Skeleton, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { EChart as DashboardEChart } from '../../components/charts/echarts-setup'
import type { ChartSpec } from './chart-options'

/** The page's drawn charts by title. */
export type ChartRegistry = Map<string, DashboardEChart>

/** The drawn charts in the order the page shows them (they finish drawing in any order). */
export function chartsInPageOrder(registry: ChartRegistry): { title: string; chart: DashboardEChart }[] {
  return [...registry.entries()]
    .map(([title, chart]) => ({ title, chart }))
    .sort((a, b) =>
      a.chart.getDom().compareDocumentPosition(b.chart.getDom()) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
    )
}

interface Props {
  id: string
  title: string
  spec: ChartSpec | undefined
  loading: boolean
  error: Error | null
  height?: number
  empty?: boolean
  summary?: ReactNode
  registry: ChartRegistry
  onDrill?: (drill: DashboardDrill) => void
}

export function DashboardChart({
  id,
  title,
  spec,
  loading,
  error,
  height = 260,
  empty,
  summary,
  registry,
  onDrill,
}: Props) {
  const { t } = useTranslation()
  const box = useRef<HTMLDivElement>(null)
  const chart = useRef<DashboardEChart | null>(null)
  const current = useRef(spec)
  const drillTo = useRef(onDrill)
  current.current = spec
  drillTo.current = onDrill

  const ready = spec !== undefined && !empty
  useEffect(() => {
    const element = box.current
    if (!ready || !element) return
    let disposed = false
    let cleanup = () => {}
    void import('../../components/charts/echarts-setup').then((echarts) => {
      if (disposed) return
      const instance = echarts.init(element, undefined, { renderer: 'canvas' })
      chart.current = instance
      registry.set(title, instance)
      if (current.current) instance.setOption(current.current.option, true)
      instance.on('click', (p) => {
        const drill = current.current?.drills[p.seriesIndex ?? -1]?.[p.dataIndex]
        if (drill) drillTo.current?.(drill)
      })
      const observer = new ResizeObserver(() => instance.resize())
      observer.observe(element)
      element.dataset.rendered = 'true'
      cleanup = () => {
        observer.disconnect()
        registry.delete(title)
        instance.dispose()
        chart.current = null
      }
    })
    return () => {
      disposed = true
      cleanup()
    }
  }, [ready, registry, title])

  // Later data (a new filter, the theme) replaces the option of the chart already drawn.
  useEffect(() => {
    if (spec && chart.current) chart.current.setOption(spec.option, true)
  }, [spec])

  return (
    <Card withBorder padding="sm" data-testid={`dashboard-${id}`}>
      <Stack gap={6}>
        <Title order={3} size="h5">
          {title}
        </Title>
        {summary}
        {error && (
          <Alert color="red" variant="light" py={6}>
            {t('dashboards.loadFailed')}
          </Alert>
        )}
        {loading && <Skeleton h={height} data-testid="chart-skeleton" />}
        {spec && empty && (
          <Text c="dimmed" size="sm" h={height / 2}>
            {t('dashboards.empty')}
          </Text>
        )}
        {ready && (
          <div
            ref={box}
            style={{ height, cursor: onDrill ? 'pointer' : undefined }}
            role="img"
            aria-label={title}
            data-testid="chart"
          />
        )}
      </Stack>
    </Card>
  )
}
