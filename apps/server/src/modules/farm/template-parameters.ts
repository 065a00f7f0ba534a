// A template's parameter metadata: the user's labels, roles, defaults and bounds applied by
// parameter name, carried over when the workflow is replaced, and the bounds checked at submit.
import { coerceParameter } from '@aipipeline/comfyui'
import type { ParameterPatch } from '@aipipeline/contracts'
import type { TemplateParameter } from '@aipipeline/db'
import { ValidationFailed } from '@aipipeline/domain'

type Patchable = 'label' | 'role' | 'default' | 'min' | 'max'
const PATCHABLE: Patchable[] = ['label', 'role', 'default', 'min', 'max']

/** Applies a `parameters` patch keyed by name; unknown names or ill-typed defaults are a 400 naming them. */
export function patchParameters(
  parameters: TemplateParameter[],
  patch: Record<string, ParameterPatch> | undefined,
): TemplateParameter[] {
  if (patch === undefined) return parameters
  const known = new Set(parameters.map((p) => p.name))
  const unknown = Object.keys(patch).filter((name) => !known.has(name))
  if (unknown.length > 0) {
    throw new ValidationFailed(
      `unknown parameters ${unknown.map((n) => `"${n}"`).join(', ')}: the workflow has no such placeholder`,
      unknown.map((name) => ({ path: `body.parameters.${name}`, message: `no placeholder named "${name}"` })),
    )
  }
  return parameters.map((p) => {
    const change = patch[p.name]
    if (change === undefined) return p
    const next: TemplateParameter = { ...p }
    for (const key of PATCHABLE) {
      const value = change[key]
      if (value === undefined) continue
      if (value === null) delete next[key]
      else if (key === 'default') next.default = typedDefault(p, value)
      else Object.assign(next, { [key]: value })
    }
    if (next.min !== undefined && next.max !== undefined && next.min > next.max) {
      throw new ValidationFailed(`parameter "${p.name}": min ${next.min} is above max ${next.max}`, [
        { path: `body.parameters.${p.name}.min`, message: 'min is above max' },
      ])
    }
    return next
  })
}

function typedDefault(p: TemplateParameter, value: string | number | boolean): string | number | boolean {
  const typed = coerceParameter(p.type, value)
  if (typed === undefined) {
    throw new ValidationFailed(`parameter "${p.name}" expects a ${p.type} default, got ${JSON.stringify(value)}`, [
      { path: `body.parameters.${p.name}.default`, message: `expects a ${p.type}` },
    ])
  }
  return typed
}

/** Keeps the label, role and bounds of parameters that still exist after the workflow changed. */
export function carryOver(before: TemplateParameter[], after: TemplateParameter[]): TemplateParameter[] {
  const old = new Map(before.map((p) => [p.name, p]))
  return after.map((p) => {
    const was = old.get(p.name)
    if (was === undefined) return p
    const kept: TemplateParameter = { ...p }
    if (was.label !== undefined) kept.label = was.label
    if (was.role !== undefined) kept.role = was.role
    if (was.min !== undefined) kept.min = was.min
    if (was.max !== undefined) kept.max = was.max
    return kept
  })
}

/** Defaults the user set on the template (they win over the placeholders' own). */
export function storedDefaults(parameters: TemplateParameter[]): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {}
  for (const p of parameters) if (p.default !== undefined) out[p.name] = p.default
  return out
}

/** Values outside a parameter's min/max are a 400 naming the parameter. */
export function assertWithinBounds(parameters: TemplateParameter[], values: Record<string, unknown>): void {
  const issues: { path: string; message: string }[] = []
  for (const p of parameters) {
    const raw = values[p.name]
    if (raw === undefined || (p.min === undefined && p.max === undefined)) continue
    const value = coerceParameter(p.type, raw)
    if (typeof value !== 'number') continue // an ill-typed value is reported when it is filled
    if (p.min !== undefined && value < p.min)
      issues.push({ path: `parameters.${p.name}`, message: `${p.name} is ${value}, below the minimum ${p.min}` })
    if (p.max !== undefined && value > p.max)
      issues.push({ path: `parameters.${p.name}`, message: `${p.name} is ${value}, above the maximum ${p.max}` })
  }
  if (issues.length > 0)
    throw new ValidationFailed(`invalid parameters: ${issues.map((i) => i.message).join('; ')}`, issues)
}
