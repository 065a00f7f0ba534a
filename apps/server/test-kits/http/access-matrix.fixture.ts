// The project the membership matrix probes: one of everything a project-scoped route can
// address (shot, task, version, agent run, render job, …), a member of every role, and a
// non-member of every role. Also the addresses and bodies that reach each route's handler, so
// a refusal comes from the access rule, not from input validation. Only imported by tests.
import { textToImagePrompt } from '@aipipeline/comfyui'
import { PlaylistDetail, ShotPage, ShotRenderSubmitted } from '@aipipeline/contracts'
import {
  createAgentRunRepository,
  createAgentStepRepository,
  createGuestLinkRepository,
  createReportRepository,
  EMPTY_STEP_USAGE,
  isoNow,
  newId,
} from '@aipipeline/db'
import { ROLES, type Role } from '@aipipeline/domain'
import sharp from 'sharp'
import { call, type Seat, type TeamProject, teamProject } from '../production/production-test-kit'
import type { TestStudio } from '../test-studio'

export interface MatrixProject {
  team: TeamProject
  outsiders: Record<Role, Seat>
  /** Path parameter name → a real id of the project. */
  ids: Record<string, string>
  /** A render job on the project's shot, and a background job running an agent of the project. */
  renderJobId: string
  agentJobId: string
}

function idOf(json: unknown): string {
  if (typeof json !== 'object' || json === null || !('id' in json) || typeof json.id !== 'string') {
    throw new Error(`no id in ${JSON.stringify(json)}`)
  }
  return json.id
}

async function created(studio: TestStudio, seat: Seat, url: string, body: unknown): Promise<string> {
  const res = await call(studio, seat, 'POST', url, body)
  if (res.status !== 201) throw new Error(`POST ${url}: ${res.status} ${JSON.stringify(res.json)}`)
  return idOf(res.json)
}

/** Builds the probed project: everything in it exists, so only access decides the answers. */
export async function matrixProject(studio: TestStudio): Promise<MatrixProject> {
  const team = await teamProject(studio, 'MATRIX')
  const { manager, artist } = team.seats
  const base = `/api/projects/${team.projectId}`
  await call(studio, manager, 'POST', `${base}/shots`, { shots: [{ sequenceId: team.sequenceId, code: 'SH010' }] })
  const shot = ShotPage.parse((await call(studio, manager, 'GET', `${base}/shots`)).json).items[0]
  const taskId = shot?.tasks[0]?.id
  if (shot === undefined || taskId === undefined) throw new Error('no shot or task')
  const image = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#224466' } })
    .png()
    .toBuffer()
  const version = await studio.production.services.versions.attachRenderOutput({
    taskId,
    renderJobId: null,
    kind: 'image',
    prompt: 'matrix',
    negativePrompt: null,
    seed: 1,
    model: 'model.safetensors',
    parameters: {},
    files: [{ name: 'render.png', mediaType: 'image/png', data: image, width: 8, height: 8 }],
    authorId: artist.userId,
  })
  const fileId = (
    await studio.testDb.handle.db
      .selectFrom('versionFiles')
      .select('id')
      .where('versionId', '=', version.id)
      .executeTakeFirstOrThrow()
  ).id

  const runs = createAgentRunRepository(studio.testDb.handle.db)
  const steps = createAgentStepRepository(studio.testDb.handle.db)
  const at = isoNow()
  const runId = newId()
  const agentJobId = newId()
  await runs.insert({
    id: runId,
    projectId: team.projectId,
    pipeline: 'script-analysis',
    label: 'matrix.fountain',
    input: { text: 'INT. ROOM - DAY' },
    createdBy: manager.userId,
    createdAt: at,
  })
  const step = await steps.start({ id: newId(), runId, parentId: null, key: 'k', agent: 'a', input: null, at })
  await steps.fail(
    step.id,
    { code: 'x', message: 'x', retryable: true },
    { usage: EMPTY_STEP_USAGE, costMicros: 0, at },
  )
  await runs.update(runId, { status: 'failed', jobId: agentJobId }, at)

  const renderJobId = await created(studio, artist, '/api/farm/jobs', {
    source: { kind: 'api', prompt: textToImagePrompt({ seed: 1 }) },
    shotId: shot.id,
    taskId,
  })
  const template = await call(studio, manager, 'POST', '/api/farm/templates', {
    name: 'Matrix still',
    source: { kind: 'api', prompt: textToImagePrompt({ text: '{prompt}' }) },
  })
  const templateId = idOf(template.json)
  const render = await call(studio, manager, 'POST', `${base}/renders`, { templateId, items: [{ taskId }] })
  if (render.status !== 201) throw new Error(`render: ${render.status} ${JSON.stringify(render.json)}`)
  const groupId = ShotRenderSubmitted.parse(render.json).groupId
  const input = await call(studio, artist, 'POST', `${base}/render-inputs`, {
    kind: 'image',
    contentBase64: image.toString('base64'),
  })
  if (input.status !== 201) throw new Error(`render input: ${input.status} ${JSON.stringify(input.json)}`)
  // A report still queued: its files answer 409, which the matrix counts as reached.
  const report = await createReportRepository(studio.testDb.handle.db).insert({
    projectId: team.projectId,
    kind: 'weekly',
    periodStart: at,
    periodEnd: at,
    timezone: 'UTC',
    locale: 'en',
    trigger: 'manual',
    requestedBy: manager.userId,
  })
  // A team playlist with the task as its one item (review routes address both).
  const playlist = await call(studio, manager, 'POST', `${base}/playlists`, {
    name: 'Matrix dailies',
    source: { kind: 'tasks', taskIds: [taskId] },
  })
  if (playlist.status !== 201) throw new Error(`playlist: ${playlist.status} ${JSON.stringify(playlist.json)}`)
  const dailies = PlaylistDetail.parse(playlist.json)
  // A guest link of that playlist.
  const guestLink = await createGuestLinkRepository(studio.testDb.handle.db).insert({
    playlistId: dailies.playlist.id,
    projectId: team.projectId,
    label: 'Matrix guests',
    tokenHash: newId(),
    createdBy: manager.userId,
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
  })
  const ids: Record<string, string> = {
    projectId: team.projectId,
    playlistId: dailies.playlist.id,
    itemId: dailies.items[0]?.id ?? '',
    linkId: guestLink.id,
    inputId: idOf(input.json),
    reportId: report.id,
    shotId: shot.id,
    taskId,
    // A still: review proxy routes answer it 422 ("a still needs no proxy"), past the access check.
    versionId: version.id,
    fileId,
    runId,
    stepId: step.id,
    sequenceId: team.sequenceId,
    userId: artist.userId,
    // The team's supervisor is in Keyframe (teamProject).
    department: 'Keyframe',
    statusId: team.statuses[0]?.id ?? '',
    taskTypeId: team.taskTypes[0]?.id ?? '',
    characterId: await created(studio, manager, `${base}/characters`, { name: 'MINSU' }),
    assetId: await created(studio, manager, `${base}/assets`, { kind: 'location', name: 'Lighthouse' }),
    customFieldId: await created(studio, manager, `${base}/custom-fields`, { key: 'lens', name: 'Lens', type: 'text' }),
    id: renderJobId,
    templateId,
    groupId,
    outputId: 'none',
    variant: 'file',
  }
  const outsiders = {} as Record<Role, Seat>
  for (const role of ROLES) {
    const s = await studio.signIn(role)
    outsiders[role] = { token: s.accessToken, userId: s.user.id, email: s.user.email }
  }
  return { team, outsiders, ids, renderJobId, agentJobId }
}

