// The derive dialog's state as plain data: pre-filled from the source version's provenance and
// the chosen template, and turned into the derive request. Only what the user changed is sent
// as prompt and parameters, because the server starts from the source version's own values —
// an untouched dialog renders exactly what the version was made with.
import type {
  ControlSource,
  DeriveRenderRequest,
  Version,
  WorkflowParameter,
  WorkflowTemplate,
} from '@aipipeline/contracts'
import type { z } from 'zod'
import { type ParameterProblem, type ParameterValue, toSubmitParameters } from '../farm/parameter-values'
import { type DialogMode, modeTakesDenoise, modeTakesPrompt } from './derive-modes'

type Provenance = z.infer<typeof Version>['provenance']

export type SeedChoice = { kind: 'keep' } | { kind: 'random' } | { kind: 'number'; value: number }

export interface ControlDraft {
  source: ControlSource | null
  strength: number
  startPercent: number
  endPercent: number
}

export interface DeriveDraft {
  mode: DialogMode
  templateId: string | null
  prompt: string
  negative: string
  /** Values of the template's free fields (see `editableParameters`). */
  parameters: Record<string, ParameterValue>
  denoise: number
  variations: number
  seed: SeedChoice
  control: ControlDraft
}

/** How far a refine moves from its source when the template does not say: keeps the composition. */
export const DEFAULT_DENOISE = 0.5

/** Roles the dialog fills with fields of its own (or the server fills from the source version). */
const FILLED_ELSEWHERE = new Set(['prompt', 'negative', 'seed', 'image', 'mask', 'controlImage', 'denoise'])

/** The template parameters the dialog shows as fields: steps, cfg, sizes, factors and free ones. */
export function editableParameters(template: Pick<WorkflowTemplate, 'parameters'> | null): WorkflowParameter[] {
  return (template?.parameters ?? []).filter((p) => p.role === undefined || !FILLED_ELSEWHERE.has(p.role))
}

/** A stored value that fits the parameter's type, or undefined. */
function fitting(p: WorkflowParameter, value: unknown): ParameterValue | undefined {
  if (p.type === 'boolean') return typeof value === 'boolean' ? value : undefined
  if (p.type === 'string') return typeof value === 'string' ? value : undefined
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

/** Each field's value: what the source version was made with, else the template's default. */
export function prefillParameters(
  template: Pick<WorkflowTemplate, 'parameters'> | null,
  made: Provenance['parameters'],
): Record<string, ParameterValue> {
  const values: Record<string, ParameterValue> = {}
  for (const p of editableParameters(template)) {
    const stored = fitting(p, made[p.name])
    const fallback = p.default === undefined ? undefined : fitting(p, p.default)
    values[p.name] = stored ?? fallback ?? (p.type === 'boolean' ? false : '')
  }
  return values
}

/** The template's own denoise default, else DEFAULT_DENOISE. */
export function initialDenoise(template: Pick<WorkflowTemplate, 'parameters'> | null): number {
  const value = template?.parameters.find((p) => p.role === 'denoise')?.default
  return typeof value === 'number' && value >= 0 && value <= 1 ? value : DEFAULT_DENOISE
}

/** The dialog as it opens for a version and (once picked) a template. */
export function initialDraft(
  mode: DialogMode,
  provenance: Provenance,
  template: Pick<WorkflowTemplate, 'id' | 'parameters'> | null,
): DeriveDraft {
  return {
    mode,
    templateId: template?.id ?? null,
    prompt: provenance.prompt ?? '',
    negative: provenance.negativePrompt ?? '',
    parameters: prefillParameters(template, provenance.parameters),
    denoise: initialDenoise(template),
    variations: 1,
    seed: { kind: 'random' },
    control: { source: null, strength: 1, startPercent: 0, endPercent: 1 },
  }
}

export type DraftProblem =
  | { kind: 'no-template' }
  | { kind: 'no-control' }
  | { kind: 'control-range' }
  | ({ kind: 'parameter' } & ParameterProblem)

export type DeriveBody = { ok: true; body: DeriveRenderRequest } | { ok: false; problems: DraftProblem[] }

/**
 * The request for a draft; `opened` is the draft as the dialog pre-filled it, so only changed
 * prompts and parameters are sent.
 */
export function deriveBody(
  draft: DeriveDraft,
  opened: DeriveDraft,
  template: Pick<WorkflowTemplate, 'parameters'> | null,
): DeriveBody {
  const problems: DraftProblem[] = []
  if (draft.templateId === null) problems.push({ kind: 'no-template' })
  const typed = toSubmitParameters(editableParameters(template), draft.parameters)
  if (!typed.ok) problems.push(...typed.problems.map((p) => ({ kind: 'parameter' as const, ...p })))
  if (draft.mode === 'guide') {
    if (draft.control.source === null) problems.push({ kind: 'no-control' })
    if (draft.control.startPercent > draft.control.endPercent) problems.push({ kind: 'control-range' })
  }
  if (problems.length > 0 || !typed.ok) return { ok: false, problems }

  const before = toSubmitParameters(editableParameters(template), opened.parameters)
  const changed = Object.fromEntries(
    Object.entries(typed.parameters).filter(([name, value]) => !before.ok || before.parameters[name] !== value),
  )
  const prompts = modeTakesPrompt(draft.mode)
  const body: DeriveRenderRequest = {
    mode: draft.mode,
    templateId: draft.templateId ?? '',
    parameters: changed,
    variations: prompts ? draft.variations : 1,
    seed: seedOf(draft.seed),
    resizeMask: false,
    priority: 50,
  }
  if (prompts && draft.prompt !== opened.prompt) body.prompt = draft.prompt
  if (prompts && draft.negative !== opened.negative) body.negative = draft.negative
  if (modeTakesDenoise(draft.mode)) body.denoise = draft.denoise
  if (draft.mode === 'guide' && draft.control.source !== null) {
    const { strength, startPercent, endPercent } = draft.control
    body.control = { source: draft.control.source, strength, startPercent, endPercent }
  }
  return { ok: true, body }
}

function seedOf(seed: SeedChoice): DeriveRenderRequest['seed'] {
  switch (seed.kind) {
    case 'keep':
    case 'random':
      return seed.kind
    case 'number':
      return seed.value
  }
}
