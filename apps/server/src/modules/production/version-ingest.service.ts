// The ingest path of rendered outputs (ARCHITECTURE decision 11): each output file of a render
// job becomes the next version of its task, placed under the naming templates from the file the
// farm already downloaded (hard link, or a copy across filesystems), with the farm's thumbnail,
// a JSON sidecar of full provenance, lineage rows and a `version:new` event after commit.
//
// Idempotent per (render job, output): the unique index on versions(render_job_id,
// render_output_id) decides, so a job ingested twice, two ingests racing, or an ingest that died
// half way all end with exactly one version per output. Files are placed inside the
// transaction that inserted the row, after the insert claimed the version number: a loser of a
// race never writes into the winner's folder, and a crash before commit leaves files that the
// retry (which claims the same number) overwrites.
import type { VersionSidecar } from '@aipipeline/contracts'
import {
  inProductionTransaction,
  newId,
  type ProjectRecord,
  type ShotRecord,
  type TaskRow,
  type VersionFileRecord,
  type VersionRecord,
} from '@aipipeline/db'
import { NotFound, resolveTemplates } from '@aipipeline/domain'
import type { ActivityService, Change } from './activity.service'
import { type FolderService, shotTokens } from './folder.service'
import { isUniqueViolation } from './production-change'
import type { ProductionContext } from './production-context'
import { placeFile, sha256Hex, smallFileDigest, writeSmallFileAtomic } from './version-files'

/** One farm output to store as a version (the farm module's port speaks this shape). */
export interface RenderOutputIngest {
  taskId: string
  renderJobId: string
  renderOutputId: string
  /** The downloaded file, relative to the storage root; its name gives the extension. */
  source: { path: string; mediaType: string | null; sizeBytes: number; sha256: string }
  /** The farm's thumbnail of it (webp), relative to the storage root. */
  thumbnailPath: string | null
  provenance: { prompt: string | null; negativePrompt: string | null; seed: number | null; model: string | null }
  parameters: Record<string, unknown>
  /** Versions fed into the workflow; `role` image | mask | control. */
  inputs: { versionId: string; parameter: string; role: string }[]
  authorId: string | null
  /** What the sidecar records beyond the version itself. */
  sidecar: Pick<VersionSidecar, 'template' | 'workflowHash' | 'models' | 'backend'> & {
    attemptIds: string[]
    timings: Omit<VersionSidecar['timings'], 'ingestedAt'>
  }
}

export interface IngestedVersion {
  versionId: string
  number: number
  /** False when the output had been ingested before (nothing was written). */
  created: boolean
}

const MAX_NUMBER_RACES = 8
const extensionOf = (path: string) => /\.([A-Za-z0-9]{1,8})$/.exec(path)?.[1]?.toLowerCase() ?? 'bin'
const kindOf = (mediaType: string | null, path: string): 'image' | 'video' =>
  mediaType?.startsWith('video/') || /\.(mp4|mov|webm|mkv|avi)$/i.test(path) ? 'video' : 'image'

