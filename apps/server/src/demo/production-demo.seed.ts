// The demo's sample production: a short film with 3 sequences and 40 shots, characters and
// locations, tasks spread over the statuses, and a few versions with simulated renders
// (gradient frames drawn with sharp, attached through the farm's own entry point) and, when
// ffmpeg is installed, a short numbered movie as video versions of the shots in review, and a
// client playlist of those shots ("Dailies").
// Idempotent: does nothing when the project already exists.
import { ROLES } from '@aipipeline/domain'
import sharp from 'sharp'
import type { AuthService, Principal } from '../modules/auth'
import type { ProductionServices } from '../modules/production'
import type { PlaylistService } from '../modules/review'
import { makeDemoMovie } from './demo-movie'
import { demoEmail } from './demo-seed'

const SEQUENCES = [
  { code: 'SQ010', name: 'The Lighthouse', shots: 14 },
  { code: 'SQ020', name: 'Storm', shots: 14 },
  { code: 'SQ030', name: 'Dawn', shots: 12 },
]

async function renderFrame(seed: number): Promise<Buffer> {
  const hue = (seed * 47) % 360
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="960" height="540"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue},60%,25%)"/><stop offset="1" stop-color="hsl(${(hue + 60) % 360},70%,60%)"/></linearGradient></defs><rect width="960" height="540" fill="url(#g)"/><circle cx="${200 + (seed % 5) * 120}" cy="270" r="90" fill="rgba(255,255,255,0.35)"/><text x="40" y="500" font-family="sans-serif" font-size="36" fill="white">simulated render #${seed}</text></svg>`
  return sharp(Buffer.from(svg)).png().toBuffer()
}

/** Seeds the demo film with the demo users as its team; returns the project id (or undefined if it existed). */
export async function seedDemoProduction(
  auth: AuthService,
  production: ProductionServices,
  /** Makes the demo's client playlist of the shots waiting for review (when review is there). */
  playlists?: Pick<PlaylistService, 'create'>,
): Promise<string | undefined> {
  const users = await auth.listUsers()
  const byRole = new Map(ROLES.map((r) => [r, users.find((u) => u.email === demoEmail(r))]))
  const manager = byRole.get('manager')
  if (!manager) return undefined
  const me = { userId: manager.id, role: manager.role }
  // An archived sample project still exists: seeding it again would clash on its code.
  const existing = await production.projects.list(me, { includeArchived: true })
  if (existing.items.some((p) => p.code === 'LIGHT')) return undefined
  const project = await production.projects.create(me, {
    code: 'LIGHT',
    name: 'The Last Lighthouse',
    fps: 24,
    width: 1920,
    height: 1080,
    aspectRatio: '16:9',
    startFrame: 1001,
    retakeCap: 3,
    namingTemplates: {},
    showGenerationDetailsToClients: false,
    // Three months out, so the dashboard's burn-up has a deadline to project towards.
    endDate: new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10),
  })
  const departments: Record<string, string[]> = {
    supervisor: ['Keyframe', 'Animation'],
    artist: ['Keyframe'],
    vendor: ['Post'],
  }
  for (const role of ROLES) {
    const u = byRole.get(role)
    if (u && role !== 'manager')
      await production.members.put(me, project.id, u.id, { role: null, departments: departments[role] ?? [] })
  }
  await production.customFields.create(me, project.id, {
    key: 'lens_mm',
    name: 'Lens (mm)',
    type: 'number',
    choices: [],
    clientVisible: true,
  })
  await production.customFields.create(me, project.id, {
    key: 'budget_note',
    name: 'Budget note',
    type: 'text',
    choices: [],
    clientVisible: false,
  })
  const mara = await production.breakdownEntries.createCharacter(me, project.id, {
    name: 'Mara',
    description: 'The keeper, sixties, weathered',
    triggerWords: ['mara_keeper', 'grey braid'],
    referenceImages: [],
    loraName: 'mara_v2',
  })
  const ilo = await production.breakdownEntries.createCharacter(me, project.id, {
    name: 'Ilo',
    description: 'A boy washed ashore',
    triggerWords: ['ilo_boy'],
    referenceImages: [],
    loraName: null,
  })
  const lampRoom = await production.breakdownEntries.createAsset(me, project.id, {
    kind: 'location',
    name: 'Lighthouse lamp room',
    description: '',
  })
  const shore = await production.breakdownEntries.createAsset(me, project.id, {
    kind: 'location',
    name: 'Rocky shore',
    description: '',
  })
  let n = 0
  for (const s of SEQUENCES) {
    const seq = await production.breakdownEntries.createSequence(me, project.id, {
      code: s.code,
      name: s.name,
      description: '',
    })
    const shots = Array.from({ length: s.shots }, (_, i) => {
      n++
      return {
        sequenceId: seq.id,
        code: `SH${String((i + 1) * 10).padStart(4, '0')}`,
        description: `${s.name}, shot ${i + 1}`,
        frameIn: 1001,
        frameOut: 1001 + 24 + ((n * 13) % 96),
        customFields: { lens_mm: [24, 35, 50, 85][n % 4] ?? 35 },
      }
    })
    await production.shots.create(me, project.id, { shots })
  }
  // The first shots show who and where they are: Mara in the lamp room, then Ilo on the shore with her.
  const shotIds = (await production.shots.table(me, project.id)).shots.id
  for (const [i, shotId] of shotIds.slice(0, 6).entries()) {
    await production.shotBreakdown.setForShot(me, shotId, {
      characterIds: i < 3 ? [String(mara.id)] : [String(mara.id), String(ilo.id)],
      assetIds: [String(i < 3 ? lampRoom.id : shore.id)],
    })
  }
  await progressTasks(production, me, project.id, byRole.get('artist')?.id, byRole.get('vendor')?.id)
  await playlists?.create(me, project.id, {
    name: 'Dailies',
    audience: 'client',
    source: { kind: 'latestForReview' },
    versionChoice: 'latest',
  })
  return project.id
}

