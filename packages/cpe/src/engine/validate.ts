// validate(): parse a config, resolve it against the catalog and run every rule.
import { z } from 'zod'
import { type Catalog, defaultCatalog } from '../catalog/catalog'
import { CpeConfig } from '../config/cpe-config.schema'
import type { AnyRule, RuleContext, Violation } from '../rules/rule.types'
import { buildContext } from '../rules/rule-context'
import { ALL_RULES } from '../rules/rule-registry'

export interface SchemaIssue {
  path: string
  message: string
}

/** The config did not match the schema; nothing was checked. */
export interface MalformedConfig {
  status: 'malformed'
  violations: []
  error: { message: string; issues: SchemaIssue[] }
}

export type ValidationResult = { status: 'valid' | 'warning' | 'invalid'; violations: Violation[] } | MalformedConfig

/** Turns a zod failure into the engine's error result. */
export function malformed(error: z.ZodError): MalformedConfig {
  return {
    status: 'malformed',
    violations: [],
    error: {
      message: z.prettifyError(error),
      issues: error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    },
  }
}

/** Runs one rule; null when the config passes it. */
export function runRule(rule: AnyRule, ctx: RuleContext): Violation | null {
  const details = rule.check(ctx)
  if (details === null) return null
  const violation: Violation = {
    ruleId: rule.id,
    severity: rule.severity,
    fields: rule.blame === undefined ? rule.fields : rule.blame(details),
    message: { en: rule.message.en(details), ko: rule.message.ko(details) },
    explanation: rule.explanation,
  }
  const intended = ctx.preset?.intendedViolations.find((i) => i.ruleId === rule.id)
  if (intended !== undefined) violation.intendedByPreset = intended.reason
  return violation
}

/** Runs every rule on an already parsed config, hard violations first. */
export function evaluate(config: CpeConfig, catalog: Catalog): Violation[] {
  const ctx = buildContext(config, catalog)
  const hard: Violation[] = []
  const rest: Violation[] = []
  for (const rule of ALL_RULES) {
    const v = runRule(rule, ctx)
    if (v !== null) (v.severity === 'hard' ? hard : rest).push(v)
  }
  if (hard.length === 0) return rest
  for (const v of rest) hard.push(v)
  return hard
}

/** Status roll-up: any HARD ⇒ invalid, any SOFT ⇒ warning; INFO never changes the status. */
export function statusOf(violations: readonly Violation[]): 'valid' | 'warning' | 'invalid' {
  let soft = false
  for (const v of violations) {
    if (v.severity === 'hard') return 'invalid'
    if (v.severity === 'soft') soft = true
  }
  return soft ? 'warning' : 'valid'
}

/** Validates a config (as a user or preset writes it); never throws, malformed input included. */
export function validate(config: unknown, catalog: Catalog = defaultCatalog()): ValidationResult {
  const parsed = CpeConfig.safeParse(config)
  if (!parsed.success) return malformed(parsed.error)
  const violations = evaluate(parsed.data, catalog)
  return { status: statusOf(violations), violations }
}
