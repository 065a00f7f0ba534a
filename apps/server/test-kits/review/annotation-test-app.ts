// A small HTTP app with only the drawing routes, a real database and a fake playlist gate, so
// drawing behaviour is tested without the playlists it will later run behind. Tests only.
import type { AnnotationChanges } from '@aipipeline/contracts'
import type { Engine } from '@aipipeline/db'
import { NotFound, type Role, Unauthenticated } from '@aipipeline/domain'
import { createTestDatabase, type TestDatabase } from '@aipipeline/testing'
import Fastify, { type FastifyInstance } from 'fastify'
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import { installErrorHandler } from '../../src/http/error-handler'
import { installJsonBodyParser } from '../../src/http/json-body'
import type { Principal } from '../../src/http/principal'
import { registerAnnotations } from '../../src/modules/review/annotations'
import type { PlaylistGate, PlaylistPermissions, PlaylistScope } from '../../src/modules/review/review-ports'

export interface FakePlaylist {
  id: string
  audience: 'team' | 'client'
  versionIds: string[]
  /** What each member (by user id) may do; anyone else gets 404. */
  members: Record<string, { role: Role; can: Partial<PlaylistPermissions> }>
}

export interface AnnotationTestApp {
  app: FastifyInstance
  db: TestDatabase
  playlists: Map<string, FakePlaylist>
  broadcasts: { playlistId: string; by: string; changes: AnnotationChanges }[]
  close(): Promise<void>
}

const NOTHING: PlaylistPermissions = {
  edit: false,
  comment: false,
  draw: false,
  decide: false,
  present: false,
  manageGuests: false,
}

/** The fake gate: a playlist's members see its versions; the bearer token is the user id. */
function fakeGate(playlists: Map<string, FakePlaylist>): PlaylistGate {
  return {
    async scope(principal: Principal, playlistId: string): Promise<PlaylistScope> {
      const playlist = playlists.get(playlistId)
      const member = playlist?.members[principal.userId]
      if (!playlist || !member) throw new NotFound('playlist', playlistId)
      return {
        playlistId,
        projectId: 'project',
        audience: playlist.audience,
        access: { projectId: 'project', userId: principal.userId, role: member.role, departments: [] },
        guest: null,
        actorId: principal.userId,
        actorName: `${principal.userId} name`,
        can: { ...NOTHING, ...member.can },
      }
    },
    async versionInPlaylist(scope, versionId) {
      if (!playlists.get(scope.playlistId)?.versionIds.includes(versionId)) throw new NotFound('version', versionId)
      return { itemId: 'item', taskId: 'task', versionId, kind: 'video' }
    },
  }
}

export async function createAnnotationTestApp(engine: Engine): Promise<AnnotationTestApp> {
  const db = await createTestDatabase(engine)
  const playlists = new Map<string, FakePlaylist>()
  const broadcasts: AnnotationTestApp['broadcasts'] = []
  const app = Fastify()
  app.decorate('boundRoutes', [])
  app.decorate('allRoutes', [])
  app.decorateRequest('principal', undefined)
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  installErrorHandler(app)
  installJsonBodyParser(app)
  const tokens = {
    async verifyAccess(token: string): Promise<Principal> {
      if (token === 'nobody') throw new Unauthenticated('unknown token')
      return { userId: token, role: 'artist' }
    },
  }
  registerAnnotations({
    app,
    tokens,
    database: db.handle,
    gate: fakeGate(playlists),
    broadcast: {
      async annotations(playlistId, by, changes) {
        broadcasts.push({ playlistId, by, changes })
      },
    },
  })
  await app.ready()
  return {
    app,
    db,
    playlists,
    broadcasts,
    async close() {
      await app.close()
      await db.cleanup()
    },
  }
}
