// The add/edit deployment dialog's state and how it becomes a request. The key field is
// write-only: it starts empty, empty means "keep the stored key", a typed value replaces it,
// and removing is an explicit choice (null on the wire), never an accident of a blank field.
import type { CreateLlmDeploymentRequest, LlmDeployment, UpdateLlmDeploymentRequest } from '@aipipeline/contracts'
import type { z } from 'zod'
import { dollarsToMicros, microsToDollarText } from './money'

export interface DeploymentForm {
  name: string
  provider: LlmDeployment['provider']
  modelId: string
  baseUrl: string
  /** A new key; empty keeps the stored one. */
  apiKey: string
  removeKey: boolean
  contextWindow: number
  maxOutputTokens: number
  /** Own prices instead of the price table's, as dollar text per million tokens. */
  priceOverride: boolean
  inputPrice: string
  outputPrice: string
  capabilities: LlmDeployment['capabilities']
  locality: LlmDeployment['locality']
  latencyClass: LlmDeployment['latencyClass']
  taskClasses: LlmDeployment['taskClasses']
  priority: number
  fallbackIds: string[]
  enabled: boolean
}

export type FormProblem = 'inputPrice' | 'outputPrice' | 'taskClasses' | 'baseUrl'

type CreateBody = z.input<typeof CreateLlmDeploymentRequest>
type UpdateBody = z.input<typeof UpdateLlmDeploymentRequest>

/** An empty form for a new deployment. */
export function emptyForm(): DeploymentForm {
  return {
    name: '',
    provider: 'openai',
    modelId: '',
    baseUrl: '',
    apiKey: '',
    removeKey: false,
    contextWindow: 128_000,
    maxOutputTokens: 4_096,
    priceOverride: false,
    inputPrice: '',
    outputPrice: '',
    capabilities: { structuredOutput: true, vision: false, embeddings: false },
    locality: 'cloud',
    latencyClass: 'standard',
    taskClasses: ['analysis', 'creative', 'enhance', 'summarise'],
    priority: 0,
    fallbackIds: [],
    enabled: true,
  }
}

/** The form for editing `d`; the key field stays empty because the key is never sent back. */
export function formOf(d: LlmDeployment): DeploymentForm {
  return {
    name: d.name,
    provider: d.provider,
    modelId: d.modelId,
    baseUrl: d.baseUrl ?? '',
    apiKey: '',
    removeKey: false,
    contextWindow: d.contextWindow,
    maxOutputTokens: d.maxOutputTokens,
    priceOverride: d.priceOverride !== null,
    inputPrice: d.priceOverride ? microsToDollarText(d.priceOverride.inputMicrosPerMillion) : '',
    outputPrice: d.priceOverride ? microsToDollarText(d.priceOverride.outputMicrosPerMillion) : '',
    capabilities: d.capabilities,
    locality: d.locality,
    latencyClass: d.latencyClass,
    taskClasses: d.taskClasses,
    priority: d.priority,
    fallbackIds: d.fallbackIds,
    enabled: d.enabled,
  }
}

type Checked<T> = { ok: true; body: T } | { ok: false; problems: FormProblem[] }

function common(form: DeploymentForm): Checked<Required<Omit<UpdateBody, 'apiKey'>>> {
  const problems: FormProblem[] = []
  let priceOverride: Required<UpdateBody>['priceOverride'] = null
  if (form.priceOverride) {
    const input = dollarsToMicros(form.inputPrice)
    const output = dollarsToMicros(form.outputPrice)
    if (input === null) problems.push('inputPrice')
    if (output === null) problems.push('outputPrice')
    if (input !== null && output !== null) {
      priceOverride = { inputMicrosPerMillion: input, outputMicrosPerMillion: output }
    }
  }
  if (form.taskClasses.length === 0) problems.push('taskClasses')
  const baseUrl = form.baseUrl.trim()
  if (baseUrl !== '' && !URL.canParse(baseUrl)) problems.push('baseUrl')
  if (problems.length > 0) return { ok: false, problems }
  return {
    ok: true,
    body: {
      name: form.name.trim(),
      modelId: form.modelId.trim(),
      baseUrl: baseUrl === '' ? null : baseUrl,
      contextWindow: form.contextWindow,
      maxOutputTokens: form.maxOutputTokens,
      priceOverride,
      capabilities: form.capabilities,
      locality: form.locality,
      latencyClass: form.latencyClass,
      taskClasses: form.taskClasses,
      priority: form.priority,
      fallbackIds: form.fallbackIds,
      enabled: form.enabled,
    },
  }
}

/** The POST body; a key is sent only when one was typed. */
export function createBody(form: DeploymentForm): Checked<CreateBody> {
  const checked = common(form)
  if (!checked.ok) return checked
  const key = form.apiKey.trim()
  return { ok: true, body: { ...checked.body, provider: form.provider, ...(key !== '' ? { apiKey: key } : {}) } }
}

/** The PATCH body: a typed key replaces, "remove key" sends null, otherwise the key is left out. */
export function updateBody(form: DeploymentForm): Checked<UpdateBody> {
  const checked = common(form)
  if (!checked.ok) return checked
  const key = form.apiKey.trim()
  const apiKey = form.removeKey ? { apiKey: null } : key !== '' ? { apiKey: key } : {}
  return { ok: true, body: { ...checked.body, ...apiKey } }
}

/** "set · …abcd", "not set": the only way a key is ever shown. */
export function keyStatus(d: Pick<LlmDeployment, 'hasKey' | 'keyHint'>): { set: boolean; hint: string | null } {
  return { set: d.hasKey, hint: d.hasKey && d.keyHint ? `…${d.keyHint}` : null }
}
