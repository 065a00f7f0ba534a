// Custom shot field descriptors: managers add, edit and delete them. Shots store their values
// under the field's key, so the key and type never change, a choice shots hold is never
// dropped, and a field whose values would go with it is deleted only when asked (see
// assertCustomFieldDeletable). Each change is one transaction with its activity row.
import type {
  CreateCustomFieldRequest,
  CustomField,
  DeleteCustomFieldQuery,
  UpdateCustomFieldRequest,
} from '@aipipeline/contracts'
import type { CustomFieldRecord, ProductionRepositories } from '@aipipeline/db'
import {
  assertChoicesCoverValues,
  assertCustomFieldDeletable,
  assertWritable,
  canManageProject,
  NotFound,
  requireAccess,
} from '@aipipeline/domain'
import type { z } from 'zod'
import type { Principal } from '../auth'
import type { ActivityService, Change } from './activity.service'
import type { ProductionAccessService } from './production-access.service'
import { changeCommitter, changeHeader, densely, studioOnlyChange, uniquely } from './production-change'
import type { ProductionContext } from './production-context'

function fieldView(f: CustomFieldRecord): z.input<typeof CustomField> {
  const { id, key, name, type, choices, clientVisible } = f
  return { id, key, name, type, choices: [...choices], clientVisible }
}

async function findField(r: ProductionRepositories, projectId: string, customFieldId: string) {
  const found = (await r.projects.customFields(projectId)).find((f) => f.id === customFieldId)
  if (!found) throw new NotFound('custom field', customFieldId)
  return found
}

export function createCustomFieldService(
  ctx: ProductionContext,
  access: ProductionAccessService,
  activity: ActivityService,
) {
  const commit = changeCommitter(ctx, activity)

  async function managed(principal: Principal, projectId: string): Promise<void> {
    const a = await access.resolve(principal, projectId)
    requireAccess(canManageProject(a), 'configure this project')
    assertWritable(a)
  }

  return {
    async create(principal: Principal, projectId: string, input: z.output<typeof CreateCustomFieldRequest>) {
      await managed(principal, projectId)
      return uniquely(`custom field "${input.key}"`, () =>
        commit(projectId, principal.userId, async (r) => {
          const f = await r.projects.insertCustomField(projectId, input)
          const change: Change = {
            event: 'custom-field:new',
            payload: { ...changeHeader(projectId, principal.userId), customFieldId: f.id },
            ...studioOnlyChange(f.id, { customFieldId: f.id, key: f.key, name: f.name }),
          }
          return { result: fieldView(f), change }
        }),
      )
    },

    /** Renames a custom field or changes its choices or visibility; key and type stay. */
    async update(
      principal: Principal,
      projectId: string,
      customFieldId: string,
      patch: z.output<typeof UpdateCustomFieldRequest>,
    ): Promise<z.input<typeof CustomField>> {
      await managed(principal, projectId)
      const fields = Object.keys(patch)
      return commit(projectId, principal.userId, async (r) => {
        const field = await findField(r, projectId, customFieldId)
        if (patch.choices !== undefined) {
          const used = new Set<string>()
          for (const shot of await r.shots.all(projectId)) {
            const value = shot.customFields[field.key]
            for (const v of Array.isArray(value) ? value : [value]) if (typeof v === 'string') used.add(v)
          }
          assertChoicesCoverValues(field, patch.choices, used)
        }
        await r.config.updateCustomField(customFieldId, patch)
        const updated = { ...field, ...patch }
        const change: Change = {
          event: 'custom-field:update',
          payload: { ...changeHeader(projectId, principal.userId), customFieldId, fields },
          ...studioOnlyChange(customFieldId, { customFieldId, key: field.key, fields }),
        }
        return { result: fieldView(updated), change }
      })
    },

    /** Deletes a field no shot holds a value of; with `dropValues`, clears those values with it. */
    async delete(
      principal: Principal,
      projectId: string,
      customFieldId: string,
      query: z.output<typeof DeleteCustomFieldQuery>,
    ): Promise<void> {
      await managed(principal, projectId)
      await commit(projectId, principal.userId, async (r) => {
        const field = await findField(r, projectId, customFieldId)
        // New shots may store an explicit null; only a non-null value is work that would be lost.
        const withKey = (await r.shots.all(projectId)).filter((s) => field.key in s.customFields)
        const holding = withKey.filter((s) => s.customFields[field.key] !== null)
        assertCustomFieldDeletable(field, holding.length, query.dropValues === 'true')
        for (const shot of withKey) {
          const { [field.key]: _dropped, ...rest } = shot.customFields
          await r.shots.update(shot.id, { customFields: rest })
        }
        await r.config.deleteCustomField(customFieldId)
        // New fields go at position = count, so a gap left here would give two fields one place.
        await r.config.setPositions('customFields', densely(await r.projects.customFields(projectId)))
        const change: Change = {
          event: 'custom-field:delete',
          payload: { ...changeHeader(projectId, principal.userId), customFieldId },
          ...studioOnlyChange(customFieldId, {
            customFieldId,
            key: field.key,
            name: field.name,
            clearedShots: holding.length,
          }),
        }
        return { result: undefined, change }
      })
    },
  }
}
export type CustomFieldService = ReturnType<typeof createCustomFieldService>
