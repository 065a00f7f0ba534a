// Characters and assets on shots: their pages list the shots they appear on, a shot lists its
// cast and assets, and breakdown editors (managers, supervisors) set them. Members read; a
// vendor sees only shots with a task assigned to them, here as in the shot table.
import type { AssetDetail, CharacterDetail, PutShotBreakdownRequest, ShotBreakdown } from '@aipipeline/contracts'
import type { AssetRecord, CharacterRecord, LinkedShotRecord, ProductionRepositories } from '@aipipeline/db'
import {
  assertWritable,
  canEditBreakdown,
  NotFound,
  type ProjectAccess,
  requireAccess,
  seesOnlyAssigned,
  ValidationFailed,
} from '@aipipeline/domain'
import type { Principal } from '../auth'
import type { ActivityService } from './activity.service'
import type { ProductionAccessService } from './production-access.service'
import { changeCommitter, changeHeader } from './production-change'
import type { ProductionContext } from './production-context'
import { assetKind } from './project.service'

function characterView(c: CharacterRecord) {
  const { id, name, description, triggerWords, referenceImages, loraName } = c
  return { id, name, description, triggerWords, referenceImages, loraName }
}

function assetView(a: AssetRecord) {
  return { id: a.id, kind: assetKind(a.kind), name: a.name, description: a.description }
}

export function createShotBreakdownService(
  ctx: ProductionContext,
  access: ProductionAccessService,
  activity: ActivityService,
) {
  const { repos } = ctx
  const commit = changeCommitter(ctx, activity)

  /** The shots the caller may see, without the order key. */
  async function visibleShots(a: ProjectAccess, shots: LinkedShotRecord[]) {
    const seen = seesOnlyAssigned(a)
      ? (
          await Promise.all(shots.map(async (s) => ((await repos.tasks.isAssignedToShot(a.userId, s.id)) ? s : null)))
        ).filter((s): s is LinkedShotRecord => s !== null)
      : shots
    return seen.map(({ id, code, description, sequenceId, sequenceCode }) => ({
      id,
      code,
      description,
      sequenceId,
      sequenceCode,
    }))
  }

  /** The shot and the caller's access to its project; 404 for what the caller may not see. */
  async function shotFor(principal: Principal, shotId: string) {
    const shot = await repos.shots.findById(shotId)
    if (!shot) throw new NotFound('shot', shotId)
    const a = await access.resolve(principal, shot.projectId)
    if (seesOnlyAssigned(a) && !(await repos.tasks.isAssignedToShot(a.userId, shotId)))
      throw new NotFound('shot', shotId)
    return { shot, access: a }
  }

  async function breakdownOf(r: ProductionRepositories, projectId: string, shotId: string): Promise<ShotBreakdown> {
    const [links, characters, assets] = await Promise.all([
      r.breakdownLinks.ofShot(shotId),
      r.projects.characters(projectId),
      r.projects.assets(projectId),
    ])
    return {
      characters: characters.filter((c) => links.characterIds.includes(c.id)).map(characterView),
      assets: assets.filter((x) => links.assetIds.includes(x.id)).map(assetView),
    }
  }

  return {
    async character(principal: Principal, projectId: string, characterId: string): Promise<CharacterDetail> {
      const a = await access.resolve(principal, projectId)
      const found = (await repos.projects.characters(projectId)).find((c) => c.id === characterId)
      if (!found) throw new NotFound('character', characterId)
      const shots = await repos.breakdownLinks.shotsOfCharacter(characterId)
      return { character: characterView(found), shots: await visibleShots(a, shots) }
    },

    async asset(principal: Principal, projectId: string, assetId: string): Promise<AssetDetail> {
      const a = await access.resolve(principal, projectId)
      const found = (await repos.projects.assets(projectId)).find((x) => x.id === assetId)
      if (!found) throw new NotFound('asset', assetId)
      const shots = await repos.breakdownLinks.shotsOfAsset(assetId)
      return { asset: assetView(found), shots: await visibleShots(a, shots) }
    },

    async ofShot(principal: Principal, shotId: string): Promise<ShotBreakdown> {
      const { shot } = await shotFor(principal, shotId)
      return breakdownOf(repos, shot.projectId, shotId)
    },

    /** Replaces the shot's characters and assets; ids of another project are refused with 400 naming the field. */
    async setForShot(principal: Principal, shotId: string, input: PutShotBreakdownRequest): Promise<ShotBreakdown> {
      const { shot, access: a } = await shotFor(principal, shotId)
      requireAccess(canEditBreakdown(a), 'edit the breakdown of this project')
      assertWritable(a)
      const projectId = shot.projectId
      return commit(projectId, principal.userId, async (r) => {
        const characters = new Set((await r.projects.characters(projectId)).map((c) => c.id))
        const assets = new Set((await r.projects.assets(projectId)).map((x) => x.id))
        const issues = [
          ...input.characterIds.flatMap((id, i) =>
            characters.has(id) ? [] : [{ path: `body.characterIds.${i}`, message: 'not a character of this project' }],
          ),
          ...input.assetIds.flatMap((id, i) =>
            assets.has(id) ? [] : [{ path: `body.assetIds.${i}`, message: 'not an asset of this project' }],
          ),
        ]
        if (issues.length > 0) throw new ValidationFailed('unknown characters or assets', issues)
        await r.breakdownLinks.setForShot(shotId, input.characterIds, input.assetIds)
        const fields = ['breakdown']
        return {
          result: await breakdownOf(r, projectId, shotId),
          change: {
            event: 'shot:update',
            payload: { ...changeHeader(projectId, principal.userId), shotIds: [shotId], fields },
            entityId: shotId,
            shotId,
            taskId: null,
            taskIds: [],
            clientVisible: false,
            data: { shotIds: [shotId], fields },
          },
        }
      })
    },
  }
}
export type ShotBreakdownService = ReturnType<typeof createShotBreakdownService>
