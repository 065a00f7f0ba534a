// Rendering shots from the shot page and the shot table: a preview of each task's final
// prompt for a template, and one job group with a job per task × variation × sweep
// combination, all stored in one transaction. Who may render follows the production rules:
// staff who may act on the task (artists on tasks assigned to them); clients and vendors never.
import { randomInt } from 'node:crypto'
import { coerceParameter, type ObjectInfo, type WorkflowRequirements } from '@aipipeline/comfyui'
import type {
  RenderJob,
  RenderPreview,
  RenderPreviewItem,
  RenderPreviewRequest,
  SubmitShotRenderRequest,
  WorkflowTemplate,
} from '@aipipeline/contracts'
import type { Catalog } from '@aipipeline/cpe'
import {
  type BackendRepository,
  type NewRenderJob,
  newId,
  type ProductionRepositories,
  type RenderGroupJobValues,
  type RenderGroupRepository,
  type RenderJobRecord,
} from '@aipipeline/db'
import { canActOnTask, Forbidden, isOutsider, NotFound, type ProjectAccess, ValidationFailed } from '@aipipeline/domain'
import type { OffloadPool } from '../../offload/offload-pool'
import type { Principal } from '../auth'
import type { FarmDispatcher } from './farm-dispatcher'
import type { FarmEvents } from './farm-events'
import { toRenderJob } from './render-job.service'
import type { ProjectAccessResolver } from './render-job-access'
import { planShotRender, roleValues, type TemplateRoles, templateRoles } from './shot-render-plan'
import { assertSomeBackendCanRun } from './submit-eligibility'
import { SweepTooLarge, sweepCombinations } from './sweep-limit'
import { assertWithinBounds, storedDefaults } from './template-parameters'
import { OFFLOAD_WORKFLOW_NODES, promptFacts, readWorkflowTask, templateJobFacts } from './workflow-reading.task'
import { fillParameters, workflowSize } from './workflow-source'

export interface ShotRenderServiceDeps {
  repos: Pick<ProductionRepositories, 'projects' | 'shots' | 'tasks'>
  groups: RenderGroupRepository
  /** Backends and their capabilities: a render no online backend can run is refused at once. */
  backends: Pick<BackendRepository, 'list'>
  projects: ProjectAccessResolver
  /** The template with its model family and parameter roles; null when there is none. */
  template(id: string): Promise<WorkflowTemplate | null>
  catalog(): Catalog
  dispatcher: Pick<FarmDispatcher, 'wake'>
  events: Pick<FarmEvents, 'job'>
  offload: OffloadPool
  maxNodes: number
  /** Most jobs one render may queue (SWEEP_MAX_COMBINATIONS). */
  maxJobs: number
  objectInfo(): Promise<ObjectInfo | null>
}

interface LoadedTask {
  taskId: string
  taskTypeName: string
  item: RenderPreviewItem
}

/** The refusal for a task the caller may not render. */
function notYours(taskId: string): Forbidden {
  return new Forbidden(`not allowed: render task ${taskId} (not assigned to you or outside your department)`)
}

/** Checks each value against the template parameter it names; 400 naming `<field>.<name>`. */
function checkValues(
  field: 'parameters' | 'sweep',
  values: Record<string, unknown[]>,
  template: WorkflowTemplate,
): void {
  const byName = new Map(template.parameters.map((p) => [p.name, p]))
  const issues: { path: string; message: string }[] = []
  for (const [name, list] of Object.entries(values)) {
    const p = byName.get(name)
    if (p === undefined) {
      issues.push({ path: `${field}.${name}`, message: `template "${template.name}" has no parameter "${name}"` })
      continue
    }
    const bad = list.find((v) => coerceParameter(p.type, v) === undefined)
    if (bad !== undefined) {
      issues.push({
        path: `${field}.${name}`,
        message: `parameter "${name}" expects ${p.type === 'int' ? 'an int' : `a ${p.type}`}, got ${JSON.stringify(bad)}`,
      })
    }
  }
  if (issues.length > 0) throw new ValidationFailed(`invalid ${field}: ${issues[0]?.message ?? ''}`, issues)
}

