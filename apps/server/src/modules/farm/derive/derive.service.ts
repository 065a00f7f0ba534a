// Renders made from a version: refine, inpaint, outpaint, guide with a control image, upscale
// and interpolate. One job group with `variations` jobs on the version's task; the version's
// file, the mask and the control image become content-addressed inputs recorded on each job
// (uploaded to the backend before its prompt), and the versions used are the jobs' lineage.
import { randomInt } from 'node:crypto'
import type { ObjectInfo, WorkflowRequirements } from '@aipipeline/comfyui'
import type { DeriveRenderRequest, RenderJob, WorkflowTemplate } from '@aipipeline/contracts'
import {
  type BackendRepository,
  type InputFile,
  type InputVersion,
  type NewRenderJob,
  newId,
  type RenderGroupJobValues,
  type RenderGroupRepository,
  type RenderInputRecord,
} from '@aipipeline/db'
import { NotFound, ValidationFailed } from '@aipipeline/domain'
import type { OffloadPool } from '../../../offload/offload-pool'
import type { Principal } from '../../auth'
import type { FarmDispatcher } from '../farm-dispatcher'
import type { FarmEvents } from '../farm-events'
import { toRenderJob } from '../render-job.service'
import { type TemplateRoles, templateRoles } from '../shot-render-plan'
import { assertSomeBackendCanRun } from '../submit-eligibility'
import { assertWithinBounds, storedDefaults } from '../template-parameters'
import { OFFLOAD_WORKFLOW_NODES, promptFacts, readWorkflowTask, templateJobFacts } from '../workflow-reading.task'
import { fillParameters, workflowSize } from '../workflow-source'
import {
  assertKnownParameters,
  assertSourceKind,
  assertTemplateFits,
  baseSeed,
  type DeriveSource,
  sharedValues,
} from './derive-plan'
import type { RenderInputService } from './render-input.service'
import { inputFileName, maskSizeMismatch, resizeMask, sha256Of } from './render-input-file'
import { outputFileOf, type VersionSource, type VersionSourceLoader } from './version-source'

export interface DeriveServiceDeps {
  sources: VersionSourceLoader
  inputs: RenderInputService
  repos: Parameters<typeof outputFileOf>[0]
  groups: RenderGroupRepository
  backends: Pick<BackendRepository, 'list'>
  template(id: string): Promise<WorkflowTemplate | null>
  dispatcher: Pick<FarmDispatcher, 'wake'>
  events: Pick<FarmEvents, 'job'>
  offload: OffloadPool
  maxNodes: number
  objectInfo(): Promise<ObjectInfo | null>
}

/** The files and lineage of one render, the same for each of its jobs. */
interface DeriveInputs {
  files: InputFile[]
  versions: InputVersion[]
  /** The source version's file as an input, when the template takes it. */
  image: RenderInputRecord | null
}

