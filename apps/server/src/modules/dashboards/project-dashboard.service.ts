// The project dashboard: each chart is one service call over set-based queries, after the
// caller's project access is checked (non-members: 404; roles that do not follow progress: 403).
// Every bar carries the drill-down filter that names the shots behind it.
import type {
  BurnUpChart,
  DashboardDrill,
  DashboardFilter,
  FarmChart,
  LlmSpendChart,
  RetakesChart,
  StatusChart,
  WorkloadChart,
} from '@aipipeline/contracts'
import type { ChartFilter, DashboardQueries, ProjectRecord } from '@aipipeline/db'
import {
  canFollowProgress,
  cumulateBurnUp,
  NotFound,
  type ProjectAccess,
  projectBurnUp,
  requireAccess,
} from '@aipipeline/domain'
import type { z } from 'zod'
import type { Principal } from '../auth'

/** Days of recent completions the burn-up's projection extends. */
export const PROJECTION_WINDOW_DAYS = 14

export interface ProjectDashboardDeps {
  queries: DashboardQueries
  resolve(principal: Principal, projectId: string): Promise<ProjectAccess>
  findProject(projectId: string): Promise<ProjectRecord | undefined>
  /** The clock (tests fix "today"). */
  now(): Date
}

function chartFilter(f: DashboardFilter): ChartFilter {
  return { sequenceIds: f.sequenceIds ?? [], taskTypeIds: f.taskTypeIds ?? [], from: f.from, to: f.to }
}

const GPU_HOUR_SECONDS = 3600
const round2 = (n: number) => Math.round(n * 100) / 100

