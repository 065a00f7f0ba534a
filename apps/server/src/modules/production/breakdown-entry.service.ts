// Single breakdown entries: sequences (add, edit), characters and assets (locations, props…;
// add, edit, delete). Managers and supervisors edit the breakdown. Nothing refers to
// characters and assets by id (the prompt engine and script analysis match by name), so a
// delete needs no usage check. Like configuration, these changes are studio-only events.
import type {
  Asset,
  Character,
  CreateAssetRequest,
  CreateCharacterRequest,
  CreateSequenceRequest,
  Sequence,
  UpdateAssetRequest,
  UpdateCharacterRequest,
  UpdateSequenceRequest,
} from '@aipipeline/contracts'
import type { AssetRecord, CharacterRecord, ProductionRepositories, SequenceRecord } from '@aipipeline/db'
import { canEditBreakdown, keyBetween, NotFound, requireAccess } from '@aipipeline/domain'
import type { z } from 'zod'
import type { Principal } from '../auth'
import type { ActivityService, Change } from './activity.service'
import type { ProductionAccessService } from './production-access.service'
import { changeCommitter, changeHeader, studioOnlyChange, uniquely } from './production-change'
import type { ProductionContext } from './production-context'
import { assetKind } from './project.service'

function sequenceView(s: SequenceRecord): z.input<typeof Sequence> {
  const { id, code, name, description, orderKey } = s
  return { id, code, name, description, orderKey }
}

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
    /** Adds a sequence after the last one; its name defaults to its code. */
    async createSequence(principal: Principal, projectId: string, input: z.output<typeof CreateSequenceRequest>) {
      await editor(principal, projectId)
      return uniquely(`sequence "${input.code}"`, () =>
        commit(projectId, principal.userId, async (r) => {
          const last = (await r.projects.sequences(projectId)).at(-1)
          const s = await r.projects.insertSequence({
            projectId,
            code: input.code,
            name: input.name || input.code,
            description: input.description,
            orderKey: keyBetween(last?.orderKey ?? null, null),
          })
          const change: Change = {
            event: 'sequence:new',
            payload: { ...changeHeader(projectId, principal.userId), sequenceId: s.id },
            ...studioOnlyChange(s.id, { sequenceId: s.id, code: s.code }),
          }
          return { result: sequenceView(s), change }
        }),
      )
    },

    /** Edits a sequence; a new code names its folders from now on (written files keep their paths). */
    async updateSequence(
      principal: Principal,
      projectId: string,
      sequenceId: string,
      patch: z.output<typeof UpdateSequenceRequest>,
    ) {
      await editor(principal, projectId)
      const fields = Object.keys(patch)
      return uniquely(`sequence "${patch.code}"`, () =>
        commit(projectId, principal.userId, async (r) => {
          const current = (await r.projects.sequences(projectId)).find((s) => s.id === sequenceId)
          if (!current) throw new NotFound('sequence', sequenceId)
          await r.projects.updateSequence(sequenceId, patch)
          const updated = { ...current, ...patch }
          const change: Change = {
            event: 'sequence:update',
            payload: { ...changeHeader(projectId, principal.userId), sequenceId, fields },
            ...studioOnlyChange(sequenceId, { sequenceId, code: updated.code, fields }),
          }
          return { result: sequenceView(updated), change }
        }),
      )
    },

    async createCharacter(principal: Principal, projectId: string, input: z.output<typeof CreateCharacterRequest>) {
      await editor(principal, projectId)
      return uniquely(`character "${input.name}"`, () =>
        commit(projectId, principal.userId, async (r) => {
          const c = await r.projects.insertCharacter({ projectId, ...input })
          const change: Change = {
            event: 'character:new',
            payload: { ...changeHeader(projectId, principal.userId), characterId: c.id },
            ...studioOnlyChange(c.id, { characterId: c.id, name: c.name }),
          }
          return { result: characterView(c), change }
        }),
      )
    },

    async createAsset(principal: Principal, projectId: string, input: z.output<typeof CreateAssetRequest>) {
      await editor(principal, projectId)
      return uniquely(`asset "${input.name}"`, () =>
        commit(projectId, principal.userId, async (r) => {
          const a = await r.projects.insertAsset({ projectId, ...input })
          const change: Change = {
            event: 'asset:new',
            payload: { ...changeHeader(projectId, principal.userId), assetId: a.id },
            ...studioOnlyChange(a.id, { assetId: a.id, kind: a.kind, name: a.name }),
          }
          return { result: assetView(a), change }
        }),
      )
    },

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
