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
import { assertWritable, canEditBreakdown, keyBetween, NotFound, requireAccess } from '@aipipeline/domain'
import type { z } from 'zod'
import type { Principal } from '../auth'
import type { ActivityService } from './activity.service'
import {
  assetCreated,
  assetDeleted,
  assetUpdated,
  characterCreated,
  characterDeleted,
  characterUpdated,
  sequenceCreated,
  sequenceUpdated,
} from './breakdown-changes'
import type { ProductionAccessService } from './production-access.service'
import { changeCommitter, uniquely } from './production-change'
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
    const a = await access.resolve(principal, projectId)
    requireAccess(canEditBreakdown(a), 'edit the breakdown of this project')
    assertWritable(a)
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
          return { result: sequenceView(s), change: sequenceCreated(projectId, principal.userId, s) }
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
          return {
            result: sequenceView(updated),
            change: sequenceUpdated(projectId, principal.userId, updated, fields),
          }
        }),
      )
    },

    async createCharacter(principal: Principal, projectId: string, input: z.output<typeof CreateCharacterRequest>) {
      await editor(principal, projectId)
      return uniquely(`character "${input.name}"`, () =>
        commit(projectId, principal.userId, async (r) => {
          const c = await r.projects.insertCharacter({ projectId, ...input })
          return { result: characterView(c), change: characterCreated(projectId, principal.userId, c) }
        }),
      )
    },

    async createAsset(principal: Principal, projectId: string, input: z.output<typeof CreateAssetRequest>) {
      await editor(principal, projectId)
      return uniquely(`asset "${input.name}"`, () =>
        commit(projectId, principal.userId, async (r) => {
          const a = await r.projects.insertAsset({ projectId, ...input })
          return { result: assetView(a), change: assetCreated(projectId, principal.userId, a) }
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
          const change = characterUpdated(projectId, principal.userId, updated, fields)
          return { result: characterView(updated), change }
        }),
      )
    },

    async deleteCharacter(principal: Principal, projectId: string, characterId: string): Promise<void> {
      await editor(principal, projectId)
      await commit(projectId, principal.userId, async (r) => {
        const current = await findCharacter(r, projectId, characterId)
        await r.config.deleteCharacter(characterId)
        return { result: undefined, change: characterDeleted(projectId, principal.userId, current) }
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
          return { result: assetView(updated), change: assetUpdated(projectId, principal.userId, updated, fields) }
        }),
      )
    },

    async deleteAsset(principal: Principal, projectId: string, assetId: string): Promise<void> {
      await editor(principal, projectId)
      await commit(projectId, principal.userId, async (r) => {
        const current = await findAsset(r, projectId, assetId)
        await r.config.deleteAsset(assetId)
        return { result: undefined, change: assetDeleted(projectId, principal.userId, current) }
      })
    },
  }
}
export type BreakdownEntryService = ReturnType<typeof createBreakdownEntryService>