/** Routes that name their project in the query or body rather than the path. */
export function projectInInput(p: MatrixProject, route: { method: string; path: string }) {
  const { projectId, shotId, taskId } = p.ids
  const month = new Date().toISOString().slice(0, 7)
  const source = { kind: 'api', prompt: textToImagePrompt({ seed: 2 }) }
  const inputs: Record<string, { query?: string; body?: unknown }> = {
    'GET /api/agents/runs': { query: `projectId=${projectId}` },
    'POST /api/agents/script-analyses': { body: { projectId, text: 'INT. ROOM - DAY' } },
    'POST /api/agents/script-analyses/preview': { body: { projectId, text: 'INT. ROOM - DAY' } },
    'POST /api/agents/prompt-enhancements': {
      body: { projectId, shotId, description: 'x', targetModel: 'flux-dev' },
    },
    'POST /api/farm/jobs': { body: { source, shotId, taskId } },
    'POST /api/farm/jobs/sweep': { body: { source, shotId, sweep: { '3.seed': [1, 2] } } },
    'GET /api/projects/:projectId/dashboard/shots': { query: 'chart=status' },
    'GET /api/llm/budgets': { query: `projectId=${projectId}` },
    'PUT /api/llm/budgets': { body: { projectId, month, limitMicros: 1 } },
    'GET /api/llm/usage': { query: `projectId=${projectId}` },
    'GET /api/llm/usage/summary': { query: `groupBy=day&projectId=${projectId}` },
    'POST /api/llm/estimate': {
      body: { taskClass: 'analysis', messages: [{ role: 'user', content: 'x' }], projectId },
    },
  }
  return inputs[`${route.method} ${route.path}`]
}

/** A 1×1 PNG: a valid render input body. */
const MATRIX_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='

