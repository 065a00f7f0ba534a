// Project and studio dashboards: one route per chart, so each chart's query is measured on its
// own, all taking the same filters. Every bar or point carries a drill-down filter that the
// drill route turns into the ids of the shots behind it (the shot table opens on those).
import { access } from '@aipipeline/domain'
import { z } from 'zod'
import { defineRoute } from '../http/route'
import { ProjectParams } from '../production/project.contract'

/** Ids as `a,b` or as repeated keys (`?x=a&x=b`), at most 500. */
const IdList = z
  .union([z.string().max(20_000), z.array(z.string().max(64)).max(500)])
  .transform((v) => (Array.isArray(v) ? v : v.split(',')).filter((x) => x !== ''))
  .pipe(z.array(z.string().min(1).max(64)).max(500))

const filterFields = {
  /** Only shots of these sequences. */
  sequenceIds: IdList.optional(),
  /** Only tasks of these task types. */
  taskTypeIds: IdList.optional(),
  /** First day (UTC) of the range that event charts (burn-up, retakes, farm, LLM) count. */
  from: z.iso.date().optional(),
  /** Last day (UTC), inclusive. */
  to: z.iso.date().optional(),
}
const fromBeforeTo = (q: { from?: string | undefined; to?: string | undefined }) =>
  q.from === undefined || q.to === undefined || q.from <= q.to

export const DashboardFilterQuery = z
  .object(filterFields)
  .strict()
  .refine(fromBeforeTo, { message: '"from" must not be after "to"', path: ['to'] })
export type DashboardFilterQuery = z.input<typeof DashboardFilterQuery>
export type DashboardFilter = z.output<typeof DashboardFilterQuery>

export const DashboardChart = z.enum(['status', 'burnup', 'retakes', 'workload', 'farm'])
export type DashboardChart = z.infer<typeof DashboardChart>

/** What one bar or point stands for; with the filters, it names the shots behind it. */
export const DashboardDrill = z.object({
  chart: DashboardChart,
  statusId: z.string().max(64).optional(),
  taskTypeId: z.string().max(64).optional(),
  userId: z.string().max(64).optional(),
  backendName: z.string().max(200).optional(),
  /** Burn-up: shots done on or before this day. */
  day: z.iso.date().optional(),
})
export type DashboardDrill = z.infer<typeof DashboardDrill>

export const DashboardDrillQuery = z
  .object({ ...filterFields, ...DashboardDrill.shape })
  .strict()
  .refine(fromBeforeTo, { message: '"from" must not be after "to"', path: ['to'] })
export const DashboardShots = z.object({ shotIds: z.array(z.string()) })

const count = z.number().int().min(0)

export const StatusChart = z.object({
  totals: z.object({ shots: count, tasks: count }),
  /** Tasks and distinct shots per status (across the task types in the filter). */
  byStatus: z.array(z.object({ statusId: z.string(), tasks: count, shots: count, drill: DashboardDrill })),
  /** Tasks per task type and status. */
  byTaskType: z.array(z.object({ taskTypeId: z.string(), statusId: z.string(), tasks: count, drill: DashboardDrill })),
})

const BurnUpValue = z.object({ day: z.string(), shots: z.number(), frames: z.number() })
export const BurnUpChart = z.object({
  today: z.string(),
  endDate: z.string().nullable(),
  /** Every shot and frame in the filter: the line the curve climbs towards. */
  scope: z.object({ shots: count, frames: count }),
  /** Cumulative done shots and frames per day something was finished. */
  points: z.array(BurnUpValue.extend({ drill: DashboardDrill })),
  projection: z.object({
    windowDays: z.number().int(),
    ratePerDay: z.object({ shots: z.number(), frames: z.number() }),
    line: z.array(BurnUpValue),
    finishDay: z.string().nullable(),
  }),
})

export const RetakesChart = z.object({
  byTaskType: z.array(z.object({ taskTypeId: z.string(), retakes: count, drill: DashboardDrill })),
  /** Per assignee of the retaken task. */
  byArtist: z.array(z.object({ userId: z.string(), displayName: z.string(), retakes: count, drill: DashboardDrill })),
})

export const WorkloadChart = z.object({
  artists: z.array(
    z.object({
      userId: z.string(),
      displayName: z.string(),
      openTasks: count,
      doneTasks: count,
      estimateMinutes: count,
      timeSpentMinutes: count,
      drill: DashboardDrill,
    }),
  ),
})

export const FarmChart = z.object({
  jobs: z.object({ total: count, succeeded: count, failed: count, queued: count }),
  gpuHours: z.number(),
  /** Average seconds from queued to started, of the jobs that started. */
  queueWaitSeconds: z.number().nullable(),
  byBackend: z.array(
    z.object({
      backendName: z.string(),
      attempts: count,
      failures: count,
      gpuHours: z.number(),
      drill: DashboardDrill,
    }),
  ),
})

export const LlmSpendChart = z.object({
  totalMicros: count,
  calls: count,
  byDay: z.array(z.object({ day: z.string(), costMicros: count, calls: count })),
  byModel: z.array(
    z.object({
      provider: z.string(),
      modelId: z.string(),
      costMicros: count,
      inputTokens: count,
      outputTokens: count,
      calls: count,
    }),
  ),
})

export const StudioDashboard = z.object({
  projects: z.array(
    z.object({
      projectId: z.string(),
      code: z.string(),
      name: z.string(),
      endDate: z.string().nullable(),
      shots: count,
      doneShots: count,
      openTasks: count,
      retakes: count,
      gpuHours: z.number(),
      llmMicros: count,
    }),
  ),
})
export const StudioDashboardQuery = z
  .object({ from: filterFields.from, to: filterFields.to })
  .strict()
  .refine(fromBeforeTo, { message: '"from" must not be after "to"', path: ['to'] })

const tags = ['dashboards']
const chartRoute = <R extends z.ZodType>(path: string, summary: string, response: R) =>
  defineRoute({
    method: 'GET',
    path: `/api/projects/:projectId/dashboard/${path}`,
    summary,
    tags,
    // Studio staff who follow the project's progress; clients, vendors and artists are refused.
    access: access.atLeast('supervisor'),
    params: ProjectParams,
    query: DashboardFilterQuery,
    response,
  })

export const dashboardRoutes = {
  dashboardStatus: chartRoute('status', 'Shots and tasks by status and task type', StatusChart),
  dashboardBurnUp: chartRoute('burn-up', 'Done shots and frames over time, projected to the end date', BurnUpChart),
  dashboardRetakes: chartRoute('retakes', 'Retakes per task type and per artist', RetakesChart),
  dashboardWorkload: chartRoute('workload', 'Open tasks, estimates and time spent per artist', WorkloadChart),
  dashboardFarm: chartRoute('farm', 'Render farm use: GPU hours, queue wait and failures', FarmChart),
  dashboardLlm: chartRoute('llm', 'LLM spend by day and model', LlmSpendChart),
  dashboardShots: defineRoute({
    method: 'GET',
    path: '/api/projects/:projectId/dashboard/shots',
    summary: 'The shots behind one bar or point of a dashboard chart',
    tags,
    access: access.atLeast('supervisor'),
    params: ProjectParams,
    query: DashboardDrillQuery,
    response: DashboardShots,
  }),
  studioDashboard: defineRoute({
    method: 'GET',
    path: '/api/dashboard/studio',
    summary: 'Progress, farm use and LLM spend across the projects the caller manages',
    tags,
    access: access.atLeast('manager'),
    query: StudioDashboardQuery,
    response: StudioDashboard,
  }),
}
