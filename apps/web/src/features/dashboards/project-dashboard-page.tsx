// The project dashboard: filters, then one card per chart (each loads on its own), every bar
// opening the shot table on the shots behind it, and a PDF export of what is shown.
import { type DashboardDrill, type DashboardFilterQuery, dashboardRoutes } from '@aipipeline/contracts'
import { Alert, Button, SimpleGrid, Stack, Text } from '@mantine/core'
import { useNavigate } from '@tanstack/react-router'
import { useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useBreakdown, useProject } from '../projects/project-queries'
import {
  burnUpSpec,
  farmSpec,
  llmSpec,
  retakesByArtistSpec,
  retakesByTypeSpec,
  type SeriesKey,
  statusSpec,
  workloadSpec,
} from './chart-options'
import { type ChartRegistry, chartsInPageOrder, DashboardChart } from './dashboard-chart'
import { DashboardFilterBar, filterLines } from './dashboard-filter-bar'
import { dashboardPdf, saveBlob } from './dashboard-pdf'
import { useChart } from './dashboard-queries'
import { useChartColors } from './use-chart-colors'

export function ProjectDashboardPage({ projectId }: { projectId: string }) {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const project = useProject(projectId).data
  const sequences = useBreakdown(projectId).data?.sequences ?? []
  const [filter, setFilter] = useState<DashboardFilterQuery>({})
  const [exporting, setExporting] = useState(false)
  const [exportFailed, setExportFailed] = useState(false)
  const registry = useRef<ChartRegistry>(new Map()).current
  const colors = useChartColors()
  const bad = filter.from !== undefined && filter.to !== undefined && filter.from > filter.to
  const query = bad ? {} : filter
  const status = useChart(projectId, 'status', query, (api, q) =>
    api.call(dashboardRoutes.dashboardStatus, { params: { projectId }, query: q }),
  )
  const burnUp = useChart(projectId, 'burnUp', query, (api, q) =>
    api.call(dashboardRoutes.dashboardBurnUp, { params: { projectId }, query: q }),
  )
  const retakes = useChart(projectId, 'retakes', query, (api, q) =>
    api.call(dashboardRoutes.dashboardRetakes, { params: { projectId }, query: q }),
  )
  const workload = useChart(projectId, 'workload', query, (api, q) =>
    api.call(dashboardRoutes.dashboardWorkload, { params: { projectId }, query: q }),
  )
  const farm = useChart(projectId, 'farm', query, (api, q) =>
    api.call(dashboardRoutes.dashboardFarm, { params: { projectId }, query: q }),
  )
  const llm = useChart(projectId, 'llm', query, (api, q) =>
    api.call(dashboardRoutes.dashboardLlm, { params: { projectId }, query: q }),
  )
  const statuses = project?.statuses ?? []
  const taskTypes = project?.taskTypes ?? []
  const label = (key: SeriesKey) => t(`dashboards.series.${key}`)
  // biome-ignore lint/correctness/useExhaustiveDependencies: the language renames the series
  const specs = useMemo(
    () => ({
      status: status.data && statusSpec(status.data, statuses, taskTypes, colors),
      burnUp: burnUp.data && burnUpSpec(burnUp.data, label, colors),
      retakesType: retakes.data && retakesByTypeSpec(retakes.data, taskTypes, label('retakes'), colors),
      retakesArtist: retakes.data && retakesByArtistSpec(retakes.data, label('retakes'), colors),
      workload: workload.data && workloadSpec(workload.data, label, colors),
      farm: farm.data && farmSpec(farm.data, label, colors),
      llm: llm.data && llmSpec(llm.data, label('spend'), colors),
    }),
    [
      status.data,
      burnUp.data,
      retakes.data,
      workload.data,
      farm.data,
      llm.data,
      statuses,
      taskTypes,
      colors,
      i18n.language,
    ],
  )
  const drill = (d: DashboardDrill) =>
    void navigate({ to: '/projects/$projectId/shots', params: { projectId }, search: { drill: { ...query, ...d } } })

  async function exportPdf() {
    setExporting(true)
    setExportFailed(false)
    try {
      const title = t('dashboards.pdf.title', { project: project?.name ?? '' })
      const blob = await dashboardPdf({
        title,
        lines: [
          ...filterLines(
            filter,
            { sequences, taskTypes },
            {
              sequences: t('dashboards.filter.sequences'),
              taskTypes: t('dashboards.filter.taskTypes'),
              range: t('dashboards.filter.range'),
              all: t('dashboards.filter.all'),
            },
          ),
          t('dashboards.pdf.generated', { date: new Date().toLocaleString(i18n.language) }),
        ],
        charts: chartsInPageOrder(registry),
        background: colors.background,
        textColor: colors.text,
        fileName: `${project?.code ?? 'project'}-dashboard.pdf`,
      })
      saveBlob(blob, `${project?.code ?? 'project'}-dashboard.pdf`)
    } catch {
      setExportFailed(true)
    } finally {
      setExporting(false)
    }
  }

  const common = { registry, onDrill: drill }
  const retakesEmpty = (retakes.data?.byTaskType.length ?? 0) === 0
  const burn = burnUp.data
  return (
    <Stack gap="sm">
      <DashboardFilterBar
        filter={filter}
        onChange={setFilter}
        sequences={sequences}
        taskTypes={taskTypes}
        actions={
          <Button onClick={() => void exportPdf()} loading={exporting} data-testid="dashboard-export-pdf">
            {t('dashboards.exportPdf')}
          </Button>
        }
      />
      {exportFailed && (
        <Alert color="red" variant="light" py={6} role="alert">
          {t('dashboards.pdf.failed')}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <DashboardChart
          id="status"
          title={t('dashboards.charts.status')}
          spec={specs.status}
          loading={status.isPending}
          error={status.error}
          empty={status.data?.totals.tasks === 0}
          summary={
            status.data && (
              <Text size="sm" c="dimmed" data-testid="dashboard-status-totals">
                {t('dashboards.totals', { shots: status.data.totals.shots, tasks: status.data.totals.tasks })}
              </Text>
            )
          }
          {...common}
        />
        <DashboardChart
          id="burnup"
          title={t('dashboards.charts.burnUp')}
          spec={specs.burnUp}
          loading={burnUp.isPending}
          error={burnUp.error}
          summary={
            burn && (
              <Text size="sm" c="dimmed">
                {burn.endDate === null
                  ? t('dashboards.burnUp.noEndDate')
                  : burn.projection.finishDay === null
                    ? t('dashboards.burnUp.noRate', { end: burn.endDate })
                    : t('dashboards.burnUp.finish', { day: burn.projection.finishDay, end: burn.endDate })}
              </Text>
            )
          }
          {...common}
        />
        <DashboardChart
          id="retakes-type"
          title={t('dashboards.charts.retakesByType')}
          spec={specs.retakesType}
          loading={retakes.isPending}
          error={retakes.error}
          empty={retakesEmpty}
          height={200}
          {...common}
        />
        <DashboardChart
          id="retakes-artist"
          title={t('dashboards.charts.retakesByArtist')}
          spec={specs.retakesArtist}
          loading={retakes.isPending}
          error={retakes.error}
          empty={(retakes.data?.byArtist.length ?? 0) === 0}
          height={200}
          {...common}
        />
        <DashboardChart
          id="workload"
          title={t('dashboards.charts.workload')}
          spec={specs.workload}
          loading={workload.isPending}
          error={workload.error}
          empty={workload.data?.artists.length === 0}
          {...common}
        />
        <DashboardChart
          id="farm"
          title={t('dashboards.charts.farm')}
          spec={specs.farm}
          loading={farm.isPending}
          error={farm.error}
          empty={farm.data?.byBackend.length === 0}
          summary={
            farm.data && (
              <Text size="sm" c="dimmed">
                {t('dashboards.farm.summary', {
                  jobs: farm.data.jobs.total,
                  failed: farm.data.jobs.failed,
                  hours: farm.data.gpuHours,
                  wait: farm.data.queueWaitSeconds === null ? '–' : Math.round(farm.data.queueWaitSeconds),
                })}
              </Text>
            )
          }
          {...common}
        />
        <DashboardChart
          id="llm"
          title={t('dashboards.charts.llm')}
          spec={specs.llm}
          loading={llm.isPending}
          error={llm.error}
          empty={llm.data?.calls === 0}
          summary={
            llm.data && (
              <Text size="sm" c="dimmed">
                {t('dashboards.llm.summary', {
                  total: (llm.data.totalMicros / 1_000_000).toFixed(2),
                  calls: llm.data.calls,
                })}
              </Text>
            )
          }
          registry={registry}
        />
      </SimpleGrid>
    </Stack>
  )
}
