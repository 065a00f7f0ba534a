// Workflow templates: an API prompt (UI workflows are converted on save) whose `{placeholders}`
// become typed parameters, with what the studio knows about it (model family, category,
// outputs, requirements). Every edit makes a new revision; the shipped library is seeded here.
import { type ApiPrompt, detectOutputs, detectTraits, extractRequirements, type ObjectInfo } from '@aipipeline/comfyui'
import {
  type InspectWorkflowTemplateRequest,
  type ParameterPatch,
  type TemplateCategory,
  type TemplateModelFamily,
  WorkflowTemplate,
  WorkflowTemplateRevision,
} from '@aipipeline/contracts'
import {
  type BackendRepository,
  isUniqueViolation,
  type TemplateParameter,
  type WorkflowTemplatePatch,
  type WorkflowTemplateRecord,
  type WorkflowTemplateRepository,
  type WorkflowTemplateRevisionRecord,
} from '@aipipeline/db'
import { Conflict, NotFound } from '@aipipeline/domain'
import type { z } from 'zod'
import type { OffloadPool } from '../../offload/offload-pool'
import { backendCompatibility } from './template-compatibility'
import { inspectWorkflow } from './template-inspection'
import { type LibraryTemplate, libraryTemplates } from './template-library/template-library'
import { type SeedReport, seedTemplateLibrary } from './template-library-seeding'
import { carryOver, patchParameters } from './template-parameters'
import { toTemplateRequirements } from './template-requirements'
import { OFFLOAD_WORKFLOW_NODES, readTemplateTask } from './workflow-reading.task'
import { type WorkflowInput, workflowSize } from './workflow-source'

type InspectWorkflowTemplateRequestBody = z.infer<typeof InspectWorkflowTemplateRequest>

type TemplateSource =
  | { kind: 'api'; prompt: Record<string, unknown> }
  | { kind: 'ui'; workflow: Record<string, unknown> }

/** Metadata a create or update body may carry. */
interface MetadataInput {
  modelFamily?: TemplateModelFamily | undefined
  category?: TemplateCategory | undefined
  outputs?: Array<'image' | 'video'> | undefined
  parameters?: Record<string, ParameterPatch> | undefined
}

export interface TemplateServiceDeps {
  repo: WorkflowTemplateRepository
  objectInfo(): Promise<ObjectInfo | null>
  /** Backends and the capabilities they reported (compatibility). */
  backends: Pick<BackendRepository, 'list'>
  /** Where large workflows are read. */
  offload: OffloadPool
  /** Most nodes a workflow may have (WORKFLOW_MAX_NODES). */
  maxNodes: number
  /** The shipped library (tests pass a newer one). */
  library?: () => LibraryTemplate[]
}

function toTemplate(t: WorkflowTemplateRecord): WorkflowTemplate {
  return WorkflowTemplate.parse({
    id: t.id,
    name: t.name,
    description: t.description,
    prompt: t.prompt,
    parameters: t.parameters,
    modelFamily: t.modelFamily,
    category: t.category,
    outputs: t.outputs,
    requirements: t.requirements,
    builtIn: t.builtIn,
    revision: t.revision,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
  })
}

function toRevision(r: WorkflowTemplateRevisionRecord): WorkflowTemplateRevision {
  return WorkflowTemplateRevision.parse(r)
}

