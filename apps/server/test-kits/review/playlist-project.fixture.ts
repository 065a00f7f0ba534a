// A project for playlist tests (only imported by tests): two sequences, four shots with their tasks, versions (stills
// and one video), statuses set through comments, and the vendor assigned to one task.
import { PlaylistDetail, ShotPage } from '@aipipeline/contracts'
import sharp from 'sharp'
import { call, type Seat, type TeamProject, teamProject } from '../production/production-test-kit'
import type { TestStudio } from '../test-studio'

export interface PlaylistProject {
  p: TeamProject
  /** Keyframe tasks of SH010, SH020, SH030 (SQ010) and SH040 (SQ020). */
  key: [string, string, string, string]
  /** The animation task of SH010. */
  anim: string
  keyframeTypeId: string
  secondSequenceId: string
  /** Versions: two stills on key[0], one on key[1], a video on key[2]. */
  versions: { k1v1: string; k1v2: string; k2v1: string; k3video: string }
  videoBytes: Buffer
  status(name: string): string
}

/** Creates a playlist as `seat` and returns its detail (throws unless 201). */
export async function createPlaylist(studio: TestStudio, seat: Seat, projectId: string, body: unknown) {
  const res = await call(studio, seat, 'POST', `/api/projects/${projectId}/playlists`, body)
  if (res.status !== 201) throw new Error(`create playlist: ${res.status} ${JSON.stringify(res.json)}`)
  return PlaylistDetail.parse(res.json)
}

export async function playlistProject(studio: TestStudio, code: string): Promise<PlaylistProject> {
  const p = await teamProject(studio, code)
  const { manager } = p.seats
  const base = `/api/projects/${p.projectId}`
  const seq2 = await call(studio, manager, 'POST', `${base}/sequences`, { code: 'SQ020' })
  const secondSequenceId = (seq2.json as { id: string }).id
  await call(studio, manager, 'POST', `${base}/shots`, {
    shots: [
      { sequenceId: p.sequenceId, code: 'SH010' },
      { sequenceId: p.sequenceId, code: 'SH020' },
      { sequenceId: p.sequenceId, code: 'SH030' },
    ],
  })
  await call(studio, manager, 'POST', `${base}/shots`, { shots: [{ sequenceId: secondSequenceId, code: 'SH040' }] })
  const shots = ShotPage.parse((await call(studio, manager, 'GET', `${base}/shots`)).json).items
  const typeId = (name: string) => p.taskTypes.find((t) => t.name === name)?.id ?? ''
  const keyframeTypeId = typeId('Keyframe')
  const taskOf = (code: string, type: string) =>
    shots.find((s) => s.code === code)?.tasks.find((t) => t.taskTypeId === type)?.id ?? ''
  const key: [string, string, string, string] = [
    taskOf('SH010', keyframeTypeId),
    taskOf('SH020', keyframeTypeId),
    taskOf('SH030', keyframeTypeId),
    taskOf('SH040', keyframeTypeId),
  ]
  const anim = taskOf('SH010', typeId('Animation'))
  const status = (name: string) => p.statuses.find((s) => s.name === name)?.id ?? ''
  for (const taskId of [key[1], key[2], anim]) {
    const r = await call(studio, manager, 'POST', `/api/tasks/${taskId}/comments`, { statusId: status('Review') })
    if (r.status !== 201) throw new Error(`status: ${r.status} ${JSON.stringify(r.json)}`)
  }
  await call(studio, manager, 'POST', `${base}/tasks/batch-assign`, {
    taskIds: [key[1]],
    userIds: [p.seats.vendor.userId],
  })
  const image = await sharp({ create: { width: 16, height: 9, channels: 3, background: '#335577' } })
    .png()
    .toBuffer()
  // Distinct bytes at every offset, so a range read proves where it read.
  const videoBytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7 + (i >> 8)) % 256))
  const attach = async (taskId: string, kind: 'image' | 'video') =>
    (
      await studio.production.services.versions.attachRenderOutput({
        taskId,
        renderJobId: null,
        kind,
        prompt: null,
        seed: null,
        model: null,
        parameters: {},
        authorId: p.seats.artist.userId,
        files: [
          kind === 'image'
            ? { name: 'r.png', mediaType: 'image/png', data: image, width: 16, height: 9 }
            : { name: 'r.mp4', mediaType: 'video/mp4', data: videoBytes, width: 1920, height: 1080 },
        ],
        ...(kind === 'video' ? { thumbnail: { data: image, mediaType: 'image/png' } } : {}),
      })
    ).id
  const versions = {
    k1v1: await attach(key[0], 'image'),
    k1v2: await attach(key[0], 'image'),
    k2v1: await attach(key[1], 'image'),
    k3video: await attach(key[2], 'video'),
  }
  return { p, key, anim, keyframeTypeId, secondSequenceId, versions, videoBytes, status }
}
