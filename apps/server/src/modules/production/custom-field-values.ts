// Checks custom field values against their descriptors (type, choices) before they are
// stored, from the API and from spreadsheets alike.
import type { CustomFieldRecord, CustomFieldValue } from '@aipipeline/db'
import { ValidationFailed } from '@aipipeline/domain'
import { z } from 'zod'

const BY_TYPE: Record<CustomFieldRecord['type'], z.ZodType> = {
  text: z.string().max(10_000),
  number: z.number().finite(),
  list: z.string(),
  tags: z.array(z.string()),
  boolean: z.boolean(),
  date: z.iso.date(),
  url: z.url(),
  person: z.string().min(1).max(64),
}

/** Validates one value (null clears); throws ValidationFailed naming the field. */
export function checkFieldValue(field: CustomFieldRecord, value: CustomFieldValue, path: string): CustomFieldValue {
  if (value === null) return null
  const parsed = BY_TYPE[field.type].safeParse(value)
  const bad = (message: string): never => {
    throw new ValidationFailed(`${field.name}: ${message}`, [{ path, message }])
  }
  if (!parsed.success) bad(`expected a ${field.type} value`)
  const choices = field.choices
  if (field.type === 'list' && choices.length > 0 && typeof value === 'string' && !choices.includes(value)) {
    bad(`"${value}" is not one of ${choices.join(', ')}`)
  }
  if (field.type === 'tags' && choices.length > 0 && Array.isArray(value)) {
    const unknown = value.filter((t) => !choices.includes(t))
    if (unknown.length > 0) bad(`unknown tags ${unknown.join(', ')}`)
  }
  return value
}

/** Merges a patch of custom values into the current ones, validating each key. */
export function mergeFieldValues(
  fields: readonly CustomFieldRecord[],
  current: Record<string, CustomFieldValue>,
  patch: Record<string, CustomFieldValue>,
  pathPrefix = 'customFields',
): Record<string, CustomFieldValue> {
  const byKey = new Map(fields.map((f) => [f.key, f]))
  const next = { ...current }
  for (const [key, value] of Object.entries(patch)) {
    const field = byKey.get(key)
    if (!field)
      throw new ValidationFailed(`unknown custom field "${key}"`, [
        { path: `${pathPrefix}.${key}`, message: 'unknown field' },
      ])
    const checked = checkFieldValue(field, value, `${pathPrefix}.${key}`)
    if (checked === null) delete next[key]
    else next[key] = checked
  }
  return next
}
