// Versions: numbered per task, each in its own folder under the naming templates with a
// JSON sidecar. The render farm attaches its outputs with `attachRenderOutput`.
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import type { Version, VersionDetail } from '@aipipeline/contracts'
import {
  inProductionTransaction,
  type ProductionRepositories,
  type VersionFileRecord,
  type VersionRecord,
} from '@aipipeline/db'
import {
  canSeeTask,
  NotFound,
  type ProjectAccess,
  resolveTemplates,
  seesGenerationDetails,
  ValidationFailed,
} from '@aipipeline/domain'
import sharp from 'sharp'
import type { z } from 'zod'
import type { Principal } from '../auth'
import type { ActivityService } from './activity.service'
import { type FolderService, shotTokens } from './folder.service'
import type { ProductionAccessService } from './production-access.service'
import type { ProductionContext } from './production-context'
import { loadProjectView } from './project-view'
import { resolveInRoot, writeFileAtomic } from './storage-path'
import type { VersionHooks } from './version-hooks'
import { versionNewChange } from './version-new-change'

export interface RenderOutputFile {
  /** Original file name; only its extension is kept (the template names the file). */
  name: string
  mediaType: string
  data: Uint8Array
  /** When given, checked against the bytes. */
  sha256?: string
  width?: number
  height?: number
}

/** What the render farm hands over when a job for a task finishes. */
export interface RenderOutput {
  taskId: string
  renderJobId: string | null
  kind: 'image' | 'video'
  prompt: string | null
  negativePrompt?: string | null
  seed: number | null
  model: string | null
  parameters: Record<string, unknown>
  files: RenderOutputFile[]
  /** A thumbnail for videos; images get one made here when absent. */
  thumbnail?: { data: Uint8Array; mediaType: string }
  authorId?: string | null
  /** Optional `{comment}` token of the file name template. */
  comment?: string
}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex')
const extensionOf = (name: string) => /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1]?.toLowerCase() ?? 'bin'

async function imageThumbnail(data: Uint8Array): Promise<Uint8Array | undefined> {
  try {
    return await sharp(data).resize({ width: 480, withoutEnlargement: true }).jpeg({ quality: 80 }).toBuffer()
  } catch {
    return undefined // not an image sharp can read; the version simply has no thumbnail
  }
}

/** Provenance without how it was generated: what a client sees unless the project shows it. */
const HIDDEN_GENERATION = { prompt: null, negativePrompt: null, seed: null, model: null, parameters: {} }

/** Whether the caller sees generation details in `projectId` (reads the project for clients only). */
export async function showsGenerationDetails(
  repos: Pick<ProductionRepositories, 'projects'>,
  access: ProjectAccess,
): Promise<boolean> {
  if (access.role !== 'client') return true
  const project = await repos.projects.findById(access.projectId)
  return project !== undefined && seesGenerationDetails(access, project)
}

const fileRole = (role: string): 'output' | 'thumbnail' | 'sidecar' =>
  role === 'thumbnail' || role === 'sidecar' ? role : 'output'

/**
 * A version as the API shows it, with its own files and thumbnail; `generation` false strips how
 * it was made, the sidecar file included.
 */
export function versionView(
  v: VersionRecord,
  files: readonly VersionFileRecord[],
  generation = true,
): z.input<typeof Version> {
  const own = files.filter((f) => f.versionId === v.id && (generation || f.role !== 'sidecar'))
  return {
    id: v.id,
    taskId: v.taskId,
    number: v.number,
    kind: v.kind === 'video' ? 'video' : 'image',
    authorId: v.authorId,
    folderPath: v.folderPath,
    thumbnailFileId: own.find((f) => f.role === 'thumbnail')?.id ?? null,
    provenance: generation ? v.provenance : { ...v.provenance, ...HIDDEN_GENERATION },
    files: own.map((f) => ({ ...f, role: fileRole(f.role) })),
    createdAt: v.createdAt,
  }
}

