// Saved workflow templates: an API prompt (UI workflows are converted on save) whose
// `{placeholders}` become typed parameters, described with the backends' node definitions.
import type { ApiPrompt, ObjectInfo } from '@aipipeline/comfyui'
import type { WorkflowTemplate } from '@aipipeline/contracts'
import {
  isUniqueViolation,
  type TemplateParameter,
  type WorkflowTemplateRecord,
  type WorkflowTemplateRepository,
} from '@aipipeline/db'
import { Conflict, NotFound } from '@aipipeline/domain'
import { z } from 'zod'
import type { OffloadPool } from '../../offload/offload-pool'
import { OFFLOAD_WORKFLOW_NODES, readTemplateTask } from './workflow-reading.task'
import { type WorkflowInput, workflowSize } from './workflow-source'

type TemplateSource =
  | { kind: 'api'; prompt: Record<string, unknown> }
  | { kind: 'ui'; workflow: Record<string, unknown> }

export interface TemplateServiceDeps {
  repo: WorkflowTemplateRepository
  objectInfo(): Promise<ObjectInfo | null>
  /** Where large workflows are read. */
  offload: OffloadPool
  /** Most nodes a workflow may have (WORKFLOW_MAX_NODES). */
  maxNodes: number
}

const JsonObject = z.record(z.string(), z.unknown())

function toTemplate(t: WorkflowTemplateRecord): WorkflowTemplate {
  return {
    id: t.id,
    name: t.name,
    description: t.description,
    prompt: JsonObject.parse(t.prompt),
    parameters: t.parameters,
    // Library metadata is stored from the next migration on; until then every template is a custom one.
    modelFamily: 'generic',
    category: 'custom',
    outputs: ['image'],
    requirements: { nodeClasses: [], models: [] },
    builtIn: false,
    revision: 1,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
  }
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

  return {
    async list(): Promise<WorkflowTemplate[]> {
      return (await deps.repo.list()).map(toTemplate)
    },
    async get(id: string): Promise<WorkflowTemplate> {
      return toTemplate(await existing(id))
    },
    async create(
      input: { name: string; description: string; source: TemplateSource },
      createdBy: string | null,
    ): Promise<WorkflowTemplate> {
      const { prompt, parameters } = await promptOf(input.source)
      const t = await guardName(input.name, () =>
        deps.repo.insert({ name: input.name, description: input.description, prompt, parameters, createdBy }),
      )
      return toTemplate(t)
    },
    async update(
      id: string,
      patch: { name?: string | undefined; description?: string | undefined; source?: TemplateSource | undefined },
    ): Promise<WorkflowTemplate> {
      await existing(id)
      const replaced = patch.source ? await promptOf(patch.source) : {}
      const t = await guardName(patch.name ?? '', () =>
        deps.repo.update(id, {
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.description !== undefined ? { description: patch.description } : {}),
          ...replaced,
        }),
      )
      if (t === null) throw new NotFound('workflow template', id)
      return toTemplate(t)
    },
    async remove(id: string): Promise<void> {
      if (!(await deps.repo.delete(id))) throw new NotFound('workflow template', id)
    },
  }
}
export type WorkflowTemplateService = ReturnType<typeof createWorkflowTemplateService>
