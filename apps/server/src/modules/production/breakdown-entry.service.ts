// Edits and deletes of single breakdown entries: characters and assets (locations, props…).
// Whoever may add them may change them (managers and supervisors, as for the breakdown).
// Nothing refers to them by id (the prompt engine and script analysis match by name), so
// a delete needs no usage check.
import type { Asset, Character, UpdateAssetRequest, UpdateCharacterRequest } from '@aipipeline/contracts'
import type { AssetRecord, CharacterRecord, ProductionRepositories } from '@aipipeline/db'
import { canEditBreakdown, NotFound, requireAccess } from '@aipipeline/domain'
import type { z } from 'zod'
import type { Principal } from '../auth'
import type { ActivityService, Change } from './activity.service'
import type { ProductionAccessService } from './production-access.service'
import { changeCommitter, changeHeader, studioOnlyChange, uniquely } from './production-change'
import type { ProductionContext } from './production-context'
import { assetKind } from './project.service'

function characterView(c: CharacterRecord): z.input<typeof Character> {
  const { id, name, description, triggerWords, referenceImages, loraName } = c
  return { id, name, description, triggerWords, referenceImages, loraName }
}

function assetView(a: AssetRecord): z.input<typeof Asset> {
  return { id: a.id, kind: assetKind(a.kind), name: a.name, description: a.description }
}

async function findCharacter(r: ProductionRepositories, projectId: string, characterId: string) {
  const found = (await r.projects.characters(projectId)).find((c) => c.id === characterId)
  if (!found) throw new NotFound('character', characterId)
  return found
}

async function findAsset(r: ProductionRepositories, projectId: string, assetId: string) {
  const found = (await r.projects.assets(projectId)).find((a) => a.id === assetId)
  if (!found) throw new NotFound('asset', assetId)
  return found
}

export function createBreakdownEntryService(
  ctx: ProductionContext,
  access: ProductionAccessService,
  activity: ActivityService,
) {
  const commit = changeCommitter(ctx, activity)

  async function editor(principal: Principal, projectId: string): Promise<void> {
    requireAccess(canEditBreakdown(await access.resolve(principal, projectId)), 'edit the breakdown of this project')
  }

  return {
    async updateCharacter(
      principal: Principal,
      projectId: string,
      characterId: string,
      patch: z.output<typeof UpdateCharacterRequest>,
    ) {
      await editor(principal, projectId)
      const fields = Object.keys(patch)
      return uniquely(`character "${patch.name}"`, () =>
        commit(projectId, principal.userId, async (r) => {
          const current = await findCharacter(r, projectId, characterId)
          await r.projects.updateCharacter(characterId, patch)
          const updated = { ...current, ...patch }
          const change: Change = {
            event: 'character:update',
            payload: { ...changeHeader(projectId, principal.userId), characterId, fields },
            ...studioOnlyChange(characterId, { characterId, name: updated.name, fields }),
          }
          return { result: characterView(updated), change }
        }),
      )
    },

    async deleteCharacter(principal: Principal, projectId: string, characterId: string): Promise<void> {
      await editor(principal, projectId)
      await commit(projectId, principal.userId, async (r) => {
        const current = await findCharacter(r, projectId, characterId)
        await r.config.deleteCharacter(characterId)
        const change: Change = {
          event: 'character:delete',
          payload: { ...changeHeader(projectId, principal.userId), characterId },
          ...studioOnlyChange(characterId, { characterId, name: current.name }),
        }
        return { result: undefined, change }
      })
    },

    async updateAsset(
      principal: Principal,
      projectId: string,
      assetId: string,
      patch: z.output<typeof UpdateAssetRequest>,
    ) {
      await editor(principal, projectId)
      const fields = Object.keys(patch)
      return uniquely('an asset of this kind and name', () =>
        commit(projectId, principal.userId, async (r) => {
          const current = await findAsset(r, projectId, assetId)
          await r.projects.updateAsset(assetId, patch)
          const updated = { ...current, ...patch }
          const change: Change = {
            event: 'asset:update',
            payload: { ...changeHeader(projectId, principal.userId), assetId, fields },
            ...studioOnlyChange(assetId, { assetId, kind: updated.kind, name: updated.name, fields }),
          }
          return { result: assetView(updated), change }
        }),
      )
    },

    async deleteAsset(principal: Principal, projectId: string, assetId: string): Promise<void> {
      await editor(principal, projectId)
      await commit(projectId, principal.userId, async (r) => {
        const current = await findAsset(r, projectId, assetId)
        await r.config.deleteAsset(assetId)
        const change: Change = {
          event: 'asset:delete',
          payload: { ...changeHeader(projectId, principal.userId), assetId },
          ...studioOnlyChange(assetId, { assetId, kind: current.kind, name: current.name }),
        }
        return { result: undefined, change }
      })
    },
  }
}
export type BreakdownEntryService = ReturnType<typeof createBreakdownEntryService>
