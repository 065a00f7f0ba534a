// Before a job's prompt is queued on a backend, its input files go up to that backend's input
// folder: images through /upload/image, masks through /upload/mask with `original_ref` to the
// uploaded image (ComfyUI copies the mask's alpha onto it). Each is named by its hash and never
// overwrites, so a backend that already holds the same bytes keeps them. When the backend stores
// a file under another name (a clash with other content), the prompt is pointed at that name.
import { type ApiPrompt, type ComfyClient, ComfyHttpError } from '@aipipeline/comfyui'
import type { InputFile, RenderJobError } from '@aipipeline/db'
import { NotFound } from '@aipipeline/domain'
import { describeFetchError } from '../backend-discovery'
import { maskForUpload } from './render-input-file'

/** Error type of a job whose input files could not be uploaded to its backend; the web translates it. */
export const INPUT_UPLOAD_FAILED = 'input_upload_failed'

/** Where the studio reads an input's bytes (its render input store). */
export interface InputBytesSource {
  bytes(sha256: string): Promise<{ data: Buffer; mediaType: string; fileName: string }>
}

type Uploader = Pick<ComfyClient, 'uploadImage' | 'uploadMask'>

interface Uploaded {
  filename: string
  subfolder: string
  type: string
}

/** The name a loader node takes for an uploaded file (`subfolder/name` when in a subfolder). */
const loaderName = (u: Uploaded) => (u.subfolder ? `${u.subfolder}/${u.filename}` : u.filename)

/** A copy of the prompt with every input value `from` replaced by `to`. */
function renamed(prompt: ApiPrompt, from: string, to: string): ApiPrompt {
  if (from === to) return prompt
  const next: ApiPrompt = {}
  for (const [id, node] of Object.entries(prompt)) {
    const inputs = Object.fromEntries(Object.entries(node.inputs).map(([k, v]) => [k, v === from ? to : v]))
    next[id] = { ...node, inputs }
  }
  return next
}

/** Uploads the job's inputs (images first, then masks onto them); returns the prompt to submit. */
export async function uploadJobInputs(
  source: InputBytesSource,
  client: Uploader,
  prompt: ApiPrompt,
  files: readonly InputFile[],
): Promise<ApiPrompt> {
  let result = prompt
  const byParameter = new Map<string, Uploaded>()
  const ordered = [...files.filter((f) => f.kind !== 'mask'), ...files.filter((f) => f.kind === 'mask')]
  for (const f of ordered) {
    const { data } = await source.bytes(f.sha256)
    let stored: { name: string; subfolder: string; type: string }
    if (f.kind === 'mask') {
      const original = f.originalParameter === undefined ? undefined : byParameter.get(f.originalParameter)
      if (original === undefined) throw new Error(`mask "${f.parameter}" has no uploaded image to go onto`)
      stored = await client.uploadMask(await maskForUpload(data), f.fileName, original, { type: 'input' })
    } else {
      stored = await client.uploadImage(data, f.fileName, { type: 'input' })
    }
    const uploaded = { filename: stored.name, subfolder: stored.subfolder, type: stored.type }
    byParameter.set(f.parameter, uploaded)
    result = renamed(result, f.fileName, loaderName(uploaded))
  }
  return result
}

/** The prompt to submit once the inputs are up, or why the attempt failed and whether to retry. */
export type InputUploadOutcome =
  | { ok: true; prompt: ApiPrompt }
  | { ok: false; error: RenderJobError; retry: boolean; suspect: boolean }

/**
 * Uploads a job's inputs before its prompt is submitted. A failed upload is a failed attempt,
 * retried with backoff (on any backend; a network failure also gets the backend probed); an
 * input the studio no longer has can never be sent, so that job fails at once.
 */
export async function promptWithInputs(
  source: InputBytesSource | null,
  client: Uploader,
  prompt: ApiPrompt,
  files: readonly InputFile[],
  backendName: string,
): Promise<InputUploadOutcome> {
  if (files.length === 0) return { ok: true, prompt }
  try {
    if (source === null) throw new NotFound('render input store')
    return { ok: true, prompt: await uploadJobInputs(source, client, prompt, files) }
  } catch (err) {
    const missing = err instanceof NotFound
    const message = missing
      ? `an input file of this job is no longer stored in the studio: ${err.message}`
      : `uploading the input files to ${backendName} failed: ${describeFetchError(err)}`
    return {
      ok: false,
      error: { type: INPUT_UPLOAD_FAILED, message, nodeId: null, nodeType: null, nodeErrors: [] },
      retry: !missing,
      suspect: !missing && !(err instanceof ComfyHttpError),
    }
  }
}
