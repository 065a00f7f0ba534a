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
  type ProductionRepositories,
  type ProjectRecord,
  type ShotRecord,
  type TaskRow,
  type VersionFileRecord,
} from '@aipipeline/db'
import { NotFound, resolveTemplates } from '@aipipeline/domain'
import type { ActivityService, Change } from './activity.service'
import type { FolderService } from './folder.service'
import { isUniqueViolation } from './production-change'
import type { ProductionContext } from './production-context'
import { placeFile, sha256Hex, smallFileDigest, writeSmallFileAtomic } from './version-files'
import type { VersionHooks } from './version-hooks'
import { versionNewChange } from './version-new-change'

/** One farm output to store as a version (the farm module's port speaks this shape). */
export interface RenderOutputIngest extends RenderJobIngest, OutputFileIngest {}

/** What every output of one render job shares. */
export interface RenderJobIngest {
  taskId: string
  renderJobId: string
  provenance: { prompt: string | null; negativePrompt: string | null; seed: number | null; model: string | null }
  parameters: Record<string, unknown>
  /** Versions fed into the workflow; `role` image | mask | control. */
  inputs: { versionId: string; parameter: string; role: string }[]
  authorId: string | null
  /** What the sidecar records beyond the version itself. */
  sidecar: Pick<VersionSidecar, 'template' | 'workflowHash' | 'models' | 'backend' | 'inputFiles' | 'control'> & {
    attemptIds: string[]
    timings: Omit<VersionSidecar['timings'], 'ingestedAt'>
  }
}

