// A studio process for the review room benchmark: `node --import tsx review-studio.fixture.ts`
// with the usual environment (DATA_DIR, PORT, DATABASE_URL, REDIS_URL, AIPIPELINE_*). Until
// playlists are stored, each project stands for one playlist shared with its whole team
// (playlist id = project id), admitted by real project membership. Prints {"url": …} once
// listening; SIGTERM closes it.
import { NotFound } from '@aipipeline/domain'
import { loadConfig } from '../../src/config'
import type { ProductionServices } from '../../src/modules/production'
import type { PlaylistGate } from '../../src/modules/review/review-ports'
import { closeOnSignals, startStudio } from '../../src/studio'

const projectPlaylists = (production: ProductionServices): PlaylistGate => ({
  async scope(principal, playlistId) {
    const access = await production.access.resolve(principal, playlistId)
    const staff = access.role !== 'client' && access.role !== 'vendor'
    return {
      playlistId,
      projectId: playlistId,
      audience: 'client',
      access,
      guest: null,
      actorId: principal.userId,
      actorName: principal.userId,
      can: { edit: staff, comment: true, draw: true, decide: staff, present: staff, manageGuests: staff },
    }
  },
  async versionInPlaylist() {
    throw new NotFound('version')
  },
})

const studio = await startStudio({ ...loadConfig(), logLevel: 'warn' }, { review: { playlistGate: projectPlaylists } })
process.stdout.write(`${JSON.stringify({ url: studio.url })}\n`)
closeOnSignals(studio, studio.logger)
