// Who may see and steer a render job. A job tied to a shot or task belongs to that shot's
// project: only its members (and admins) see it, as on every production route, and a
// non-member gets NotFound. Artists cancel, reprioritise and retry only their own jobs;
// managers and admins (in the job's project, or studio-wide for jobs without one) any.
// The REST routes and the realtime hub (job rooms, farm events) ask the same questions.
import type { ProductionRepositories } from '@aipipeline/db'
import {
  canSteerRenderJob,
  Forbidden,
  isOutsider,
  NotFound,
  type ProjectAccess,
  RuleViolation,
} from '@aipipeline/domain'
import type { Principal } from '../auth'

/** Resolves a caller's access to a project; throws NotFound for non-members. */
export interface ProjectAccessResolver {
  resolve(principal: Principal, projectId: string): Promise<ProjectAccess>
}

export interface RenderJobScope {
  shotId: string | null
  taskId: string | null
  submittedBy: string | null
}

export interface RenderJobAccessDeps {
  repos: Pick<ProductionRepositories, 'shots' | 'tasks'>
  projects: ProjectAccessResolver
}

export function createRenderJobAccess(deps: RenderJobAccessDeps) {
  // A shot or task never moves to another project, so its project is cached for good.
  const projectOf = new Map<string, string | null>()

  async function shotProject(shotId: string): Promise<string | null> {
    const key = `shot:${shotId}`
    if (!projectOf.has(key)) projectOf.set(key, (await deps.repos.shots.findById(shotId))?.projectId ?? null)
    return projectOf.get(key) ?? null
  }
  async function taskRow(taskId: string) {
    return deps.repos.tasks.findById(taskId)
  }
  async function taskProject(taskId: string): Promise<string | null> {
    const key = `task:${taskId}`
    if (!projectOf.has(key)) projectOf.set(key, (await taskRow(taskId))?.projectId ?? null)
    return projectOf.get(key) ?? null
  }

  /** The project a job belongs to, or null for a studio job (or one whose shot was deleted). */
  async function projectOfJob(job: Pick<RenderJobScope, 'shotId' | 'taskId'>): Promise<string | null> {
    if (job.shotId !== null) return shotProject(job.shotId)
    if (job.taskId !== null) return taskProject(job.taskId)
    return null
  }

  /** The caller's access to the job's project; NotFound (for the job) if they may not see it. */
  async function viewing(principal: Principal, jobId: string, job: RenderJobScope): Promise<ProjectAccess | null> {
    const projectId = await projectOfJob(job)
    if (projectId === null) return null
    try {
      const access = await deps.projects.resolve(principal, projectId)
      if (isOutsider(access)) throw new NotFound('render job', jobId)
      return access
    } catch (err) {
      throw err instanceof NotFound ? new NotFound('render job', jobId) : err
    }
  }

  return {
    projectOfJob,

    /** Throws NotFound unless the caller may see the job. */
    async assertVisible(principal: Principal, jobId: string, job: RenderJobScope): Promise<void> {
      await viewing(principal, jobId, job)
    },

    /** Whether the caller may see the job (realtime: job rooms and farm events). */
    async mayView(principal: Principal, jobId: string, job: RenderJobScope): Promise<boolean> {
      return viewing(principal, jobId, job).then(
        () => true,
        (err: unknown) => {
          if (err instanceof NotFound) return false
          throw err
        },
      )
    },

    /** Cancel, reprioritise, retry: the submitter, or a manager or admin. */
    async assertMaySteer(principal: Principal, jobId: string, job: RenderJobScope): Promise<void> {
      const access = await viewing(principal, jobId, job)
      if (!canSteerRenderJob({ role: access?.role ?? principal.role, userId: principal.userId }, job)) {
        throw new Forbidden(`not allowed: render job ${jobId} was submitted by someone else`)
      }
    },

    /**
     * Checks a submission's shot and task: each must exist in a project the caller may work
     * in (NotFound naming the field otherwise), and a task must belong to the given shot.
     */
    async assertSubmission(principal: Principal, input: { shotId?: string; taskId?: string }): Promise<void> {
      const writable = async (field: string, id: string, projectId: string | null) => {
        const missing = new NotFound(field, id)
        if (projectId === null) throw missing
        const access = await deps.projects.resolve(principal, projectId).catch((err: unknown) => {
          throw err instanceof NotFound ? missing : err
        })
        if (isOutsider(access)) throw missing
      }
      if (input.shotId !== undefined) await writable('body.shotId', input.shotId, await shotProject(input.shotId))
      if (input.taskId !== undefined) {
        const task = await taskRow(input.taskId)
        await writable('body.taskId', input.taskId, task?.projectId ?? null)
        if (task !== undefined && input.shotId !== undefined && task.shotId !== input.shotId) {
          throw new RuleViolation(`body.taskId: task ${input.taskId} is not a task of shot ${input.shotId}`, {
            field: 'body.taskId',
          })
        }
      }
    },
  }
}
export type RenderJobAccess = ReturnType<typeof createRenderJobAccess>