export function createWorkflowTemplateService(deps: TemplateServiceDeps) {
  async function promptOf(source: TemplateSource): Promise<{ prompt: ApiPrompt; parameters: TemplateParameter[] }> {
    const objectInfo = await deps.objectInfo()
    const workflow: WorkflowInput =
      source.kind === 'api'
        ? { kind: 'api', prompt: source.prompt, what: 'source.prompt' }
        : { kind: 'ui', workflow: source.workflow, objectInfo }
    return deps.offload.runSized(
      readTemplateTask,
      { workflow, objectInfo, maxNodes: deps.maxNodes },
      workflowSize(workflow) >= OFFLOAD_WORKFLOW_NODES,
    )
  }

  async function existing(id: string): Promise<WorkflowTemplateRecord> {
    const t = await deps.repo.get(id)
    if (t === null) throw new NotFound('workflow template', id)
    return t
  }

  async function guardName<T>(name: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write()
    } catch (err) {
      if (isUniqueViolation(err)) throw new Conflict(`a workflow template named "${name}" exists`)
      throw err
    }
  }

  /** The stored change an update body asks for (empty when it changes nothing). */
  async function changeOf(
    before: WorkflowTemplateRecord,
    patch: MetadataInput & {
      name?: string | undefined
      description?: string | undefined
      source?: TemplateSource | undefined
    },
  ): Promise<WorkflowTemplatePatch> {
    const change: WorkflowTemplatePatch = {}
    if (patch.name !== undefined && patch.name !== before.name) change.name = patch.name
    if (patch.description !== undefined && patch.description !== before.description)
      change.description = patch.description
    let parameters = before.parameters
    if (patch.source !== undefined) {
      const read = await promptOf(patch.source)
      change.prompt = read.prompt
      change.requirements = toTemplateRequirements(extractRequirements(read.prompt))
      change.outputs = detectOutputs(read.prompt)
      parameters = carryOver(before.parameters, read.parameters)
    }
    parameters = patchParameters(parameters, patch.parameters)
    if (JSON.stringify(parameters) !== JSON.stringify(before.parameters)) change.parameters = parameters
    if (patch.modelFamily !== undefined && patch.modelFamily !== before.modelFamily)
      change.modelFamily = patch.modelFamily
    if (patch.category !== undefined && patch.category !== before.category) change.category = patch.category
    if (patch.outputs !== undefined) change.outputs = patch.outputs
    return change
  }

  return {
    async list(): Promise<WorkflowTemplate[]> {
      return (await deps.repo.list()).map(toTemplate)
    },
    async get(id: string): Promise<WorkflowTemplate> {
      return toTemplate(await existing(id))
    },
    async create(
      input: MetadataInput & { name: string; description: string; source: TemplateSource },
      createdBy: string | null,
    ): Promise<WorkflowTemplate> {
      const { prompt, parameters } = await promptOf(input.source)
      const traits = detectTraits(prompt)
      const t = await guardName(input.name, () =>
        deps.repo.insert({
          name: input.name,
          description: input.description,
          prompt,
          parameters: patchParameters(parameters, input.parameters),
          modelFamily: input.modelFamily ?? traits.modelFamily,
          category: input.category ?? traits.category,
          outputs: input.outputs ?? traits.outputs,
          requirements: toTemplateRequirements(extractRequirements(prompt)),
          createdBy,
        }),
      )
      return toTemplate(t)
    },
    /** Applies an edit as a new revision; a body that changes nothing leaves the revision as it is. */
    async update(
      id: string,
      patch: MetadataInput & {
        name?: string | undefined
        description?: string | undefined
        source?: TemplateSource | undefined
      },
      editedBy: string | null,
    ): Promise<WorkflowTemplate> {
      const before = await existing(id)
      const change = await changeOf(before, patch)
      if (Object.keys(change).length === 0) return toTemplate(before)
      const t = await guardName(patch.name ?? '', () => deps.repo.edit(id, change, { editedBy, byUser: true }))
      if (t === null) throw new NotFound('workflow template', id)
      return toTemplate(t)
    },
    async remove(id: string): Promise<void> {
      if (!(await deps.repo.delete(id))) throw new NotFound('workflow template', id)
    },

    async revisions(id: string) {
      const t = await existing(id)
      const items = (await deps.repo.revisions(id)).map(({ revision, name, editedBy, createdAt }) => ({
        revision,
        name,
        editedBy,
        createdAt,
      }))
      return { currentRevision: t.revision, items }
    },
    /** A previous revision, or the current state when `revision` is the current one. */
    async revision(id: string, revision: number): Promise<WorkflowTemplateRevision> {
      const t = await existing(id)
      if (revision === t.revision) return toRevision({ ...t, templateId: t.id, editedBy: null, createdAt: t.updatedAt })
      const r = await deps.repo.revision(id, revision)
      if (r === null) throw new NotFound(`revision ${revision} of workflow template`, id)
      return toRevision(r)
    },

    /** Per backend: whether it can run the template and what it lacks. */
    async compatibility(id: string) {
      const t = await existing(id)
      const backends = (await deps.backends.list()).filter((b) => b.enabled)
      return {
        templateId: t.id,
        requirements: t.requirements,
        backends: backends.map((b) => backendCompatibility(t.requirements, b)),
      }
    },

    /** Reads a workflow from JSON or a file and suggests its parameters; nothing is saved. */
    inspect(request: InspectWorkflowTemplateRequestBody) {
      return inspectWorkflow(request, deps)
    },

    /** Writes the shipped library into the database (studio start). */
    seedLibrary(): Promise<SeedReport> {
      return seedTemplateLibrary(deps.repo, (deps.library ?? libraryTemplates)())
    },
  }
}
export type WorkflowTemplateService = ReturnType<typeof createWorkflowTemplateService>