/** A body that passes validation for routes whose path names the project (or a thing in it). */
export function bodyFor(p: MatrixProject, route: { method: string; path: string }): unknown {
  const { shotId, taskId, userId } = p.ids
  const bodies: Record<string, unknown> = {
    'PATCH /api/projects/:projectId': { name: 'Renamed' },
    'PUT /api/projects/:projectId/members/:userId': {},
    'POST /api/projects/:projectId/departments': { name: 'Lighting' },
    'POST /api/review/playlists/:playlistId/guest-links': { label: 'Matrix guests', expiresInHours: 24 },
    'POST /api/projects/:projectId/table-views': {
      name: 'Mine',
      view: {
        filter: { search: '', sequenceIds: [], taskTypeId: null, statusIds: [], assigneeIds: [] },
        sort: { key: 'order', desc: false },
        groupBy: 'none',
      },
    },
    'PATCH /api/projects/:projectId/departments/:department': { name: 'Keyframe' },
    'POST /api/projects/:projectId/sequences': { code: 'SQ999' },
    'POST /api/projects/:projectId/characters': { name: 'OUTSIDER' },
    'POST /api/projects/:projectId/assets': { kind: 'prop', name: 'Lamp' },
    'POST /api/projects/:projectId/task-types': { name: 'Grade', shortName: 'grd' },
    'POST /api/projects/:projectId/custom-fields': { key: 'grade', name: 'Grade', type: 'text' },
    'POST /api/projects/:projectId/statuses': { name: 'Hold', shortName: 'hld', boardRole: 'pending' },
    'PATCH /api/projects/:projectId/statuses/:statusId': { name: 'Held' },
    'PATCH /api/projects/:projectId/task-types/:taskTypeId': { name: 'Graded' },
    'PATCH /api/projects/:projectId/custom-fields/:customFieldId': { name: 'Lens mm' },
    'PATCH /api/projects/:projectId/sequences/:sequenceId': { name: 'Opening' },
    'PATCH /api/projects/:projectId/characters/:characterId': { name: 'MINSU KIM' },
    'PATCH /api/projects/:projectId/assets/:assetId': { name: 'Old lighthouse' },
    'POST /api/projects/:projectId/shots': { shots: [{ sequenceId: p.ids.sequenceId, code: 'SH999' }] },
    'PATCH /api/projects/:projectId/shots': { updates: [{ shotId, patch: { description: 'x' } }] },
    'PATCH /api/shots/:shotId': { description: 'x' },
    'PUT /api/shots/:shotId/breakdown': { characterIds: [p.ids.characterId], assetIds: [p.ids.assetId] },
    'POST /api/shots/:shotId/move': { afterShotId: null },
    'PATCH /api/tasks/:taskId': { priority: 1 },
    'POST /api/tasks/:taskId/comments': { text: 'x' },
    'POST /api/versions/:versionId/approve': { note: 'x' },
    'POST /api/versions/:versionId/retake': { note: 'x' },
    'POST /api/projects/:projectId/tasks/batch-comment': { taskIds: [taskId], text: 'x' },
    'POST /api/projects/:projectId/tasks/batch-assign': { taskIds: [taskId], userIds: [userId] },
    'POST /api/projects/:projectId/shots/import': { format: 'csv', contentBase64: 'Y29kZQo=', dryRun: true },
    'POST /api/projects/:projectId/naming/parse': { path: 'MATRIX/SQ010/SH010' },
    'POST /api/agents/script-analyses/:runId/apply': { itemKeys: ['sequence:SC001'] },
    'POST /api/agents/prompt-enhancements/:runId/decision': { decision: 'reject' },
    'PATCH /api/farm/jobs/:id': { priority: 10 },
    'POST /api/projects/:projectId/renders/preview': { taskIds: [taskId], templateId: p.ids.templateId },
    'POST /api/projects/:projectId/renders': { templateId: p.ids.templateId, items: [{ taskId }] },
    'POST /api/projects/:projectId/render-inputs': { kind: 'mask', contentBase64: MATRIX_PNG_BASE64 },
    'POST /api/versions/:versionId/derive': { mode: 'refine', templateId: p.ids.templateId },
    'POST /api/versions/:versionId/control-maps': { preprocessor: 'pose' },
    'POST /api/projects/:projectId/reports': { kind: 'daily' },
    'POST /api/projects/:projectId/playlists': { name: 'Dailies', source: { kind: 'tasks', taskIds: [taskId] } },
    'PATCH /api/review/playlists/:playlistId': { name: 'Dailies again' },
    'POST /api/review/playlists/:playlistId/items': { taskIds: [taskId] },
    'PATCH /api/review/playlists/:playlistId/items/:itemId': { versionChoice: 'latest' },
    'PUT /api/review/playlists/:playlistId/order': { itemIds: [p.ids.itemId] },
    'POST /api/review/playlists/:playlistId/items/:itemId/comments': { text: 'x', versionId: p.ids.versionId },
    // The same drawing each time: after the first caller adds it, the rest are told "already added".
    'POST /api/review/playlists/:playlistId/versions/:versionId/annotations': {
      ops: [
        {
          op: 'add',
          id: '0193a1b2-0000-7000-8000-000000000001',
          frame: 0,
          shape: { tool: 'line', from: [0.1, 0.1], to: [0.9, 0.9], color: '#ff3b30', width: 0.004 },
        },
      ],
    },
    'PUT /api/projects/:projectId/report-schedule': {
      dailyEnabled: false,
      weeklyEnabled: false,
      timeOfDay: '08:00',
      weekday: 1,
      timezone: 'UTC',
      locale: 'en',
    },
  }
  return bodies[`${route.method} ${route.path}`]
}