export function createVersionIngestService(ctx: ProductionContext, activity: ActivityService, folders: FolderService) {
  const { repos } = ctx
  // Outputs of one task are numbered one at a time in this process (other processes race
  // through the unique index and retry).
  const taskQueues = new Map<string, Promise<unknown>>()

  function serialPerTask<T>(taskId: string, work: () => Promise<T>): Promise<T> {
    const previous = taskQueues.get(taskId) ?? Promise.resolve()
    const next = previous.then(work, work)
    const settled = next.catch(() => undefined)
    taskQueues.set(taskId, settled)
    void settled.then(() => {
      if (taskQueues.get(taskId) === settled) taskQueues.delete(taskId)
    })
    return next
  }

  async function existing(input: RenderOutputIngest): Promise<IngestedVersion | undefined> {
    const found = await repos.tasks.findVersionByOutput(input.renderJobId, input.renderOutputId)
    return found && { versionId: found.id, number: found.number, created: false }
  }

  /** Where the next version of the output's task goes: its number, tokens, folder and file name. */
  async function placement(input: RenderOutputIngest): Promise<Placement> {
    const task = await repos.tasks.findById(input.taskId)
    if (!task) throw new NotFound('task', input.taskId)
    const [project, shot, taskTypes] = await Promise.all([
      repos.projects.findById(task.projectId),
      repos.shots.findById(task.shotId),
      repos.projects.taskTypes(task.projectId),
    ])
    const taskType = taskTypes.find((t) => t.id === task.taskTypeId)
    if (!project || !shot || !taskType) throw new NotFound('task', task.id)
    const number = await repos.tasks.nextVersionNumber(task.id)
    const tokens = { ...(await shotTokens(repos, project, shot)), task: taskType.name, version: number }
    const ext = extensionOf(input.source.path)
    const fileName =
      folders
        .render(project, 'versionFile', { ...tokens, ext })
        .split('/')
        .pop() ?? `output.${ext}`
    return {
      task,
      project,
      shot,
      number,
      tokens,
      folder: folders.render(project, 'versionFolder', tokens),
      fileName,
      kind: kindOf(input.source.mediaType, input.source.path),
    }
  }

  /** One try at the next number; undefined when another writer took that number first. */
  async function ingestAt(input: RenderOutputIngest): Promise<IngestedVersion | undefined> {
    const at = await placement(input)
    const { files, places } = versionFiles(ctx.storageRoot, input, at)
    const versionId = newId()
    const sidecarText = `${JSON.stringify(sidecarOf(input, at, files, versionId), null, 2)}\n`
    files.push({
      projectId: at.project.id,
      role: 'sidecar',
      name: 'version.json',
      path: `${at.folder}/version.json`,
      mediaType: 'application/json',
      sizeBytes: Buffer.byteLength(sidecarText),
      sha256: sha256Hex(sidecarText),
      width: null,
      height: null,
    })
    try {
      const change = await inProductionTransaction(ctx.db, async (r) => {
        const version = await r.tasks.insertVersion(
          {
            id: versionId,
            projectId: at.project.id,
            taskId: at.task.id,
            number: at.number,
            kind: at.kind,
            authorId: input.authorId,
            renderJobId: input.renderJobId,
            renderOutputId: input.renderOutputId,
            provenance: { renderJobId: input.renderJobId, ...input.provenance, parameters: input.parameters },
            folderPath: at.folder,
            thumbnailPath: places[1]?.to ?? null,
          },
          files,
          input.inputs.map((i) => ({ inputVersionId: i.versionId, parameter: i.parameter, role: i.role })),
        )
        // The number is ours now (the row holds it until commit): place the files.
        for (const p of places) await placeFile(ctx.storageRoot, p.from, p.to)
        writeSmallFileAtomic(ctx.storageRoot, `${at.folder}/version.json`, sidecarText)
        if (at.shot.thumbnailVersionId === null) await r.shots.update(at.shot.id, { thumbnailVersionId: version.id })
        const change = versionNewChange(version, at.shot.id, at.task.statusId)
        await activity.record(r, at.project.id, input.authorId, [change])
        return change
      })
      await activity.publish(at.project.id, [change])
      return { versionId, number: at.number, created: true }
    } catch (err) {
      if (isUniqueViolation(err)) return undefined
      throw err
    }
  }

  return {
    /** Stores one farm output as its task's next version, or returns the version it already became. */
    async ingestOutput(input: RenderOutputIngest): Promise<IngestedVersion> {
      const before = await existing(input)
      if (before) return before
      return serialPerTask(input.taskId, async () => {
        for (let race = 0; race < MAX_NUMBER_RACES; race++) {
          const found = await existing(input)
          if (found) return found
          const made = await ingestAt(input)
          if (made) return made
        }
        throw new Error(`version numbers of task ${input.taskId} kept being taken by concurrent ingests`)
      })
    },
  }
}
export type VersionIngestService = ReturnType<typeof createVersionIngestService>

type NewFile = Omit<VersionFileRecord, 'id' | 'versionId' | 'createdAt'>

interface Placement {
  task: TaskRow
  project: ProjectRecord
  shot: ShotRecord
  number: number
  tokens: Record<string, string | number | undefined>
  folder: string
  fileName: string
  kind: 'image' | 'video'
}

