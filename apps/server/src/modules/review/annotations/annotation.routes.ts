// Drawings over REST: list a version's drawings, change them. Both admit guests; the playlist
// gate decides what the caller sees, and every applied change is told to the playlist's room.
import { annotationRoutes as r } from '@aipipeline/contracts'
import type { FastifyInstance } from 'fastify'
import type { AccessTokenVerifier } from '../../../http/principal'
import { bindRoute } from '../../../http/route-binder'
import type { AnnotationStore, PlaylistGate, ReviewRoomBroadcast } from '../review-ports'

export interface AnnotationRouteDeps {
  app: FastifyInstance
  tokens: AccessTokenVerifier
  gate: Pick<PlaylistGate, 'scope'>
  store: AnnotationStore
  broadcast: Pick<ReviewRoomBroadcast, 'annotations'>
}

export function registerAnnotationRoutes({ app, tokens, gate, store, broadcast }: AnnotationRouteDeps): void {
  bindRoute(app, tokens, r.listAnnotations, async ({ principal, params }) =>
    store.list(await gate.scope(principal, params.playlistId), params.versionId),
  )
  bindRoute(app, tokens, r.changeAnnotations, async ({ principal, params, body }) => {
    const scope = await gate.scope(principal, params.playlistId)
    const changes = await store.apply(scope, params.versionId, body.ops)
    if (changes.results.some((c) => c.outcome === 'applied')) {
      await broadcast.annotations(params.playlistId, scope.actorId, changes)
    }
    return changes
  })
}