export function createDeriveService(deps: DeriveServiceDeps) {
  const fileEntry = (parameter: string, record: RenderInputRecord, kind: InputFile['kind']): InputFile => ({
    parameter,
    sha256: record.sha256,
    kind,
    fileName: inputFileName(record.sha256, record.mediaType),
  })

  /** The mask input at the image's size: as uploaded, resized on request, else 422. */
  async function maskInput(
    src: VersionSource,
    request: DeriveRenderRequest,
    image: { width: number; height: number },
  ): Promise<RenderInputRecord> {
    if (request.maskInputId === undefined) {
      throw new ValidationFailed('inpaint needs a mask', [
        { path: 'body.maskInputId', message: 'required for inpaint' },
      ])
    }
    const mask = await deps.inputs.find(src.version.projectId, request.maskInputId)
    if (mask === null) throw new NotFound('render input', request.maskInputId)
    if (mask.width === image.width && mask.height === image.height) return mask
    if (!request.resizeMask) throw maskSizeMismatch(mask, image)
    const { data } = await deps.inputs.bytes(mask.sha256)
    const resized = await resizeMask(data, image.width, image.height)
    return deps.inputs.storeBytes(src.version.projectId, resized, 'mask', src.access.userId)
  }

  /** The control image as an input, and its version when it is one (lineage). */
  async function controlInput(
    src: VersionSource,
    request: DeriveRenderRequest,
  ): Promise<{ record: RenderInputRecord; versionId: string | null }> {
    const control = request.control
    if (control === undefined) {
      throw new ValidationFailed('guide needs a control image', [
        { path: 'body.control', message: 'required for guide' },
      ])
    }
    const projectId = src.version.projectId
    if (control.source.kind === 'input') {
      const record = await deps.inputs.find(projectId, control.source.inputId)
      if (record === null) throw new NotFound('render input', control.source.inputId)
      return { record, versionId: null }
    }
    const version = await deps.sources.sameProject(projectId, control.source.versionId)
    const file = await outputFileOf(deps.repos, version.id, 'body.control.source.versionId')
    const record = await deps.inputs.fromStoredFile(projectId, file, 'control', src.access.userId)
    return { record, versionId: version.id }
  }

  async function inputsOf(
    src: VersionSource,
    request: DeriveRenderRequest,
    roles: TemplateRoles,
  ): Promise<DeriveInputs> {
    const files: InputFile[] = []
    const versions: InputVersion[] = []
    const projectId = src.version.projectId
    const imageParam = roles.image
    let image: RenderInputRecord | null = null
    if (imageParam !== undefined) {
      image = await deps.inputs.fromStoredFile(projectId, src.file, 'image', src.access.userId)
      files.push(fileEntry(imageParam.name, image, 'image'))
      versions.push({ versionId: src.version.id, parameter: imageParam.name })
    }
    if (request.mode === 'inpaint' && roles.mask !== undefined && image !== null && imageParam !== undefined) {
      const mask = await maskInput(src, request, { width: image.width, height: image.height })
      // The backend stores the image with the mask as alpha: named by the hash of the pair.
      files.push({
        ...fileEntry(roles.mask.name, mask, 'mask'),
        fileName: `${sha256Of(`${image.sha256}:${mask.sha256}`)}.png`,
        originalParameter: imageParam.name,
      })
    }
    if (request.mode === 'guide' && roles.controlImage !== undefined) {
      const control = await controlInput(src, request)
      const c = request.control
      files.push({
        ...fileEntry(roles.controlImage.name, control.record, 'control'),
        ...(c ? { strength: c.strength, startPercent: c.startPercent, endPercent: c.endPercent } : {}),
      })
      if (control.versionId !== null)
        versions.push({ versionId: control.versionId, parameter: roles.controlImage.name })
    }
    return { files, versions, image }
  }

  function seedsFor(request: DeriveRenderRequest, roles: TemplateRoles, source: DeriveSource) {
    if (roles.seed === undefined) {
      if (request.variations > 1) {
        throw new ValidationFailed('variations need a template with a seed parameter', [
          { path: 'body.variations', message: 'the template has no seed parameter, so variations would be identical' },
        ])
      }
      return () => null
    }
    const base = baseSeed(request, source, () => randomInt(0, 2 ** 32))
    return (variation: number) => base + variation
  }

  return {
    async derive(
      principal: Principal,
      versionId: string,
      request: DeriveRenderRequest,
    ): Promise<{ groupId: string; jobCount: number; items: RenderJob[] }> {
      const src = await deps.sources.load(principal, versionId)
      const template = await deps.template(request.templateId)
      if (template === null) throw new NotFound('workflow template', request.templateId)
      const roles = templateRoles(template)
      assertSourceKind(request.mode, src.version.kind)
      assertTemplateFits(request.mode, template, roles)
      assertKnownParameters(template, request.parameters)
      const inputs = await inputsOf(src, request, roles)
      const source: DeriveSource = {
        provenance: src.version.provenance,
        width: inputs.image?.width ?? src.file.width,
        height: inputs.image?.height ?? src.file.height,
      }
      const shared = sharedValues(request, template, roles, source)
      const seedOf = seedsFor(request, roles, source)
      const workflow = { kind: 'api' as const, prompt: template.prompt, what: `template "${template.name}"` }
      const prompt = await deps.offload.runSized(
        readWorkflowTask,
        { workflow, maxNodes: deps.maxNodes },
        workflowSize(workflow) >= OFFLOAD_WORKFLOW_NODES,
      )
      const objectInfo = (await deps.objectInfo()) ?? undefined
      const media = Object.fromEntries(inputs.files.map((f) => [f.parameter, f.fileName]))
      const rows: NewRenderJob[] = []
      const values: RenderGroupJobValues[] = []
      let needs: WorkflowRequirements | undefined
      for (let variation = 0; variation < request.variations; variation++) {
        const seed = seedOf(variation)
        const parameters: Record<string, unknown> = { ...storedDefaults(template.parameters), ...shared, ...media }
        if (seed !== null && roles.seed) parameters[roles.seed.name] = seed
        assertWithinBounds(template.parameters, parameters)
        const facts = promptFacts(fillParameters(prompt, parameters, objectInfo))
        needs ??= facts.requirements
        rows.push({
          name: `${src.shotCode} ${src.taskTypeName} ${request.mode} v${variation + 1}`.trim(),
          priority: request.priority,
          ...templateJobFacts(facts),
          // The mode rides along with the values (not a template parameter): the version's
          // provenance keeps it, and the lineage tree shows how each child was made.
          parameters: { ...parameters, deriveMode: request.mode },
          templateId: template.id,
          templateRevision: template.revision,
          inputVersions: inputs.versions,
          inputFiles: inputs.files,
          groupId: null,
          shotId: src.shotId,
          taskId: src.taskId,
          submittedBy: principal.userId,
          maxAttempts: 3,
        })
        values.push({ variation, seed, sweep: {} })
      }
      if (needs !== undefined) await assertSomeBackendCanRun(needs, deps.backends)
      const groupId = newId()
      const created = await deps.groups.insertGroup(
        {
          id: groupId,
          projectId: src.version.projectId,
          templateId: template.id,
          name: `${template.name} (${request.mode})`,
          variations: request.variations,
          axes: [],
          submittedBy: principal.userId,
        },
        rows,
        values,
      )
      for (const j of created) {
        deps.events.job({ jobId: j.id, state: j.state, priority: j.priority, backendId: null, attempt: 0, error: null })
      }
      deps.dispatcher.wake()
      return { groupId, jobCount: created.length, items: created.map((j) => toRenderJob(j)) }
    },
  }
}
export type DeriveService = ReturnType<typeof createDeriveService>