export function createVersionService(
  ctx: ProductionContext,
  access: ProductionAccessService,
  activity: ActivityService,
  folders: FolderService,
  hooks: VersionHooks,
) {
  const { repos } = ctx

  /**
   * The rows of a version (version, files, the shot's thumbnail, activity) in one transaction.
   * Files are written before it under the version's number; if it fails they are not removed
   * (a concurrent attach may own the same paths) and the retry of the same output, which gets
   * the same number, overwrites them.
   */
  function recordVersion<T>(work: (r: ProductionRepositories) => Promise<T>): Promise<T> {
    return inProductionTransaction(ctx.db, work)
  }

  async function writeFiles(folder: string, base: Record<string, string | number | undefined>, output: RenderOutput) {
    const project = await repos.projects.findById(String(base.projectId))
    if (!project) throw new NotFound('project', String(base.projectId))
    const rows: Omit<VersionFileRecord, 'id' | 'versionId' | 'createdAt'>[] = []
    for (const [i, f] of output.files.entries()) {
      const hash = sha256(f.data)
      if (f.sha256 !== undefined && f.sha256.toLowerCase() !== hash) {
        throw new ValidationFailed(`checksum mismatch for ${f.name}`, [
          { path: `files.${i}.sha256`, message: 'does not match the bytes' },
        ])
      }
      const comment = output.comment ?? (output.files.length > 1 ? String(i + 1).padStart(2, '0') : undefined)
      const name =
        folders
          .render(project, 'versionFile', { ...base, comment, ext: extensionOf(f.name) })
          .split('/')
          .pop() ?? f.name
      const path = `${folder}/${name}`
      await writeFileAtomic(ctx.storageRoot, path, f.data)
      rows.push({
        projectId: project.id,
        role: 'output',
        name,
        path,
        mediaType: f.mediaType,
        sizeBytes: f.data.byteLength,
        sha256: hash,
        width: f.width ?? null,
        height: f.height ?? null,
      })
    }
    const first = output.files[0]
    const thumb =
      output.thumbnail?.data ?? (output.kind === 'image' && first ? await imageThumbnail(first.data) : undefined)
    if (thumb) {
      const path = `${folder}/thumbnail.jpg`
      await writeFileAtomic(ctx.storageRoot, path, thumb)
      rows.push({
        projectId: project.id,
        role: 'thumbnail',
        name: 'thumbnail.jpg',
        path,
        mediaType: output.thumbnail?.mediaType ?? 'image/jpeg',
        sizeBytes: thumb.byteLength,
        sha256: sha256(thumb),
        width: null,
        height: null,
      })
    }
    return rows
  }

  /**
   * The task of a version the caller may see, by the rule the task detail applies: vendors
   * only their assigned tasks, clients only while the task shows them a status they may see.
   * Anything hidden, including a project the caller is not in, is NotFound(`what`, `id`).
   */
  async function visibleTaskOf(principal: Principal, version: VersionRecord, what: string, id: string) {
    const hidden = new NotFound(what, id)
    const view = await loadProjectView(repos, access, principal, version.projectId).catch((err: unknown) => {
      throw err instanceof NotFound ? hidden : err
    })
    const task = await repos.tasks.findById(version.taskId)
    if (!task) throw hidden
    const assignees = (await repos.tasks.assigneesOf([task.id])).get(task.id) ?? []
    const visible =
      canSeeTask(view.access, { assigneeIds: assignees, department: null }) && view.v.statusVisible(task.statusId)
    if (!visible) throw hidden
    return { task, access: view.access }
  }

  /** The parents of a version that the caller may see, with their task and number. */
  async function visibleInputs(principal: Principal, versionId: string) {
    const rows = await repos.tasks.versionInputs([versionId])
    const parents = new Map(
      (await repos.tasks.findVersionsByIds(rows.map((r) => r.inputVersionId))).map((v) => [v.id, v]),
    )
    const out = []
    for (const row of rows) {
      const parent = parents.get(row.inputVersionId)
      if (!parent) continue
      const seen = await visibleTaskOf(principal, parent, 'version', parent.id).then(
        () => true,
        (err: unknown) => {
          if (err instanceof NotFound) return false
          throw err
        },
      )
      if (seen)
        out.push({
          versionId: parent.id,
          role: row.role,
          parameter: row.parameter,
          taskId: parent.taskId,
          number: parent.number,
        })
    }
    return out
  }

  return {
    /** One version the caller may see, with its files, thumbnail, source and place in the project. */
    async get(principal: Principal, versionId: string): Promise<z.input<typeof VersionDetail>> {
      const version = await repos.tasks.findVersion(versionId)
      if (!version) throw new NotFound('version', versionId)
      const { task, access: a } = await visibleTaskOf(principal, version, 'version', versionId)
      const files = await repos.tasks.versionFiles([version.id])
      const generation = await showsGenerationDetails(repos, a)
      return {
        ...versionView(version, files, generation),
        projectId: task.projectId,
        shotId: task.shotId,
        taskTypeId: task.taskTypeId,
        inputs: generation ? await visibleInputs(principal, version.id) : [],
      }
    },

    /**
     * Checks the versions a render job is to be fed with: each must be a version of `projectId`
     * that the submitter may see (NotFound naming the field otherwise, as for a missing one).
     */
    async assertInputVersions(
      principal: Principal,
      projectId: string,
      inputs: readonly { versionId: string }[],
    ): Promise<void> {
      for (const [i, input] of inputs.entries()) {
        const field = `body.inputVersions.${i}.versionId`
        const version = await repos.tasks.findVersion(input.versionId)
        if (!version || version.projectId !== projectId) throw new NotFound(field, input.versionId)
        await visibleTaskOf(principal, version, field, input.versionId)
      }
    },

    /**
     * Stores a render's outputs as the task's next version: files under the naming templates,
     * a sidecar, database rows, activity and a `version:new` event. Idempotent per render job.
     */
    async attachRenderOutput(output: RenderOutput): Promise<VersionRecord> {
      const task = await repos.tasks.findById(output.taskId)
      if (!task) throw new NotFound('task', output.taskId)
      if (output.renderJobId !== null) {
        const existing = (await repos.tasks.versions([task.id])).find(
          (v) => v.provenance.renderJobId === output.renderJobId,
        )
        if (existing) {
          await hooks.ingested([existing.id])
          return existing
        }
      }
      const project = await repos.projects.findById(task.projectId)
      const shot = await repos.shots.findById(task.shotId)
      const taskType = (await repos.projects.taskTypes(task.projectId)).find((t) => t.id === task.taskTypeId)
      if (!project || !shot || !taskType) throw new NotFound('task', task.id)
      const number = await repos.tasks.nextVersionNumber(task.id)
      const tokens = { ...(await shotTokens(repos, project, shot)), task: taskType.name, version: number }
      const folder = folders.render(project, 'versionFolder', tokens)
      const files = await writeFiles(folder, { ...tokens, projectId: project.id }, output)
      const provenance = {
        renderJobId: output.renderJobId,
        prompt: output.prompt,
        negativePrompt: output.negativePrompt ?? null,
        seed: output.seed,
        model: output.model,
        parameters: output.parameters,
      }
      await folders.writeSidecar(folder, {
        template: pick(resolveTemplates(project.namingTemplates), ['versionFolder', 'versionFile']),
        tokens,
        version: number,
        kind: output.kind,
        source: provenance,
        files: files.map((f) => ({ name: f.name, role: f.role, sha256: f.sha256, sizeBytes: f.sizeBytes })),
      })
      const thumbnailPath = files.find((f) => f.role === 'thumbnail')?.path ?? null
      const { version, change } = await recordVersion(async (r) => {
        const version = await r.tasks.insertVersion(
          {
            projectId: project.id,
            taskId: task.id,
            number,
            kind: output.kind,
            authorId: output.authorId ?? null,
            renderJobId: output.renderJobId,
            provenance,
            folderPath: folder,
            thumbnailPath,
          },
          files,
        )
        if (shot.thumbnailVersionId === null) await r.shots.update(shot.id, { thumbnailVersionId: version.id })
        const change = versionNewChange(version, shot.id, task.statusId)
        await activity.record(r, project.id, output.authorId ?? null, [change])
        return { version, change }
      })
      await activity.publish(project.id, [change])
      await hooks.ingested([version.id])
      return version
    },

    /** Reads a version file the caller may see; returns its bytes and media type. */
    async readFile(principal: Principal, fileId: string): Promise<{ data: Buffer; mediaType: string; name: string }> {
      const file = await repos.tasks.findVersionFile(fileId)
      const version = file ? await repos.tasks.findVersion(file.versionId) : undefined
      if (!file || !version) throw new NotFound('file', fileId)
      const { access: a } = await visibleTaskOf(principal, version, 'file', fileId)
      // The sidecar is how the version was generated: hidden from clients unless the project shows it.
      if (file.role === 'sidecar' && !(await showsGenerationDetails(repos, a))) throw new NotFound('file', fileId)
      return {
        data: await readFile(resolveInRoot(ctx.storageRoot, file.path)),
        mediaType: file.mediaType,
        name: file.name,
      }
    },
  }
}
export type VersionService = ReturnType<typeof createVersionService>

function pick<T extends Record<string, string>, K extends keyof T>(set: T, keys: K[]): Pick<T, K> {
  const out = {} as Pick<T, K> // filled for every key below
  for (const k of keys) out[k] = set[k]
  return out
}
