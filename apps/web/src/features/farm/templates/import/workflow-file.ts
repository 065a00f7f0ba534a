// What a dropped file becomes before it is sent for inspection. A .json file is read here and
// sent as a workflow (so "this is not JSON" is said at once, in the user's language); images and
// videos carry their workflow in metadata that only the server reads, so they go as base64.

/** Files ComfyUI writes a workflow into: its JSON exports, and PNG/WebP/MP4 outputs' metadata. */
export const WORKFLOW_FILE_ACCEPT = '.json,.png,.webp,.mp4,application/json,image/png,image/webp,video/mp4'

/** Largest file read in the browser: a 4K PNG with its workflow fits; a long video is refused early. */
export const MAX_WORKFLOW_FILE_BYTES = 48 * 1024 * 1024

export type WorkflowFileKind = 'json' | 'png' | 'webp' | 'mp4'

export type WorkflowSource =
  | { kind: 'api'; prompt: Record<string, unknown> }
  | { kind: 'ui'; workflow: Record<string, unknown> }

export type FileProblem = 'unsupportedType' | 'tooLarge' | 'notJson' | 'notWorkflow' | 'empty'

export type WorkflowFileRead =
  | { ok: true; request: { source: WorkflowSource } | { file: { name: string; dataBase64: string } } }
  | { ok: false; problem: FileProblem }

/** The kind of a workflow file by its name, or by its media type when the name says nothing. */
export function workflowFileKind(name: string, mediaType = ''): WorkflowFileKind | null {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase()
  if (ext === 'json' || ext === 'png' || ext === 'webp' || ext === 'mp4') return ext
  switch (mediaType) {
    case 'application/json':
      return 'json'
    case 'image/png':
      return 'png'
    case 'image/webp':
      return 'webp'
    case 'video/mp4':
      return 'mp4'
    default:
      return null
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * Which format a parsed JSON workflow is in: the UI format draws nodes and links as arrays;
 * the API format maps node ids to `{class_type, inputs}`.
 */
export function workflowSourceOf(json: unknown): WorkflowSource | null {
  if (!isObject(json)) return null
  if (Array.isArray(json.nodes)) return { kind: 'ui', workflow: json }
  const entries = Object.values(json)
  if (entries.length > 0 && entries.every((n) => isObject(n) && typeof n.class_type === 'string'))
    return { kind: 'api', prompt: json }
  return null
}

/** Standard, padded base64 of some bytes, in chunks so that large files do not overflow the stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = ''
  const chunk = 0x8000
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk))
  return btoa(binary)
}

/** Reads a dropped or picked file into the body of an inspect request, or says what is wrong with it. */
export async function readWorkflowFile(file: File): Promise<WorkflowFileRead> {
  const kind = workflowFileKind(file.name, file.type)
  if (kind === null) return { ok: false, problem: 'unsupportedType' }
  if (file.size === 0) return { ok: false, problem: 'empty' }
  if (file.size > MAX_WORKFLOW_FILE_BYTES) return { ok: false, problem: 'tooLarge' }
  if (kind !== 'json') {
    const dataBase64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()))
    return { ok: true, request: { file: { name: file.name, dataBase64 } } }
  }
  let json: unknown
  try {
    json = JSON.parse(await file.text())
  } catch {
    return { ok: false, problem: 'notJson' }
  }
  const source = workflowSourceOf(json)
  return source === null ? { ok: false, problem: 'notWorkflow' } : { ok: true, request: { source } }
}