export function createProjectDashboardService(deps: ProjectDashboardDeps) {
  const { progress, resources } = deps.queries

  async function follow(principal: Principal, projectId: string): Promise<void> {
    const access = await deps.resolve(principal, projectId)
    requireAccess(canFollowProgress(access), 'see the project dashboard')
  }

  return {
    async status(
      principal: Principal,
      projectId: string,
      query: DashboardFilter,
    ): Promise<z.input<typeof StatusChart>> {
      await follow(principal, projectId)
      const f = chartFilter(query)
      const [counts, shots] = await Promise.all([
        progress.statusCounts(projectId, f),
        progress.shotsPerStatus(projectId, f),
      ])
      const tasksPerStatus = new Map<string, number>()
      for (const c of counts) tasksPerStatus.set(c.statusId, (tasksPerStatus.get(c.statusId) ?? 0) + c.tasks)
      const scope = await progress.scope(projectId, f)
      return {
        totals: { shots: scope.shots, tasks: counts.reduce((s, c) => s + c.tasks, 0) },
        byStatus: shots.map((s) => ({
          statusId: s.statusId,
          tasks: tasksPerStatus.get(s.statusId) ?? 0,
          shots: s.shots,
          drill: { chart: 'status', statusId: s.statusId },
        })),
        byTaskType: counts.map((c) => ({
          ...c,
          drill: { chart: 'status', statusId: c.statusId, taskTypeId: c.taskTypeId },
        })),
      }
    },

    async burnUp(
      principal: Principal,
      projectId: string,
      query: DashboardFilter,
    ): Promise<z.input<typeof BurnUpChart>> {
      await follow(principal, projectId)
      const project = await deps.findProject(projectId)
      if (!project) throw new NotFound('project', projectId)
      // The curve is cumulative from the first completion; the range only limits what is shown.
      const f = { ...chartFilter(query), from: undefined, to: undefined }
      const [days, scope] = await Promise.all([progress.doneByDay(projectId, f), progress.scope(projectId, f)])
      const points = cumulateBurnUp(days)
      const today = deps.now().toISOString().slice(0, 10)
      const projection = projectBurnUp(points, {
        today,
        endDate: project.endDate,
        windowDays: PROJECTION_WINDOW_DAYS,
        scope,
      })
      const shown = points.filter(
        (p) => (query.from === undefined || p.day >= query.from) && (query.to === undefined || p.day <= query.to),
      )
      return {
        today,
        endDate: project.endDate,
        scope,
        points: shown.map((p) => ({ ...p, drill: { chart: 'burnup', day: p.day } })),
        projection: { windowDays: PROJECTION_WINDOW_DAYS, ...projection },
      }
    },

    async retakes(
      principal: Principal,
      projectId: string,
      query: DashboardFilter,
    ): Promise<z.input<typeof RetakesChart>> {
      await follow(principal, projectId)
      const f = chartFilter(query)
      const [types, artists] = await Promise.all([
        progress.retakesByTaskType(projectId, f),
        progress.retakesByArtist(projectId, f),
      ])
      return {
        byTaskType: types.map((r) => ({
          taskTypeId: r.key,
          retakes: r.retakes,
          drill: { chart: 'retakes', taskTypeId: r.key },
        })),
        byArtist: artists
          .sort((a, b) => b.retakes - a.retakes || a.displayName.localeCompare(b.displayName))
          .map((r) => ({
            userId: r.key,
            displayName: r.displayName,
            retakes: r.retakes,
            drill: { chart: 'retakes', userId: r.key },
          })),
      }
    },

    async workload(
      principal: Principal,
      projectId: string,
      query: DashboardFilter,
    ): Promise<z.input<typeof WorkloadChart>> {
      await follow(principal, projectId)
      const rows = await progress.workload(projectId, chartFilter(query))
      return {
        artists: rows
          .sort((a, b) => b.openTasks - a.openTasks || a.displayName.localeCompare(b.displayName))
          .map((r) => ({ ...r, drill: { chart: 'workload', userId: r.userId } })),
      }
    },

    async farm(principal: Principal, projectId: string, query: DashboardFilter): Promise<z.input<typeof FarmChart>> {
      await follow(principal, projectId)
      const f = chartFilter(query)
      const [backends, jobs] = await Promise.all([
        resources.backendUse(projectId, f),
        resources.jobTotals(projectId, f),
      ])
      const { queueWaitSeconds, ...counts } = jobs
      return {
        jobs: counts,
        gpuHours: round2(backends.reduce((s, b) => s + b.gpuSeconds, 0) / GPU_HOUR_SECONDS),
        queueWaitSeconds: queueWaitSeconds === null ? null : Math.round(queueWaitSeconds * 10) / 10,
        byBackend: backends
          .sort((a, b) => a.backendName.localeCompare(b.backendName))
          .map((b) => ({
            backendName: b.backendName,
            attempts: b.attempts,
            failures: b.failures,
            gpuHours: round2(b.gpuSeconds / GPU_HOUR_SECONDS),
            drill: { chart: 'farm', backendName: b.backendName },
          })),
      }
    },

    async llm(principal: Principal, projectId: string, query: DashboardFilter): Promise<z.input<typeof LlmSpendChart>> {
      await follow(principal, projectId)
      const [byDay, byModel] = await Promise.all([
        resources.llmByDay(projectId, query),
        resources.llmByModel(projectId, query),
      ])
      return {
        totalMicros: byDay.reduce((s, d) => s + d.costMicros, 0),
        calls: byDay.reduce((s, d) => s + d.calls, 0),
        byDay,
        byModel: byModel.sort((a, b) => b.costMicros - a.costMicros),
      }
    },

    /** The shots behind one bar or point, in no particular order. */
    async shots(
      principal: Principal,
      projectId: string,
      query: DashboardFilter & DashboardDrill,
    ): Promise<{ shotIds: string[] }> {
      await follow(principal, projectId)
      const f = chartFilter(query)
      const shotIds =
        query.chart === 'farm'
          ? await resources.shotsOnBackend(projectId, f, query.backendName)
          : await progress.drillShots(projectId, f, query)
      return { shotIds }
    },
  }
}
export type ProjectDashboardService = ReturnType<typeof createProjectDashboardService>
