// Frame-keyed drawings: the store (also used by review rooms' draw events) and its routes.
import { createAnnotationRepository, type DatabaseHandle } from '@aipipeline/db'
import type { FastifyInstance } from 'fastify'
import type { AccessTokenVerifier } from '../../../http/principal'
import type { AnnotationStore, PlaylistGate, ReviewRoomBroadcast } from '../review-ports'
import { registerAnnotationRoutes } from './annotation.routes'
import { createAnnotationStore } from './annotation-store'

export interface AnnotationDeps {
  app: FastifyInstance
  tokens: AccessTokenVerifier
  database: Pick<DatabaseHandle, 'db' | 'engine'>
  gate: PlaylistGate
  broadcast: Pick<ReviewRoomBroadcast, 'annotations'>
}

/** Builds the drawing store and binds its routes; returns the store for the review rooms. */
export function registerAnnotations(deps: AnnotationDeps): AnnotationStore {
  const store = createAnnotationStore({ repository: createAnnotationRepository(deps.database), gate: deps.gate })
  registerAnnotationRoutes({ ...deps, store })
  return store
}