/** Sweep combinations, row-major (the last axis changes fastest); one empty run without axes. */
export function sweepRuns(sweep: Record<string, readonly unknown[]>): Record<string, unknown>[] {
  let runs: Record<string, unknown>[] = [{}]
  for (const [name, values] of Object.entries(sweep)) {
    runs = runs.flatMap((run) => values.map((v) => ({ ...run, [name]: v })))
  }
  return runs
}

export function createShotRenderService(deps: ShotRenderServiceDeps) {
  /** The caller's access to the project: NotFound for non-members, Forbidden for outsiders. */
  async function renderer(principal: Principal, projectId: string): Promise<ProjectAccess> {
    const access = await deps.projects.resolve(principal, projectId)
    if (isOutsider(access)) throw new Forbidden('not allowed: rendering is for the studio team')
    return access
  }

  async function templateOf(id: string): Promise<WorkflowTemplate> {
    const template = await deps.template(id)
    if (template === null) throw new NotFound('workflow template', id)
    return template
  }

  /** The tasks with their previews; NotFound for tasks outside the project, Forbidden per rules. */
  /**
   * The tasks with their previews; NotFound for tasks outside the project. A task the caller
   * may not act on is refused (`strict`, a render) or marked `mayRender: false` (a preview).
   */
  async function loadTasks(
    access: ProjectAccess,
    taskIds: readonly string[],
    template: WorkflowTemplate,
    strict: boolean,
  ): Promise<LoadedTask[]> {
    const { projectId } = access
    const unique = [...new Set(taskIds)]
    const [tasks, project, taskTypes, assignees] = await Promise.all([
      deps.repos.tasks.findByIds(unique),
      deps.repos.projects.findById(projectId),
      deps.repos.projects.taskTypes(projectId),
      deps.repos.tasks.assigneesOf(unique),
    ])
    if (project === undefined) throw new NotFound('project', projectId)
    const byId = new Map(tasks.filter((t) => t.projectId === projectId).map((t) => [t.id, t]))
    const types = new Map(taskTypes.map((t) => [t.id, t]))
    const shots = new Map(
      (await deps.repos.shots.findByIds([...new Set(tasks.map((t) => t.shotId))])).map((s) => [s.id, s]),
    )
    const catalog = deps.catalog()
    return unique.map((taskId) => {
      const task = byId.get(taskId)
      const shot = task === undefined ? undefined : shots.get(task.shotId)
      if (task === undefined || shot === undefined) throw new NotFound('task', taskId)
      const type = types.get(task.taskTypeId)
      const mayRender = canActOnTask(access, {
        assigneeIds: assignees.get(taskId) ?? [],
        department: type?.department ?? null,
      })
      if (strict && !mayRender) throw notYours(taskId)
      const taskTypeName = type?.name ?? ''
      const item = planShotRender({ taskId, taskTypeName, mayRender, shot, project, template, catalog })
      return { taskId, taskTypeName, item }
    })
  }

  function seedsFor(input: SubmitShotRenderRequest, roles: TemplateRoles): (variation: number) => number | null {
    if (roles.seed === undefined) {
      if (input.variations > 1) {
        throw new ValidationFailed('variations need a template with a seed parameter', [
          { path: 'variations', message: 'the template has no seed parameter, so variations would be identical' },
        ])
      }
      return () => null
    }
    if (input.variations > 1 && Object.hasOwn(input.sweep, roles.seed.name)) {
      throw new ValidationFailed('sweep the seed or ask for variations, not both', [
        { path: `sweep.${roles.seed.name}`, message: 'variations already choose the seeds' },
      ])
    }
    // Seeds stay below 2^48 + 16 so every variation's seed is a safe integer ComfyUI accepts.
    const base = input.seed === 'random' ? randomInt(0, 2 ** 32) : input.seed
    return (variation) => base + variation
  }

  return {
    async preview(principal: Principal, projectId: string, input: RenderPreviewRequest): Promise<RenderPreview> {
      const access = await renderer(principal, projectId)
      const template = await templateOf(input.templateId)
      const loaded = await loadTasks(access, input.taskIds, template, false)
      return {
        template: { id: template.id, name: template.name, modelFamily: template.modelFamily },
        items: loaded.map((l) => l.item),
      }
    },

    async submit(
      principal: Principal,
      projectId: string,
      input: SubmitShotRenderRequest,
    ): Promise<{ groupId: string; jobCount: number; items: RenderJob[] }> {
      const access = await renderer(principal, projectId)
      const template = await templateOf(input.templateId)
      const combos = sweepCombinations(input.sweep)
      const total = input.items.length * input.variations * combos
      if (total > deps.maxJobs) throw new SweepTooLarge(total, deps.maxJobs)
      checkValues(
        'parameters',
        Object.fromEntries(Object.entries(input.parameters).map(([k, v]) => [k, [v]])),
        template,
      )
      checkValues('sweep', input.sweep, template)
      const loaded = await loadTasks(
        access,
        input.items.map((i) => i.taskId),
        template,
        true,
      )
      const roles = templateRoles(template)
      const seedOf = seedsFor(input, roles)
      const workflow = { kind: 'api' as const, prompt: template.prompt, what: `template "${template.name}"` }
      const prompt = await deps.offload.runSized(
        readWorkflowTask,
        { workflow, maxNodes: deps.maxNodes },
        workflowSize(workflow) >= OFFLOAD_WORKFLOW_NODES,
      )
      const objectInfo = (await deps.objectInfo()) ?? undefined
      const defaults = storedDefaults(template.parameters)
      const edits = new Map(input.items.map((i) => [i.taskId, i]))
      const runs = sweepRuns(input.sweep)
      const rows: NewRenderJob[] = []
      const values: RenderGroupJobValues[] = []
      let needs: WorkflowRequirements | undefined
      for (const task of loaded) {
        const base = roleValues(task.item, roles, edits.get(task.taskId) ?? {})
        for (let variation = 0; variation < input.variations; variation++) {
          const seed = seedOf(variation)
          for (const combo of runs) {
            const parameters: Record<string, unknown> = { ...defaults, ...base, ...input.parameters, ...combo }
            if (seed !== null && roles.seed) parameters[roles.seed.name] = seed
            assertWithinBounds(template.parameters, parameters)
            const facts = promptFacts(fillParameters(prompt, parameters, objectInfo))
            needs ??= facts.requirements
            const label = Object.entries(combo)
              .map(([k, v]) => `${k}=${String(v)}`)
              .join(' ')
            rows.push({
              name: `${task.item.shotCode} ${task.taskTypeName} v${variation + 1}${label ? ` ${label}` : ''}`.trim(),
              priority: input.priority,
              ...templateJobFacts(facts),
              parameters,
              templateId: template.id,
              templateRevision: template.revision,
              groupId: null,
              shotId: task.item.shotId,
              taskId: task.taskId,
              submittedBy: principal.userId,
              maxAttempts: 3,
            })
            values.push({ variation, seed, sweep: combo })
          }
        }
      }
      // Every job of the group runs the same graph with other values: one check covers them.
      if (needs !== undefined) await assertSomeBackendCanRun(needs, deps.backends)
      const groupId = newId()
      const created = await deps.groups.insertGroup(
        {
          id: groupId,
          projectId,
          templateId: template.id,
          name: template.name,
          variations: input.variations,
          axes: Object.entries(input.sweep).map(([name, list]) => ({ name, values: list })),
          submittedBy: principal.userId,
        },
        rows,
        values,
      )
      announce(created)
      return { groupId, jobCount: created.length, items: created.map((j) => toRenderJob(j)) }
    },
  }

  function announce(created: RenderJobRecord[]): void {
    for (const j of created) {
      deps.events.job({ jobId: j.id, state: j.state, priority: j.priority, backendId: null, attempt: 0, error: null })
    }
    deps.dispatcher.wake()
  }
}
export type ShotRenderService = ReturnType<typeof createShotRenderService>