async function progressTasks(
  production: ProductionServices,
  me: Principal,
  projectId: string,
  artistId?: string,
  vendorId?: string,
) {
  const table = await production.shots.table(me, projectId)
  const project = await production.projects.get(me, projectId)
  const status = (role: string) => project.statuses.find((s) => s.boardRole === role)?.id
  const keyframe = project.taskTypes.find((t) => t.name === 'Keyframe')?.id
  const post = project.taskTypes.find((t) => t.name === 'Post')?.id
  const keyTasks = table.tasks.id.filter((_, i) => table.tasks.taskTypeId[i] === keyframe)
  const postTasks = table.tasks.id.filter((_, i) => table.tasks.taskTypeId[i] === post)
  if (artistId)
    await production.tasks.batchAssign(me, projectId, {
      taskIds: keyTasks.slice(0, 20),
      userIds: [artistId],
      mode: 'set',
    })
  if (vendorId)
    await production.tasks.batchAssign(me, projectId, {
      taskIds: postTasks.slice(0, 6),
      userIds: [vendorId],
      mode: 'set',
    })
  const plan: [string, number, number][] = [
    ['wip', 0, 10],
    ['review', 10, 16],
    ['approved', 16, 20],
    ['retake', 20, 22],
    ['final', 22, 24],
  ]
  for (const [role, from, to] of plan) {
    const statusId = status(role)
    if (statusId)
      await production.comments.postMany(me, projectId, keyTasks.slice(from, to), {
        text: `Demo: moved to ${role}`,
        statusId,
        forClient: role !== 'wip',
        versionIds: [],
      })
  }
  for (const [i, taskId] of keyTasks.slice(10, 18).entries()) {
    const data = await renderFrame(i + 1)
    await production.versions.attachRenderOutput({
      taskId,
      renderJobId: null,
      kind: 'image',
      prompt: 'wide shot of a lighthouse at dusk, 35mm film, volumetric light',
      negativePrompt: 'blurry',
      seed: 1000 + i,
      model: 'sdxl-demo',
      parameters: { steps: 28, cfg: 6.5 },
      files: [{ name: 'render.png', mediaType: 'image/png', data, width: 960, height: 540 }],
    })
  }
  // Four of the six shots in review get a video next to their image, so the player, review
  // proxies and a review session have something to play (one encode, attached to each); two
  // stay stills only.
  const movieTasks = keyTasks.slice(10, 14)
  const movie = movieTasks.length > 0 ? await makeDemoMovie(project.fps, project.startFrame) : undefined
  if (!movie) return
  for (const [i, taskId] of movieTasks.entries())
    await production.versions.attachRenderOutput({
      taskId,
      renderJobId: null,
      kind: 'video',
      prompt: 'slow push-in on the lighthouse lamp, dusk, 35mm film',
      negativePrompt: 'blurry',
      seed: 2001 + i,
      model: 'wan-demo',
      parameters: { frames: movie.frames, fps: project.fps },
      files: [
        { name: 'render.mp4', mediaType: 'video/mp4', data: movie.movie, width: movie.width, height: movie.height },
      ],
      thumbnail: { data: movie.poster, mediaType: 'image/jpeg' },
    })
}
