// Realtime rooms check access like REST does: clients and vendors join no job, farm, system
// or review room; non-members join no room of a project and receive none of its farm events;
// budget alerts reach the project's managers only. Over real sockets, on both engines.
import { textToImagePrompt } from '@aipipeline/comfyui'
import { testEngines } from '@aipipeline/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  call,
  type LiveSeat,
  liveSeat,
  type Seat,
  type TeamProject,
  teamProject,
} from '../../test-kits/production/production-test-kit'
import { createTestStudio, type TestStudio } from '../../test-kits/test-studio'

const prompt = { kind: 'api', prompt: textToImagePrompt({ seed: 3 }) }

function idOf(json: unknown): string {
  if (typeof json !== 'object' || json === null || !('id' in json) || typeof json.id !== 'string') {
    throw new Error(`no id in ${JSON.stringify(json)}`)
  }
  return json.id
}

for (const engine of testEngines('realtime rooms check access')) {
  describe(`realtime rooms check access like REST [${engine}]`, () => {
    let studio: TestStudio
    let url = ''
    let team: TeamProject
    let outsider: Seat
    let shotId = ''
    const live: LiveSeat[] = []

    async function connect(seat: Seat): Promise<LiveSeat> {
      const s = await liveSeat(url, seat)
      live.push(s)
      return s
    }

    beforeAll(async () => {
      studio = await createTestStudio(engine)
      await studio.app.listen({ port: 0, host: '127.0.0.1' })
      const address = studio.app.server.address()
      if (!address || typeof address === 'string') throw new Error('no port')
      url = `http://127.0.0.1:${address.port}`
      team = await teamProject(studio, 'LIVE')
      const shots = `/api/projects/${team.projectId}/shots`
      await call(studio, team.seats.manager, 'POST', shots, { shots: [{ sequenceId: team.sequenceId, code: 'SH010' }] })
      const page = await call(studio, team.seats.manager, 'GET', shots)
      const items = typeof page.json === 'object' && page.json !== null && 'items' in page.json ? page.json.items : []
      shotId = Array.isArray(items) ? idOf(items[0]) : ''
      const s = await studio.signIn('artist')
      outsider = { token: s.accessToken, userId: s.user.id, email: s.user.email }
    })
    afterAll(async () => {
      for (const s of live.splice(0)) s.close()
      await studio.close()
    })

    it('keeps clients and vendors out of job, farm, system and review rooms', async () => {
      const job = await call(studio, team.seats.artist, 'POST', '/api/farm/jobs', { source: prompt })
      const jobId = idOf(job.json)
      for (const seat of [team.seats.client, team.seats.vendor]) {
        const s = await connect(seat)
        for (const room of [`job:${jobId}`, 'farm', 'system', 'review:r1']) expect(await s.join(room)).toBe(false)
      }
      const artist = await connect(team.seats.artist)
      for (const room of [`job:${jobId}`, 'farm', 'system']) expect(await artist.join(room)).toBe(true)
      // Review rooms are the playlist gate's (see review/rooms/review-rooms.test.ts): no playlist r1, no room.
      expect(await artist.join('review:r1')).toBe(false)
    })

    it("keeps non-members out of a project's rooms and its render jobs' rooms", async () => {
      const job = await call(studio, team.seats.artist, 'POST', '/api/farm/jobs', { source: prompt, shotId })
      const jobId = idOf(job.json)
      const stranger = await connect(outsider)
      expect(await stranger.join(`project:${team.projectId}`)).toBe(false)
      expect(await stranger.join(`job:${jobId}`)).toBe(false)
      const member = await connect(team.seats.supervisor)
      expect(await member.join(`job:${jobId}`)).toBe(true)
    })

    it("sends a project job's farm events only to those who may see the job", async () => {
      const stranger = await connect(outsider)
      const member = await connect(team.seats.artist)
      expect(await stranger.join('farm')).toBe(true)
      expect(await member.join('farm')).toBe(true)
      const inProject = idOf(
        (await call(studio, team.seats.artist, 'POST', '/api/farm/jobs', { source: prompt, shotId })).json,
      )
      const studioWide = idOf(
        (await call(studio, team.seats.artist, 'POST', '/api/farm/jobs', { source: prompt })).json,
      )
      await studio.hub.flushed()
      await Promise.all([stranger.settled(), member.settled()])
      const jobsSeen = (s: LiveSeat) =>
        s.received.filter((e) => e.event === 'farm:job').map((e) => JSON.stringify(e.payload))
      expect(jobsSeen(member).some((p) => p.includes(inProject))).toBe(true)
      expect(jobsSeen(stranger).some((p) => p.includes(inProject))).toBe(false)
      expect(jobsSeen(stranger).some((p) => p.includes(studioWide))).toBe(true)
    })

    it('stops sending project events to a member as soon as they are removed from the team', async () => {
      const s = await studio.signIn('artist', `leaving-${engine}@example.test`)
      const leaving: Seat = { token: s.accessToken, userId: s.user.id, email: s.user.email }
      const members = `/api/projects/${team.projectId}/members/${leaving.userId}`
      expect((await call(studio, team.seats.manager, 'PUT', members, {})).status).toBe(200)
      const seat = await connect(leaving)
      expect(await seat.join(`project:${team.projectId}`)).toBe(true)
      const shots = `/api/projects/${team.projectId}/shots`
      const addShot = (code: string) =>
        call(studio, team.seats.manager, 'POST', shots, { shots: [{ sequenceId: team.sequenceId, code }] })
      await addShot('SH900')
      await studio.hub.flushed()
      await seat.settled()
      const projectEvents = (from: number) =>
        seat.received.slice(from).filter((e) => e.event === 'shot:new' || e.event === 'member:remove')
      expect(projectEvents(0).length).toBe(1)
      const before = seat.received.length
      expect((await call(studio, team.seats.manager, 'DELETE', members)).status).toBeLessThan(300)
      await addShot('SH910')
      await studio.hub.flushed()
      await seat.settled()
      expect(projectEvents(before)).toEqual([])
    })

    it('sends budget alerts of a project to its managers, not to its artists', async () => {
      const manager = await connect(team.seats.manager)
      const artist = await connect(team.seats.artist)
      expect(await manager.join(`project:${team.projectId}`)).toBe(true)
      expect(await artist.join(`project:${team.projectId}`)).toBe(true)
      studio.hub.emit(`project:${team.projectId}`, 'llm:budget-alert', {
        projectId: team.projectId,
        month: '2026-12',
        percent: 80,
        spentMicros: 800,
        limitMicros: 1_000,
        override: false,
        at: new Date().toISOString(),
      })
      await studio.hub.flushed()
      await Promise.all([manager.settled(), artist.settled()])
      expect(manager.received.some((e) => e.event === 'llm:budget-alert')).toBe(true)
      expect(artist.received.some((e) => e.event === 'llm:budget-alert')).toBe(false)
    })
  })
}
