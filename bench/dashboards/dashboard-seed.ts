// A big project for the dashboard benchmark, written straight to the tables in chunks: 10,000
// shots, 40,000 tasks (four task types) with assignees, estimates and done dates spread over
// 90 days, 20,000 status comments (a quarter of them retakes), 100,000 activity rows, farm runs
// and LLM calls. Writing through the API would take minutes and measure the writes instead.
import { createProjectRepository, type Db, isoNow, newId } from '@aipipeline/db'
import { insertLlmCalls, insertRenderRuns } from '@aipipeline/testing'

export interface SeedSize {
  shots: number
  activity: number
  artists: number
}

const DAY = 86_400_000

async function chunked<T>(rows: T[], size: number, write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size))
}

/** Seeds one project; returns its id and the day the seed calls "today". */
export async function seedDashboardProject(db: Db, size: SeedSize): Promise<{ projectId: string }> {
  const now = Date.now()
  const iso = (ms: number) => new Date(ms).toISOString()
  const project = await createProjectRepository(db).insert({
    code: `DASH${Math.floor(Math.random() * 1e6)}`,
    name: 'Dashboard bench',
    fps: 24,
    width: 1920,
    height: 1080,
    aspectRatio: '16:9',
    startFrame: 1001,
    retakeCap: null,
    namingTemplates: {},
    endDate: iso(now + 60 * DAY).slice(0, 10),
  })
  const statuses = await db.selectFrom('taskStatuses').selectAll().where('projectId', '=', project.id).execute()
  const types = await db.selectFrom('taskTypes').select('id').where('projectId', '=', project.id).execute()
  const done = statuses.find((s) => s.isDone === 1)
  const retake = statuses.find((s) => s.isRetake === 1)
  const wip = statuses.find((s) => s.isWip === 1)
  const todo = statuses.find((s) => s.isDefault === 1)
  if (!done || !retake || !wip || !todo) throw new Error('default statuses missing')
  const at = isoNow()
  const artists = Array.from({ length: size.artists }, (_, i) => ({
    id: newId(),
    email: `bench-artist-${i}-${project.id}@bench.local`,
    displayName: `Artist ${i + 1}`,
    role: 'artist',
    locale: 'en',
    active: 1,
    passwordHash: 'x',
    sessionVersion: 0,
    createdAt: at,
    updatedAt: at,
  }))
  await db.insertInto('users').values(artists).execute()
  const sequences = Array.from({ length: 10 }, (_, i) => ({
    id: newId(),
    projectId: project.id,
    code: `SQ${String((i + 1) * 10).padStart(3, '0')}`,
    name: '',
    description: '',
    orderKey: `a${i}`,
    createdAt: at,
    updatedAt: at,
  }))
  await db.insertInto('sequences').values(sequences).execute()
  const shots = Array.from({ length: size.shots }, (_, n) => ({
    id: newId(),
    projectId: project.id,
    sequenceId: sequences[Math.floor((n / size.shots) * sequences.length)]?.id ?? '',
    code: `SH${String(n + 1).padStart(5, '0')}`,
    orderKey: `a${String(n).padStart(6, '0')}`,
    description: '',
    frameIn: 1001,
    frameOut: 1001 + (n % 120) + 24,
    thumbnailVersionId: null,
    cpeSettings: null,
    customFields: '{}',
    foldersCreatedAt: null,
    createdAt: at,
    updatedAt: at,
  }))
  await chunked(shots, 500, (c) => db.insertInto('shots').values(c).execute())
  const tasks = shots.flatMap((s, n) =>
    types.map((tt, k) => {
      // Most early shots are done, a tenth of the rest is in retake, the rest in progress or to do.
      const r = (n * 7 + k * 13) % 100
      const isDone = n < size.shots * 0.45 || r < 10
      const status = isDone ? done : r < 20 ? retake : r < 60 ? wip : todo
      const doneAt = isDone ? iso(now - ((n * 37 + k) % 90) * DAY) : null
      return {
        id: newId(),
        projectId: project.id,
        shotId: s.id,
        taskTypeId: tt.id,
        statusId: status.id,
        priority: 0,
        dueDate: null,
        retakeCount: status === retake ? 1 : 0,
        realStartDate: null,
        endDate: null,
        doneDate: doneAt,
        lastCommentAt: null,
        estimateMinutes: 60 + (r % 8) * 30,
        timeSpentMinutes: isDone ? 90 : r * 3,
        createdAt: at,
        updatedAt: at,
      }
    }),
  )
  await chunked(tasks, 500, (c) => db.insertInto('tasks').values(c).execute())
  await chunked(
    tasks.map((t, i) => ({ taskId: t.id, userId: artists[i % artists.length]?.id ?? '', projectId: project.id })),
    1000,
    (c) => db.insertInto('taskAssignees').values(c).execute(),
  )
  const author = artists[0]?.id ?? ''
  const comments = Array.from({ length: tasks.length / 2 }, (_, i) => {
    const task = tasks[(i * 2) % tasks.length]
    const isRetake = i % 4 === 0
    return {
      id: newId(),
      projectId: project.id,
      taskId: task?.id ?? '',
      authorId: author,
      authorRole: 'supervisor',
      text: 'note',
      statusId: isRetake ? retake.id : wip.id,
      previousStatusId: isRetake ? wip.id : todo.id,
      forClient: 0,
      mentions: '{"userIds":[],"departments":[]}',
      versionIds: '[]',
      createdAt: iso(now - (i % 90) * DAY),
    }
  })
  await chunked(comments, 500, (c) => db.insertInto('comments').values(c).execute())
  const activity = Array.from({ length: size.activity }, (_, i) => {
    const task = tasks[i % tasks.length]
    return {
      id: newId(),
      projectId: project.id,
      actorId: author,
      event: 'task:status-changed',
      entityId: task?.id ?? '',
      shotId: task?.shotId ?? null,
      taskId: task?.id ?? null,
      clientVisible: 0,
      data: '{}',
      createdAt: iso(now - (i % 90) * DAY),
    }
  })
  await chunked(activity, 500, (c) => db.insertInto('activity').values(c).execute())
  await insertRenderRuns(
    db,
    Array.from({ length: 5000 }, (_, i) => {
      const queued = now - (i % 90) * DAY
      return {
        shotId: shots[i % shots.length]?.id ?? '',
        backendName: `gpu-${i % 6}`,
        queuedAt: iso(queued),
        startedAt: iso(queued + 30_000),
        endedAt: iso(queued + 30_000 + 600_000),
        outcome: i % 17 === 0 ? 'out-of-memory' : 'succeeded',
      }
    }),
  )
  await insertLlmCalls(
    db,
    Array.from({ length: 5000 }, (_, i) => ({
      projectId: project.id,
      at: iso(now - (i % 90) * DAY),
      modelId: i % 3 === 0 ? 'claude-test' : 'gpt-test',
      costMicros: 1000 + (i % 50),
    })),
  )
  return { projectId: project.id }
}
