// The studio dashboard for admins and managers: every managed project's progress, farm use and
// LLM spend side by side; a project's bar or row opens its own dashboard.
import { Button, Stack, Table, Text, Title } from '@mantine/core'
import { Link, useNavigate } from '@tanstack/react-router'
import { useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ChartSpec } from './chart-options'
import { type ChartRegistry, chartsInPageOrder, DashboardChart } from './dashboard-chart'
import { dashboardPdf, saveBlob } from './dashboard-pdf'
import { useStudioDashboard } from './dashboard-queries'
import { useChartColors } from './use-chart-colors'

export function StudioDashboardPage() {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const studio = useStudioDashboard()
  const colors = useChartColors()
  const registry = useRef<ChartRegistry>(new Map()).current
  const [exporting, setExporting] = useState(false)
  const projects = studio.data?.projects ?? []
  // biome-ignore lint/correctness/useExhaustiveDependencies: the language renames the series
  const spec = useMemo((): ChartSpec | undefined => {
    if (!studio.data) return undefined
    const p = studio.data.projects
    return {
      option: {
        animation: false,
        color: colors.palette,
        textStyle: { color: colors.text },
        tooltip: { trigger: 'axis' },
        legend: { top: 0, textStyle: { color: colors.text } },
        grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: p.map((x) => x.code), axisLabel: { color: colors.text } },
        yAxis: { type: 'value', minInterval: 1, axisLabel: { color: colors.text } },
        series: [
          { type: 'bar', name: t('dashboards.series.doneShots'), data: p.map((x) => x.doneShots) },
          { type: 'bar', name: t('dashboards.series.shots'), data: p.map((x) => x.shots) },
        ],
      },
      drills: [],
    }
  }, [studio.data, colors, i18n.language])

  async function exportPdf() {
    setExporting(true)
    try {
      const blob = await dashboardPdf({
        title: t('dashboards.studio.title'),
        lines: [t('dashboards.pdf.generated', { date: new Date().toLocaleString(i18n.language) })],
        charts: chartsInPageOrder(registry),
        background: colors.background,
        textColor: colors.text,
        fileName: 'studio-dashboard.pdf',
      })
      saveBlob(blob, 'studio-dashboard.pdf')
    } finally {
      setExporting(false)
    }
  }

  return (
    <Stack gap="sm">
      <Title order={2}>{t('dashboards.studio.title')}</Title>
      <Text c="dimmed" size="sm">
        {t('dashboards.studio.subtitle')}
      </Text>
      <div>
        <Button onClick={() => void exportPdf()} loading={exporting} disabled={!studio.data}>
          {t('dashboards.exportPdf')}
        </Button>
      </div>
      <DashboardChart
        id="studio-progress"
        title={t('dashboards.studio.progress')}
        spec={spec}
        loading={studio.isPending}
        error={studio.error}
        empty={projects.length === 0}
        registry={registry}
      />
      {projects.length > 0 && (
        <Table striped data-testid="studio-projects">
          <Table.Thead>
            <Table.Tr>
              {(
                ['project', 'shots', 'doneShots', 'openTasks', 'retakes', 'gpuHours', 'llmSpend', 'endDate'] as const
              ).map((k) => (
                <Table.Th key={k}>{t(`dashboards.studio.columns.${k}`)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {projects.map((p) => (
              <Table.Tr
                key={p.projectId}
                style={{ cursor: 'pointer' }}
                onClick={() =>
                  void navigate({ to: '/projects/$projectId/dashboard', params: { projectId: p.projectId } })
                }
              >
                <Table.Td>
                  <Link to="/projects/$projectId/dashboard" params={{ projectId: p.projectId }}>
                    {p.name} ({p.code})
                  </Link>
                </Table.Td>
                <Table.Td>{p.shots}</Table.Td>
                <Table.Td>{p.doneShots}</Table.Td>
                <Table.Td>{p.openTasks}</Table.Td>
                <Table.Td>{p.retakes}</Table.Td>
                <Table.Td>{p.gpuHours}</Table.Td>
                <Table.Td>${(p.llmMicros / 1_000_000).toFixed(2)}</Table.Td>
                <Table.Td>{p.endDate ?? '–'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  )
}
