// Characters and assets on shots: a character's or asset's page with the shots it appears
// on, and the cast and assets of one shot (read by members, set by breakdown editors).
import { access } from '@aipipeline/domain'
import { z } from 'zod'
import { defineRoute } from '../http/route'
import { Asset, Character, Id } from './project.contract'
import { AssetParams, CharacterParams } from './project-config.contract'
import { ShotParams } from './shot.contract'

/** A shot as a character or asset page lists it. */
export const LinkedShot = z.object({
  id: z.string(),
  code: z.string(),
  description: z.string(),
  sequenceId: z.string(),
  sequenceCode: z.string(),
})
export type LinkedShot = z.infer<typeof LinkedShot>

export const CharacterDetail = z.object({ character: Character, shots: z.array(LinkedShot) }).meta({
  id: 'CharacterDetail',
})
export type CharacterDetail = z.infer<typeof CharacterDetail>

export const AssetDetail = z.object({ asset: Asset, shots: z.array(LinkedShot) }).meta({ id: 'AssetDetail' })
export type AssetDetail = z.infer<typeof AssetDetail>

export const ShotBreakdown = z
  .object({ characters: z.array(Character), assets: z.array(Asset) })
  .meta({ id: 'ShotBreakdown' })
export type ShotBreakdown = z.infer<typeof ShotBreakdown>

export const PutShotBreakdownRequest = z
  .object({
    characterIds: z.array(Id).max(200),
    assetIds: z.array(Id).max(200),
  })
  .strict()
export type PutShotBreakdownRequest = z.infer<typeof PutShotBreakdownRequest>

const tags = ['production'] as const
export const shotBreakdownRoutes = {
  getCharacter: defineRoute({
    method: 'GET',
    path: '/api/projects/:projectId/characters/:characterId',
    summary: 'A character with the shots it appears on (those the caller may see)',
    tags,
    access: access.authenticated,
    params: CharacterParams,
    response: CharacterDetail,
  }),
  getAsset: defineRoute({
    method: 'GET',
    path: '/api/projects/:projectId/assets/:assetId',
    summary: 'A location, prop or other asset with the shots it appears on (those the caller may see)',
    tags,
    access: access.authenticated,
    params: AssetParams,
    response: AssetDetail,
  }),
  getShotBreakdown: defineRoute({
    method: 'GET',
    path: '/api/shots/:shotId/breakdown',
    summary: 'The characters and assets of a shot',
    tags,
    access: access.authenticated,
    params: ShotParams,
    response: ShotBreakdown,
  }),
  putShotBreakdown: defineRoute({
    method: 'PUT',
    path: '/api/shots/:shotId/breakdown',
    summary: 'Set the characters and assets of a shot (breakdown editors: managers and supervisors)',
    tags,
    access: access.authenticated,
    params: ShotParams,
    body: PutShotBreakdownRequest,
    response: ShotBreakdown,
  }),
} as const
