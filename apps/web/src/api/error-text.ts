// What a failed call says to the user, in their language. Errors the server marks with a code
// (and the values in its details) get a translated sentence; anything else keeps the server's
// message, which is still better than a bare status.
import { INVALID_BASE64_MESSAGE } from '@aipipeline/contracts'
import type { TFunction } from 'i18next'
import { ApiError } from './api-error'

const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '')

/** The field a request error is about, without the request part (`body.`) the user never sees. */
function fieldOf(path: unknown): string {
  return text(path).replace(/^(body|query|params)\./, '')
}

/** "gpu-a: WanImageToVideo, wan2.2_i2v….safetensors; gpu-b: …" from a no_backend_can_run body. */
function lackingBackends(backends: unknown): string {
  if (!Array.isArray(backends)) return ''
  return backends
    .map((b: unknown) => {
      if (typeof b !== 'object' || b === null) return ''
      const name = 'name' in b ? text(b.name) : ''
      const classes = 'missingNodeClasses' in b && Array.isArray(b.missingNodeClasses) ? b.missingNodeClasses : []
      const models = 'missingModels' in b && Array.isArray(b.missingModels) ? b.missingModels : []
      const files = models.map((m: unknown) => (typeof m === 'object' && m !== null && 'name' in m ? text(m.name) : ''))
      return `${name}: ${[...classes.map(text), ...files].filter((x) => x !== '').join(', ')}`
    })
    .filter((line) => line !== '')
    .join('; ')
}

function linkReason(reason: unknown): 'unknown' | 'expired' | 'used' {
  return reason === 'expired' || reason === 'used' ? reason : 'unknown'
}

/** The translated message for whatever an API call threw. */
export function apiErrorText(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error)
  const failure = error.failure
  if (failure.kind !== 'http') return failure.message
  const details = failure.details ?? {}
  const issue = failure.issues?.[0]
  switch (failure.code) {
    case 'json_too_deep':
      return t('errors.jsonTooDeep', { field: fieldOf(details.path), maxDepth: text(details.maxDepth) })
    case 'xml_too_deep':
      return t('errors.xmlTooDeep', { maxDepth: text(details.maxDepth) })
    case 'sweep_too_large':
      return t('errors.sweepTooLarge', { combinations: text(details.combinations), limit: text(details.limit) })
    case 'no_backend_can_run':
      return t('errors.noBackendCanRun', { backends: lackingBackends(details.backends) })
    case 'naming_template_invalid':
      return t('errors.namingTemplateInvalid', { field: fieldOf(details.path), position: text(details.position) })
    case 'account_link_invalid':
      return t(`errors.accountLink.${linkReason(details.reason)}`)
    case 'conflict':
      if (details.rule === 'email_taken') return t('errors.emailTaken')
      if (details.rule === 'department_exists') return t('errors.departmentExists')
      if (details.rule === 'studio_already_set_up') return t('errors.studioAlreadySetUp')
      if (details.rule === 'report_not_ready') return t('errors.reportNotReady')
      return failure.message
    case 'rate_limited':
      return t('errors.rateLimitedFor', { seconds: String(failure.retryAfterSeconds ?? 60) })
    case 'validation_failed':
      if (issue?.message === INVALID_BASE64_MESSAGE) return t('errors.invalidBase64', { field: fieldOf(issue.path) })
      return issue ? t('errors.invalidField', { field: fieldOf(issue.path), message: issue.message }) : failure.message
    case 'rule_violation':
      return ruleText(details, failure.message, t)
    // Refusals and failures with no finer code: a sentence in the user's language, never the server's English.
    case 'forbidden':
      return t('errors.generic.forbidden')
    case 'not_found':
      return t('errors.generic.notFound')
    case 'payload_too_large':
      return t('errors.generic.tooLarge')
    case 'internal':
      return t('errors.generic.internal')
    default:
      return failure.message
  }
}

/** A broken domain rule in the user's language, by the reason the server names; else its message. */
function ruleText(details: Record<string, unknown>, message: string, t: TFunction): string {
  // Production rules name themselves in `reason`, people rules in `rule`.
  const reason = text(details.reason ?? details.rule)
  if (!/^[a-z_]+$/.test(reason)) return message
  const values = Object.fromEntries(
    Object.entries(details).map(([k, v]) => [k, Array.isArray(v) ? v.map(text).join(', ') : text(v)]),
  )
  return t(`errors.rules.${reason}`, { ...values, defaultValue: message })
}
