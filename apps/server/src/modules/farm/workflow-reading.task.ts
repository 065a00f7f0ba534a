// Reading a submitted workflow: parse or convert it, check its links, fill its parameters and
// work out what it needs. A 10,000-node workflow takes a second or more, so large ones run on
// the offload pool's worker threads; this file imports only pure code for that reason.
import {
  type ApiPrompt,
  describeParameters,
  extractRequirements,
  type ObjectInfo,
  type WorkflowRequirements,
} from '@aipipeline/comfyui'
import type { TemplateParameter } from '@aipipeline/db'
import { defineOffloadTask } from '../../offload/offload-task'
import { allModels, estimateCost, primaryModel } from './render-cost'
import { fillParameters, readWorkflow, type WorkflowInput } from './workflow-source'

/** Workflows from this many nodes are read on a worker thread; smaller ones inline. */
export const OFFLOAD_WORKFLOW_NODES = 500

/** What a job row needs from its prompt. */
export interface PromptFacts {
  promptJson: string
  requirements: WorkflowRequirements
  cost: number
}

/**
 * The job fields a template render stores from its prompt's facts: the prompt, what a backend
 * needs to run it (no tags, no VRAM floor: a template asks for nothing beyond its nodes and
 * models), the model that decides placement, and the estimated work.
 */
export function templateJobFacts(facts: PromptFacts) {
  return {
    promptJson: facts.promptJson,
    requirements: {
      nodeClasses: facts.requirements.nodeClasses,
      models: allModels(facts.requirements),
      tags: [] as string[],
      minVramGb: 0,
    },
    primaryModel: primaryModel(facts.requirements),
    cost: facts.cost,
  }
}

/** The stored prompt, its requirements and its estimated work. */
export function promptFacts(prompt: ApiPrompt): PromptFacts {
  return { promptJson: JSON.stringify(prompt), requirements: extractRequirements(prompt), cost: estimateCost(prompt) }
}

/** A single job: read, fill, describe. */
export const prepareSubmissionTask = defineOffloadTask(
  import.meta.url,
  'prepareSubmissionTask',
  (input: { workflow: WorkflowInput; parameters: Record<string, unknown>; maxNodes: number }): PromptFacts =>
    promptFacts(fillParameters(readWorkflow(input.workflow, input.maxNodes), input.parameters)),
)

/** A workflow read into an API prompt (a sweep fills it once per combination). */
export const readWorkflowTask = defineOffloadTask(
  import.meta.url,
  'readWorkflowTask',
  (input: { workflow: WorkflowInput; maxNodes: number }): ApiPrompt => readWorkflow(input.workflow, input.maxNodes),
)

/** A template's prompt and its typed parameters. */
export const readTemplateTask = defineOffloadTask(
  import.meta.url,
  'readTemplateTask',
  (input: {
    workflow: WorkflowInput
    objectInfo: ObjectInfo | null
    maxNodes: number
  }): { prompt: ApiPrompt; parameters: TemplateParameter[] } => {
    const prompt = readWorkflow(input.workflow, input.maxNodes)
    return { prompt, parameters: describeParameters(prompt, input.objectInfo ?? undefined) }
  },
)
