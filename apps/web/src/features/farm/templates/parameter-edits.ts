// The edit model of a template's parameter table: one draft per parameter as the fields hold it,
// the checks a supervisor sees before saving, and the patch sent to the server, which names only
// what changed so that an untouched parameter is never rewritten.
import type { ParameterRole, WorkflowParameter } from '@aipipeline/contracts'

type Scalar = string | number | boolean

/** One row of the table while it is being edited; '' means "none". */
export interface ParameterDraft {
  label: string
  role: ParameterRole | ''
  default: Scalar | ''
  min: number | ''
  max: number | ''
}

/** What changes for one parameter; `null` clears a label, role, default or bound. */
export interface ParameterChange {
  label?: string | null
  role?: ParameterRole | null
  default?: Scalar | null
  min?: number | null
  max?: number | null
}

export type DraftProblem = 'notWhole' | 'notNumber' | 'minAboveMax' | 'belowMin' | 'aboveMax'
export type DraftProblems = Partial<Record<'default' | 'min' | 'max', DraftProblem>>

const ROLES_BY_TYPE: Record<WorkflowParameter['type'], readonly ParameterRole[]> = {
  string: ['prompt', 'negative', 'image', 'mask', 'controlImage'],
  seed: ['seed'],
  int: ['seed', 'width', 'height', 'steps', 'frames', 'fps', 'upscaleFactor'],
  float: ['cfg', 'denoise', 'fps', 'loraStrength', 'upscaleFactor'],
  boolean: [],
}

/** The roles a parameter of this type can play: a prompt is text, a width a whole number. */
export function rolesFor(type: WorkflowParameter['type']): readonly ParameterRole[] {
  return ROLES_BY_TYPE[type]
}

/** Whether a parameter of this type has a numeric range. */
export function isNumeric(type: WorkflowParameter['type']): boolean {
  return type === 'int' || type === 'float' || type === 'seed'
}

/** The drafts of a template's parameters, keyed by parameter name. */
export function draftsOf(parameters: readonly WorkflowParameter[]): Record<string, ParameterDraft> {
  return Object.fromEntries(parameters.map((p) => [p.name, draftOf(p)]))
}

function draftOf(p: WorkflowParameter): ParameterDraft {
  return {
    label: p.label ?? '',
    role: p.role ?? '',
    default: tidy(p.default) ?? '',
    min: tidy(p.min) ?? '',
    max: tidy(p.max) ?? '',
  }
}

/**
 * A number as a person would write it: workflows carry binary noise such as 0.8700000000000001,
 * which is 0.87 to fifteen significant digits (all a double holds exactly). Whole numbers, such
 * as seeds of fifteen digits and more, are left exactly as they are.
 */
function tidy<T extends Scalar | undefined>(value: T): T | number {
  return typeof value === 'number' && Number.isFinite(value) && !Number.isInteger(value)
    ? Number(value.toPrecision(15))
    : value
}

/** A number typed into a field, or undefined when the field holds no number. */
function numberOf(value: Scalar | ''): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined
  if (typeof value !== 'string' || value.trim() === '') return undefined
  const n = Number(value)
  return Number.isFinite(n) ? n : undefined
}

/** What is wrong with a draft of a parameter of this type; empty when it can be saved. */
export function draftProblems(type: WorkflowParameter['type'], draft: ParameterDraft): DraftProblems {
  if (!isNumeric(type)) return {}
  const whole = type !== 'float'
  const problems: DraftProblems = {}
  const check = (field: 'default' | 'min' | 'max', value: Scalar | ''): number | undefined => {
    if (value === '') return undefined
    const n = numberOf(value)
    if (n === undefined) problems[field] = 'notNumber'
    else if (whole && !Number.isInteger(n)) problems[field] = 'notWhole'
    return n
  }
  const min = check('min', draft.min)
  const max = check('max', draft.max)
  const value = check('default', draft.default)
  if (min !== undefined && max !== undefined && min > max) problems.max = 'minAboveMax'
  if (value !== undefined && !problems.default) {
    if (min !== undefined && value < min) problems.default = 'belowMin'
    else if (max !== undefined && value > max) problems.default = 'aboveMax'
  }
  return problems
}

/** True when no draft has a problem. */
export function draftsValid(parameters: readonly WorkflowParameter[], drafts: Record<string, ParameterDraft>): boolean {
  return parameters.every((p) => {
    const d = drafts[p.name]
    return d === undefined || Object.keys(draftProblems(p.type, d)).length === 0
  })
}

/** The typed default of a draft: numbers for numeric parameters, a boolean for a switch. */
function typedDefault(type: WorkflowParameter['type'], value: Scalar | ''): Scalar | undefined {
  if (value === '') return undefined
  if (isNumeric(type)) return numberOf(value)
  if (type === 'boolean') return value === true || value === 'true'
  return String(value)
}

/** The changes between the saved parameters and their drafts, keyed by name; {} when nothing changed. */
export function parameterPatch(
  parameters: readonly WorkflowParameter[],
  drafts: Record<string, ParameterDraft>,
): Record<string, ParameterChange> {
  const patch: Record<string, ParameterChange> = {}
  for (const p of parameters) {
    const d = drafts[p.name]
    if (d === undefined) continue
    const change: ParameterChange = {}
    const label = d.label.trim()
    if (label !== (p.label ?? '')) change.label = label === '' ? null : label
    if (d.role !== (p.role ?? '')) change.role = d.role === '' ? null : d.role
    const value = typedDefault(p.type, d.default)
    if (value !== tidy(p.default)) change.default = value ?? null
    const min = d.min === '' ? undefined : d.min
    const max = d.max === '' ? undefined : d.max
    if (min !== tidy(p.min)) change.min = min ?? null
    if (max !== tidy(p.max)) change.max = max ?? null
    if (Object.keys(change).length > 0) patch[p.name] = change
  }
  return patch
}

/**
 * Every label, role, default and bound the drafts hold, keyed by name: what a new template is
 * saved with, since nothing of it exists on the server yet.
 */
export function parameterSettings(
  parameters: readonly WorkflowParameter[],
  drafts: Record<string, ParameterDraft>,
): Record<string, ParameterChange> {
  const bare = parameters.map((p) => ({ name: p.name, type: p.type, locations: p.locations }))
  return parameterPatch(bare, drafts)
}
