// A small app for guest link tests until playlists bring the real gate: the real guest link
// routes, the real binder and error handling, a fake playlist gate over a map, and the real
// playlist-read contract (which admits guests) answered from that map. It shares a studio's
// database, token service and session cache, so its tokens work on the studio and a revoke
// here ends sessions there. Only imported by tests.
import { playlistRoutes } from '@aipipeline/contracts'
import type { DatabaseHandle, SessionVersionCache } from '@aipipeline/db'
import { access, NotFound, roleSatisfies } from '@aipipeline/domain'
import Fastify, { type FastifyInstance } from 'fastify'
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import { installErrorHandler, installNotFoundHandler } from '../../src/http/error-handler'
import { installJsonBodyParser } from '../../src/http/json-body'
import { bindRoute } from '../../src/http/route-binder'
import { registerSignInLimits, type TokenService } from '../../src/modules/auth'
import { type GuestLinks, registerGuestLinks } from '../../src/modules/review/guests'
import type { PlaylistGate } from '../../src/modules/review/review-ports'

export interface FakePlaylist {
  id: string
  projectId: string
  audience: 'team' | 'client'
}

/** Managers and admins manage guests; a guest sees only their link's playlist. */
export function fakePlaylistGate(playlists: Map<string, FakePlaylist>): PlaylistGate {
  return {
    async scope(principal, playlistId) {
      const playlist = playlists.get(playlistId)
      if (playlist === undefined) throw new NotFound('playlist', playlistId)
      if (principal.guest !== undefined && principal.guest.playlistId !== playlistId) {
        throw new NotFound('playlist', playlistId)
      }
      const manager = principal.guest === undefined && roleSatisfies(access.atLeast('manager'), principal.role)
      return {
        playlistId,
        projectId: playlist.projectId,
        audience: playlist.audience,
        access: null,
        guest: principal.guest ?? null,
        actorId: principal.userId,
        actorName: principal.guest?.name ?? principal.userId,
        can: { edit: manager, comment: true, draw: true, decide: manager, present: manager, manageGuests: manager },
      }
    },
    async versionInPlaylist(_scope, versionId) {
      throw new NotFound('version', versionId)
    },
  }
}

export async function guestLinksApp(deps: {
  database: DatabaseHandle
  tokens: TokenService
  sessions: SessionVersionCache
  playlists: Map<string, FakePlaylist>
  /** Guest session starts a minute from one address. */
  perAddressPerMinute?: number
}): Promise<{ app: FastifyInstance; guests: GuestLinks }> {
  const app = Fastify()
  app.decorate('boundRoutes', [])
  app.decorate('allRoutes', [])
  app.decorateRequest('principal', undefined)
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  installErrorHandler(app)
  installJsonBodyParser(app)
  await registerSignInLimits(app, {
    perAccountPerMinute: 1000,
    perAddressPerMinute: deps.perAddressPerMinute ?? 1000,
    isKnownAddress: async () => false,
  })
  const gate = fakePlaylistGate(deps.playlists)
  const guests = registerGuestLinks({
    app,
    tokens: deps.tokens,
    database: deps.database,
    sessions: deps.sessions,
    gate,
  })
  bindRoute(app, deps.tokens, playlistRoutes.getPlaylist, async ({ params, principal }) => {
    const scope = await gate.scope(principal, params.playlistId)
    const at = new Date(0).toISOString()
    return {
      playlist: {
        id: scope.playlistId,
        projectId: scope.projectId,
        name: 'Dailies',
        audience: scope.audience,
        taskTypeId: null,
        sequenceId: null,
        itemCount: 0,
        createdBy: null,
        createdAt: at,
        updatedAt: at,
        canEdit: scope.can.edit,
      },
      project: {
        id: scope.projectId,
        code: 'P',
        name: 'P',
        fps: 24,
        startFrame: 1001,
        width: null,
        height: null,
        aspectRatio: null,
      },
      items: [],
      can: scope.can,
      guestName: scope.guest?.name ?? null,
    }
  })
  installNotFoundHandler(app, { spaIndex: false })
  await app.ready()
  return { app, guests }
}