/** One output file of the job. */
export interface OutputFileIngest {
  renderOutputId: string
  /** The downloaded file, relative to the storage root; its name gives the extension. */
  source: { path: string; mediaType: string | null; sizeBytes: number; sha256: string }
  /** The farm's thumbnail of it (webp), relative to the storage root. */
  thumbnailPath: string | null
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

export function createVersionIngestService(
  ctx: ProductionContext,
  activity: ActivityService,
  folders: FolderService,
  hooks: VersionHooks,
) {
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

  /** The versions already made from the job's outputs, by output id. */
  async function existing(renderJobId: string): Promise<Map<string, IngestedVersion>> {
    const found = await repos.tasks.versionsOfRenderJob(renderJobId)
    return new Map(
      found.flatMap((v) =>
        v.renderOutputId === null ? [] : [[v.renderOutputId, { versionId: v.id, number: v.number, created: false }]],
      ),
    )
  }

  /** What every version of the task shares: read once per job, not per output. */
  async function taskContext(taskId: string): Promise<TaskContext> {
    const task = await repos.tasks.findById(taskId)
    if (!task) throw new NotFound('task', taskId)
    const [project, shot, taskTypes, sequences] = await Promise.all([
      repos.projects.findById(task.projectId),
      repos.shots.findById(task.shotId),
      repos.projects.taskTypes(task.projectId),
      repos.projects.sequences(task.projectId),
    ])
    const taskType = taskTypes.find((t) => t.id === task.taskTypeId)
    if (!project || !shot || !taskType) throw new NotFound('task', task.id)
    const sequence = sequences.find((s) => s.id === shot.sequenceId)
    const tokens = { project: project.code, sequence: sequence?.code, shot: shot.code, task: taskType.name }
    return { task, project, shot, tokens }
  }

  /** Where version `number` of the output goes: tokens, folder and file name. */
  function placement(at: TaskContext, output: OutputFileIngest, number: number): Placement {
    const tokens = { ...at.tokens, version: number }
    const ext = extensionOf(output.source.path)
    const fileName =
      folders
        .render(at.project, 'versionFile', { ...tokens, ext })
        .split('/')
        .pop() ?? `output.${ext}`
    return {
      ...at,
      number,
      tokens,
      folder: folders.render(at.project, 'versionFolder', tokens),
      fileName,
      kind: kindOf(output.source.mediaType, output.source.path),
    }
  }

  /**
   * One try at the next numbers: every missing output of the job in one transaction, numbered
   * from the task's next number read inside it. Undefined when another writer took a number
   * (or made one of the versions) first.
   */
  async function ingestAt(
    job: RenderJobIngest,
    outputs: readonly OutputFileIngest[],
    at: TaskContext,
  ): Promise<Map<string, IngestedVersion> | undefined> {
    // Thumbnails are read and hashed before the transaction: they do not depend on the number.
    const thumbnails = outputs.map((o) =>
      o.thumbnailPath === null ? null : thumbnailDigest(ctx.storageRoot, o.thumbnailPath),
    )
    try {
      const { made, changes } = await inProductionTransaction(ctx.db, async (r) => {
        const first = await r.tasks.nextVersionNumber(at.task.id)
        const made = new Map<string, IngestedVersion>()
        const changes: Change[] = []
        let shotThumbnail = at.shot.thumbnailVersionId
        for (const [i, output] of outputs.entries()) {
          const place = placement(at, output, first + i)
          const version = await insertVersion(r, job, output, place, thumbnails[i] ?? null)
          if (shotThumbnail === null) {
            await r.shots.update(at.shot.id, { thumbnailVersionId: version.id })
            shotThumbnail = version.id
          }
          changes.push(versionNewChange(version, at.shot.id, at.task.statusId))
          made.set(output.renderOutputId, { versionId: version.id, number: version.number, created: true })
        }
        await activity.record(r, at.project.id, job.authorId, changes)
        return { made, changes }
      })
      await activity.publish(at.project.id, changes)
      return made
    } catch (err) {
      if (isUniqueViolation(err)) return undefined
      throw err
    }
  }

  /** Inserts one version's rows, then (the number is ours until commit) places its files. */
  async function insertVersion(
    r: ProductionRepositories,
    job: RenderJobIngest,
    output: OutputFileIngest,
    at: Placement,
    thumbnail: FileDigest | null,
  ) {
    const { files, places } = versionFiles(output, at, thumbnail)
    const versionId = newId()
    const sidecarText = `${JSON.stringify(sidecarOf(job, output, at, files, versionId), null, 2)}\n`
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
    const version = await r.tasks.insertVersion(
      {
        id: versionId,
        projectId: at.project.id,
        taskId: at.task.id,
        number: at.number,
        kind: at.kind,
        authorId: job.authorId,
        renderJobId: job.renderJobId,
        renderOutputId: output.renderOutputId,
        provenance: { renderJobId: job.renderJobId, ...job.provenance, parameters: job.parameters },
        folderPath: at.folder,
        thumbnailPath: places[1]?.to ?? null,
      },
      files,
      job.inputs.map((i) => ({ inputVersionId: i.versionId, parameter: i.parameter, role: i.role })),
    )
    for (const p of places) await placeFile(ctx.storageRoot, p.from, p.to)
    writeSmallFileAtomic(ctx.storageRoot, `${at.folder}/version.json`, sidecarText)
    return version
  }

  /**
   * Stores a render job's outputs as its task's next versions (one transaction for the job's
   * missing ones), or returns the versions they already became; in output order.
   */
  async function ingestOutputs(job: RenderJobIngest, outputs: readonly OutputFileIngest[]): Promise<IngestedVersion[]> {
    if (outputs.length === 0) return []
    const versions = await serialPerTask(job.taskId, async () => {
      const at = await taskContext(job.taskId)
      for (let race = 0; race < MAX_NUMBER_RACES; race++) {
        const done = await existing(job.renderJobId)
        const missing = outputs.filter((o) => !done.has(o.renderOutputId))
        const made = missing.length === 0 ? new Map<string, IngestedVersion>() : await ingestAt(job, missing, at)
        if (made)
          return outputs.map((o) => made.get(o.renderOutputId) ?? (done.get(o.renderOutputId) as IngestedVersion))
      }
      throw new Error(`version numbers of task ${job.taskId} kept being taken by concurrent ingests`)
    })
    // Also for versions ingested before: a retry after a failed listener reaches it again.
    await hooks.ingested(versions.map((v) => v.versionId))
    return versions
  }

  return {
    ingestOutputs,

    /** Stores one farm output as its task's next version, or returns the version it already became. */
    async ingestOutput(input: RenderOutputIngest): Promise<IngestedVersion> {
      const [version] = await ingestOutputs(input, [input])
      if (!version) throw new Error(`output ${input.renderOutputId} was not ingested`)
      return version
    },
  }
}
export type VersionIngestService = ReturnType<typeof createVersionIngestService>

interface TaskContext {
  task: TaskRow
  project: ProjectRecord
  shot: ShotRecord
  tokens: { project: string; sequence: string | undefined; shot: string; task: string }
}

type FileDigest = { sha256: string; sizeBytes: number }

type NewFile = Omit<VersionFileRecord, 'id' | 'versionId' | 'createdAt'>

interface Placement extends Omit<TaskContext, 'tokens'> {
  number: number
  tokens: Record<string, string | number | undefined>
  folder: string
  fileName: string
  kind: 'image' | 'video'
}

/** The version's output and thumbnail rows, and where each comes from in the farm's storage. */
function versionFiles(input: OutputFileIngest, at: Placement, digest: FileDigest | null) {
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

function thumbnailDigest(root: string, path: string): FileDigest | null {
  try {
    return smallFileDigest(root, path)
  } catch {
    return null
  }
}

/** The sidecar: built from parsed rows and typed by the contract's schema (not re-parsed: hot path). */
function sidecarOf(
  input: RenderJobIngest,
  output: OutputFileIngest,
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
    job: { id: input.renderJobId, attemptIds: input.sidecar.attemptIds, outputId: output.renderOutputId },
    inputs: input.inputs,
    ...(input.sidecar.inputFiles === undefined ? {} : { inputFiles: input.sidecar.inputFiles }),
    ...(input.sidecar.control === undefined ? {} : { control: input.sidecar.control }),
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

function definedTokens(tokens: Record<string, string | number | undefined>): Record<string, string | number> {
  const out: Record<string, string | number> = {}
  for (const [k, v] of Object.entries(tokens)) if (v !== undefined) out[k] = v
  return out
}
