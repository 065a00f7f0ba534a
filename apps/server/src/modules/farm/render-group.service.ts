// A job group's progress: how many jobs are in each state, overall progress, and each job with
// its shot, seed, variation and sweep values and its outputs (the contact sheet). A render from
// shots belongs to its project (members only, NotFound otherwise); a plain sweep's group is
// visible to whoever may see its jobs.
import type { RenderGroup, RenderGroupJob } from '@aipipeline/contracts'
import type { ProductionRepositories, RenderGroupRepository, RenderJobRecord } from '@aipipeline/db'
import { isOutsider, isTerminalJobState, NotFound, type RenderJobState } from '@aipipeline/domain'
import type { Principal } from '../auth'
import type { ProjectAccessResolver, RenderJobAccess } from './render-job-access'

export interface RenderGroupServiceDeps {
  groups: RenderGroupRepository
  repos: Pick<ProductionRepositories, 'shots'>
  projects: ProjectAccessResolver
  access: Pick<RenderJobAccess, 'mayView'>
  /** Live progress of a running job (0..1), from the dispatcher. */
  progressOf(jobId: string): number | undefined
}

/** Finished jobs count whole; running ones by their progress. */
function groupProgress(jobs: readonly Pick<RenderGroupJob, 'state' | 'progress'>[]): number {
  if (jobs.length === 0) return 0
  const done = jobs.reduce((sum, j) => sum + (isTerminalJobState(j.state) ? 1 : Math.min(1, j.progress)), 0)
  return done / jobs.length
}

export function createRenderGroupService(deps: RenderGroupServiceDeps) {
  async function assertVisible(
    principal: Principal,
    groupId: string,
    projectId: string | null,
    jobs: RenderJobRecord[],
  ) {
    const missing = new NotFound('render group', groupId)
    if (projectId !== null) {
      const access = await deps.projects.resolve(principal, projectId).catch((err: unknown) => {
        throw err instanceof NotFound ? missing : err
      })
      if (isOutsider(access)) throw missing
      return
    }
    for (const job of jobs) if (await deps.access.mayView(principal, job.id, job)) return
    throw missing
  }

  return {
    async get(principal: Principal, groupId: string): Promise<RenderGroup> {
      const [group, jobs] = await Promise.all([deps.groups.get(groupId), deps.groups.ofGroup(groupId)])
      if (group === null && jobs.length === 0) throw new NotFound('render group', groupId)
      await assertVisible(principal, groupId, group?.projectId ?? null, jobs)
      const shotIds = [...new Set(jobs.flatMap((j) => (j.shotId === null ? [] : [j.shotId])))]
      const [shots, outputs] = await Promise.all([
        deps.repos.shots.findByIds(shotIds),
        deps.groups.outputsOf(jobs.map((j) => j.id)),
      ])
      const codes = new Map(shots.map((s) => [s.id, s.code]))
      const outputsOf = new Map<string, RenderGroupJob['outputs']>()
      for (const o of outputs) {
        const list = outputsOf.get(o.jobId) ?? []
        list.push({ id: o.id, kind: o.kind, mime: o.mime, thumbnailPath: o.thumbnailPath })
        outputsOf.set(o.jobId, list)
      }
      const counts: Record<RenderJobState, number> = {
        queued: 0,
        assigned: 0,
        running: 0,
        succeeded: 0,
        failed: 0,
        canceled: 0,
        unschedulable: 0,
      }
      const items: RenderGroupJob[] = jobs.map((j) => {
        counts[j.state] += 1
        const values = group?.jobValues[j.id]
        return {
          id: j.id,
          name: j.name,
          state: j.state,
          progress: j.state === 'succeeded' ? 1 : (deps.progressOf(j.id) ?? j.progress),
          shotId: j.shotId,
          shotCode: j.shotId === null ? null : (codes.get(j.shotId) ?? null),
          taskId: j.taskId,
          variation: values?.variation ?? null,
          seed: values?.seed ?? null,
          sweep: values?.sweep ?? {},
          error: j.error?.message ?? null,
          outputs: outputsOf.get(j.id) ?? [],
        }
      })
      return {
        groupId,
        name: group?.name ?? jobs[0]?.name.replace(/ #\d+$/, '') ?? groupId,
        projectId: group?.projectId ?? null,
        templateId: group?.templateId ?? jobs[0]?.templateId ?? null,
        axes: group?.axes ?? [],
        variations: group?.variations ?? 1,
        counts,
        total: items.length,
        progress: groupProgress(items),
        finished: items.every((j) => isTerminalJobState(j.state)),
        jobs: items,
      }
    },
  }
}
export type RenderGroupService = ReturnType<typeof createRenderGroupService>
