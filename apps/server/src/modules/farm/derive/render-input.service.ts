// Render inputs: uploaded images, masks and control images of a project, stored once per
// content. Uploading the same bytes again answers the same input. The farm reads the bytes
// back by hash when it uploads them to a backend, and GPU agents fetch them the same way.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { RenderInput, RenderInputKind } from '@aipipeline/contracts'
import type { RenderInputRecord, RenderInputRepository } from '@aipipeline/db'
import { Forbidden, isOutsider, NotFound, type ProjectAccess, ValidationFailed } from '@aipipeline/domain'
import type { FileBody } from '../../../http/file-route'
import type { Principal } from '../../auth'
import type { ProjectAccessResolver } from '../render-job-access'
import {
  copyInputFile,
  type InputFacts,
  type InputLimits,
  imageSize,
  inputFileName,
  inputStoragePath,
  readInputFile,
  storeInputBytes,
} from './render-input-file'

export interface RenderInputServiceDeps {
  inputs: RenderInputRepository
  projects: ProjectAccessResolver
  /** The storage root (absolute). */
  storageDir: string
  limits: InputLimits
}

export function toRenderInput(r: RenderInputRecord): RenderInput {
  return {
    id: r.sha256,
    kind: r.kind as RenderInputKind,
    mediaType: r.mediaType,
    width: r.width,
    height: r.height,
    sizeBytes: r.sizeBytes,
    createdAt: r.createdAt,
  }
}

/** Decodes strict base64 (the contract already checked the alphabet and padding). */
function decode(contentBase64: string): Buffer {
  const bytes = Buffer.from(contentBase64, 'base64')
  if (bytes.byteLength === 0) {
    throw new ValidationFailed('the file is empty', [{ path: 'body.contentBase64', message: 'empty file' }])
  }
  return bytes
}

export function createRenderInputService(deps: RenderInputServiceDeps) {
  /** Members of the studio team only: NotFound for non-members, Forbidden for clients and vendors. */
  async function member(principal: Principal, projectId: string): Promise<ProjectAccess> {
    const access = await deps.projects.resolve(principal, projectId)
    if (isOutsider(access)) throw new Forbidden('not allowed: render inputs are for the studio team')
    return access
  }

  async function found(projectId: string, sha256: string): Promise<RenderInputRecord> {
    const record = await deps.inputs.get(projectId, sha256)
    if (record === null) throw new NotFound('render input', sha256)
    return record
  }

  /** Stores checked bytes for a project (idempotent per content). */
  async function storeChecked(
    projectId: string,
    bytes: Buffer,
    facts: InputFacts,
    kind: RenderInputKind,
    createdBy: string | null,
  ): Promise<RenderInputRecord> {
    const path = inputStoragePath(facts.sha256, facts.mediaType)
    await storeInputBytes(deps.storageDir, path, bytes)
    const { record } = await deps.inputs.insertOrGet({
      projectId,
      sha256: facts.sha256,
      kind,
      mediaType: facts.mediaType,
      width: facts.width,
      height: facts.height,
      sizeBytes: facts.sizeBytes,
      path,
      createdBy,
    })
    return record
  }

  return {
    async upload(
      principal: Principal,
      projectId: string,
      body: { kind: RenderInputKind; contentBase64: string },
    ): Promise<RenderInput> {
      await member(principal, projectId)
      const bytes = decode(body.contentBase64)
      const facts = await readInputFile(bytes, deps.limits)
      return toRenderInput(await storeChecked(projectId, bytes, facts, body.kind, principal.userId))
    },

    async get(principal: Principal, projectId: string, sha256: string): Promise<RenderInput> {
      await member(principal, projectId)
      return toRenderInput(await found(projectId, sha256))
    },

    async file(principal: Principal, projectId: string, sha256: string): Promise<FileBody> {
      await member(principal, projectId)
      const record = await found(projectId, sha256)
      const data = await readFile(join(deps.storageDir, record.path))
      return {
        data,
        mediaType: record.mediaType,
        fileName: inputFileName(sha256, record.mediaType),
        disposition: 'inline',
      }
    },

    /** The project's input of this hash (no access check: callers checked the project). */
    find: (projectId: string, sha256: string) => deps.inputs.get(projectId, sha256),

    /** Stores bytes the studio made itself (a resized mask, a control map output), checked like uploads. */
    async storeBytes(projectId: string, bytes: Buffer, kind: RenderInputKind, createdBy: string | null) {
      const facts = await readInputFile(bytes, deps.limits)
      return storeChecked(projectId, bytes, facts, kind, createdBy)
    },

    /** Makes a stored version file an input of the project (a copy under its hash; videos too). */
    async fromStoredFile(
      projectId: string,
      file: {
        path: string
        sha256: string
        mediaType: string
        width: number | null
        height: number | null
        sizeBytes: number
      },
      kind: RenderInputKind,
      createdBy: string | null,
    ): Promise<RenderInputRecord> {
      const existing = await deps.inputs.get(projectId, file.sha256)
      if (existing !== null) return existing
      const path = inputStoragePath(file.sha256, file.mediaType)
      await copyInputFile(deps.storageDir, file.path, path)
      // Farm outputs are stored without their size: images are measured here (header only).
      const size =
        file.width === null && file.mediaType.startsWith('image/')
          ? await imageSize(join(deps.storageDir, path))
          : { width: file.width ?? 0, height: file.height ?? 0 }
      const { record } = await deps.inputs.insertOrGet({
        projectId,
        sha256: file.sha256,
        kind,
        mediaType: file.mediaType,
        width: size.width,
        height: size.height,
        sizeBytes: file.sizeBytes,
        path,
        createdBy,
      })
      return record
    },

    /** The bytes of an input by hash, whichever project holds it; NotFound when none does. */
    async bytes(sha256: string): Promise<{ data: Buffer; mediaType: string; fileName: string }> {
      const record = await deps.inputs.anyBySha(sha256)
      if (record === null) throw new NotFound('render input', sha256)
      const data = await readFile(join(deps.storageDir, record.path))
      return { data, mediaType: record.mediaType, fileName: inputFileName(sha256, record.mediaType) }
    },
  }
}
export type RenderInputService = ReturnType<typeof createRenderInputService>