/** The version's output and thumbnail rows, and where each comes from in the farm's storage. */
function versionFiles(root: string, input: RenderOutputIngest, at: Placement) {
  const outputPath = `${at.folder}/${at.fileName}`
  const files: NewFile[] = [
    {
      projectId: at.project.id,
      role: 'output',
      name: at.fileName,
      path: outputPath,
      mediaType: input.source.mediaType ?? 'application/octet-stream',
      sizeBytes: input.source.sizeBytes,
      sha256: input.source.sha256,
      width: null,
      height: null,
    },
  ]
  const places = [{ from: input.source.path, to: outputPath }]
  // A thumbnail the farm could not keep is left out, not a failed ingest.
  const digest = input.thumbnailPath === null ? null : thumbnailDigest(root, input.thumbnailPath)
  if (input.thumbnailPath !== null && digest !== null) {
    const path = `${at.folder}/thumbnail.webp`
    files.push({
      projectId: at.project.id,
      role: 'thumbnail',
      name: 'thumbnail.webp',
      path,
      mediaType: 'image/webp',
      width: null,
      height: null,
      ...digest,
    })
    places.push({ from: input.thumbnailPath, to: path })
  }
  return { files, places }
}

function thumbnailDigest(root: string, path: string): { sha256: string; sizeBytes: number } | null {
  try {
    return smallFileDigest(root, path)
  } catch {
    return null
  }
}

/** The sidecar: built from parsed rows and typed by the contract's schema (not re-parsed: hot path). */
function sidecarOf(
  input: RenderOutputIngest,
  at: Placement,
  files: readonly NewFile[],
  versionId: string,
): VersionSidecar {
  const templates = resolveTemplates(at.project.namingTemplates)
  return {
    schema: 'aipipeline.version-sidecar/1',
    version: {
      id: versionId,
      number: at.number,
      kind: at.kind,
      projectId: at.project.id,
      taskId: at.task.id,
      shotId: at.shot.id,
    },
    naming: {
      versionFolder: templates.versionFolder,
      versionFile: templates.versionFile,
      tokens: definedTokens(at.tokens),
    },
    template: input.sidecar.template,
    workflowHash: input.sidecar.workflowHash,
    prompt: input.provenance.prompt,
    negativePrompt: input.provenance.negativePrompt,
    seed: input.provenance.seed,
    parameters: input.parameters,
    models: input.sidecar.models,
    backend: input.sidecar.backend,
    job: { id: input.renderJobId, attemptIds: input.sidecar.attemptIds, outputId: input.renderOutputId },
    inputs: input.inputs,
    timings: { ...input.sidecar.timings, ingestedAt: new Date().toISOString() },
    files: files.map(({ name, role, path, mediaType, sizeBytes, sha256 }) => ({
      name,
      role: role === 'thumbnail' ? 'thumbnail' : 'output',
      path,
      mediaType,
      sizeBytes,
      sha256,
    })),
  }
}

/** The `version:new` change of a new version: clients and vendors get it where the task's status and assignment let them. */
export function versionNewChange(
  version: VersionRecord & { files: readonly VersionFileRecord[] },
  shotId: string,
  statusId: string,
): Change {
  return {
    event: 'version:new',
    payload: {
      projectId: version.projectId,
      actorId: version.authorId,
      at: version.createdAt,
      versionId: version.id,
      taskId: version.taskId,
      shotId,
      number: version.number,
      kind: version.kind === 'video' ? 'video' : 'image',
      thumbnailFileId: version.files.find((f) => f.role === 'thumbnail')?.id ?? null,
      renderJobId: version.renderJobId,
    },
    entityId: version.id,
    shotId,
    taskId: version.taskId,
    taskIds: [version.taskId],
    clientVisible: true,
    data: { versionId: version.id, number: version.number, statusId },
  }
}

function definedTokens(tokens: Record<string, string | number | undefined>): Record<string, string | number> {
  const out: Record<string, string | number> = {}
  for (const [k, v] of Object.entries(tokens)) if (v !== undefined) out[k] = v
  return out
}
