// The submit dialog's form values, generated from a template's parameter schema: one field per
// parameter, typed by its kind, pre-filled with its default, and turned back into the typed
// `parameters` object the submit route expects.
import type { WorkflowParameter } from '@aipipeline/contracts'

export type ParameterValue = string | number | boolean | ''

/** Initial form values: the default of each parameter, or an empty field. */
export function initialValues(parameters: readonly WorkflowParameter[]): Record<string, ParameterValue> {
  const values: Record<string, ParameterValue> = {}
  for (const p of parameters) {
    if (p.type === 'boolean') values[p.name] = typeof p.default === 'boolean' ? p.default : false
    else if (p.default !== undefined && typeof p.default !== 'boolean') values[p.name] = p.default
    else values[p.name] = ''
  }
  return values
}

export interface ParameterProblem {
  name: string
  problem: 'required' | 'not-a-number' | 'not-an-integer'
}

/** The typed parameters to submit, or the fields that need attention. */
export function toSubmitParameters(
  parameters: readonly WorkflowParameter[],
  values: Record<string, ParameterValue>,
): { ok: true; parameters: Record<string, string | number | boolean> } | { ok: false; problems: ParameterProblem[] } {
  const out: Record<string, string | number | boolean> = {}
  const problems: ParameterProblem[] = []
  for (const p of parameters) {
    const value = values[p.name] ?? ''
    switch (p.type) {
      case 'boolean':
        out[p.name] = value === true
        break
      case 'string':
        if (value === '' && p.default === undefined) problems.push({ name: p.name, problem: 'required' })
        else out[p.name] = String(value)
        break
      case 'int':
      case 'seed':
      case 'float': {
        if (value === '') {
          problems.push({ name: p.name, problem: 'required' })
          break
        }
        const n = typeof value === 'number' ? value : Number(value)
        if (!Number.isFinite(n)) problems.push({ name: p.name, problem: 'not-a-number' })
        else if (p.type !== 'float' && !Number.isInteger(n)) problems.push({ name: p.name, problem: 'not-an-integer' })
        else out[p.name] = n
        break
      }
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, parameters: out }
}

/** A seed in ComfyUI's range that is safe as a JavaScript integer. */
export function randomSeed(random: () => number = Math.random): number {
  return Math.floor(random() * 2 ** 48)
}
