// Control maps: a pose, depth or canny preprocessor run on a version's image as a farm job. The
// job belongs to the version's shot but to no task, so its output never becomes a version; when
// it succeeds the output is stored as a render input of kind control, which a guided render
// (ControlNet) then takes as its control image.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ApiPrompt, type ObjectInfo } from '@aipipeline/comfyui'
import type { ControlMap, Preprocessor, RenderJob, WorkflowTemplate } from '@aipipeline/contracts'
import type {
  BackendRepository,
  ControlMapRecord,
  RenderInputRepository,
  RenderJobRecord,
  RenderJobRepository,
  TaskRepository,
} from '@aipipeline/db'
import { Forbidden, isOutsider, NotFound } from '@aipipeline/domain'
import type { Principal } from '../../auth'
import type { FarmDispatcher } from '../farm-dispatcher'
import type { FarmEvents } from '../farm-events'
import { toRenderJob } from '../render-job.service'
import type { ProjectAccessResolver } from '../render-job-access'
import { templateRoles } from '../shot-render-plan'
import { assertSomeBackendCanRun } from '../submit-eligibility'
import { PREPROCESSOR_TEMPLATE_KEYS } from '../template-library/template-library'
import { storedDefaults } from '../template-parameters'
import { promptFacts, templateJobFacts } from '../workflow-reading.task'
import { fillParameters } from '../workflow-source'
import { type RenderInputService, toRenderInput } from './render-input.service'
import { DeriveRuleViolation, inputFileName } from './render-input-file'
import type { VersionSourceLoader } from './version-source'

export interface ControlMapServiceDeps {
  sources: VersionSourceLoader
  inputs: RenderInputService
  repo: RenderInputRepository
  jobs: Pick<RenderJobRepository, 'outputs'>
  tasks: Pick<TaskRepository, 'findVersion'>
  projects: ProjectAccessResolver
  backends: Pick<BackendRepository, 'list'>
  /** The shipped template of a library key; null when it was deleted. */
  templateByKey(key: string): Promise<WorkflowTemplate | null>
  objectInfo(): Promise<ObjectInfo | null>
  dispatcher: Pick<FarmDispatcher, 'wake'>
  events: Pick<FarmEvents, 'job'>
  storageDir: string
  logger: { warn(obj: object, msg: string): void }
}

export function createControlMapService(deps: ControlMapServiceDeps) {
  async function toControlMap(map: ControlMapRecord, job: RenderJobRecord): Promise<ControlMap> {
    const input = map.inputSha256 === null ? null : await deps.repo.get(map.projectId, map.inputSha256)
    return {
      jobId: map.jobId,
      sourceVersionId: map.sourceVersionId,
      preprocessor: map.preprocessor as Preprocessor,
      state: job.state,
      progress: job.progress,
      input: input === null ? null : toRenderInput(input),
      error: job.error?.message ?? null,
      createdAt: map.createdAt,
    }
  }

  return {
    async create(
      principal: Principal,
      versionId: string,
      preprocessor: Preprocessor,
    ): Promise<{ job: RenderJob; controlMap: ControlMap }> {
      const src = await deps.sources.load(principal, versionId)
      if (src.version.kind !== 'image') {
        throw new DeriveRuleViolation(
          'body.preprocessor',
          `control maps are made from image versions; this is ${src.version.kind}`,
        )
      }
      const key = PREPROCESSOR_TEMPLATE_KEYS[preprocessor]
      const template = await deps.templateByKey(key)
      if (template === null) throw new NotFound('workflow template', key)
      const imageParam = templateRoles(template).image
      if (imageParam === undefined) throw new NotFound('image parameter of workflow template', key)
      const projectId = src.version.projectId
      const image = await deps.inputs.fromStoredFile(projectId, src.file, 'image', principal.userId)
      const fileName = inputFileName(image.sha256, image.mediaType)
      const parameters = { ...storedDefaults(template.parameters), [imageParam.name]: fileName }
      const graph = ApiPrompt.parse(template.prompt)
      const facts = promptFacts(fillParameters(graph, parameters, (await deps.objectInfo()) ?? undefined))
      await assertSomeBackendCanRun(facts.requirements, deps.backends)
      const { job, map } = await deps.repo.insertControlMapJob(
        {
          name: `${src.shotCode} ${preprocessor} control map`,
          priority: 60,
          ...templateJobFacts(facts),
          parameters,
          templateId: template.id,
          templateRevision: template.revision,
          inputFiles: [{ parameter: imageParam.name, sha256: image.sha256, kind: 'image', fileName }],
          groupId: null,
          shotId: src.shotId,
          // No task: the map is an input for later renders, never a version.
          taskId: null,
          submittedBy: principal.userId,
          maxAttempts: 3,
        },
        { projectId, sourceVersionId: versionId, preprocessor },
      )
      deps.events.job({
        jobId: job.id,
        state: job.state,
        priority: job.priority,
        backendId: null,
        attempt: 0,
        error: null,
      })
      deps.dispatcher.wake()
      return { job: toRenderJob(job), controlMap: await toControlMap(map, job) }
    },

    async list(principal: Principal, versionId: string): Promise<ControlMap[]> {
      const version = await deps.tasks.findVersion(versionId)
      if (version === undefined) throw new NotFound('version', versionId)
      const access = await deps.projects.resolve(principal, version.projectId)
      if (isOutsider(access)) throw new Forbidden('not allowed: control maps are for the studio team')
      const rows = await deps.repo.controlMapsOf(versionId)
      return Promise.all(rows.map(({ map, job }) => toControlMap(map, job)))
    },

    /** A job succeeded: if it made a control map, its first image output becomes a control input. Never throws. */
    async succeeded(job: { id: string }): Promise<void> {
      try {
        const map = await deps.repo.controlMap(job.id)
        if (map === null || map.inputSha256 !== null) return
        const output = (await deps.jobs.outputs(job.id)).find((o) => o.kind !== 'video')
        if (output === undefined) return
        const bytes = await readFile(join(deps.storageDir, output.path))
        const input = await deps.inputs.storeBytes(map.projectId, bytes, 'control', null)
        await deps.repo.setControlMapInput(job.id, input.sha256)
      } catch (err) {
        deps.logger.warn({ err: String(err), jobId: job.id }, 'storing a control map as an input failed')
      }
    },
  }
}
export type ControlMapService = ReturnType<typeof createControlMapService>
