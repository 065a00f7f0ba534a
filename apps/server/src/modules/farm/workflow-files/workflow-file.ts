// Reads the workflow a ComfyUI output file carries: PNG, WebP or MP4, told apart by their
// first bytes (never by the name a client sends).
import { type EmbeddedWorkflow, prefixedEntries, UnreadableWorkflowFile, workflowFromTexts } from './embedded-texts'
import { mp4Tags } from './mp4-tags'
import { pngTexts } from './png-text'
import { webpExifStrings } from './webp-exif'

export { type EmbeddedWorkflow, UnreadableWorkflowFile } from './embedded-texts'

export type WorkflowFileKind = 'png' | 'webp' | 'mp4'

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** The file kind from its magic bytes, or null. */
export function fileKind(bytes: Buffer): WorkflowFileKind | null {
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png'
  if (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP')
    return 'webp'
  if (bytes.subarray(4, 8).toString('latin1') === 'ftyp') return 'mp4'
  return null
}

/** The prompt and/or workflow embedded in a file; throws UnreadableWorkflowFile with the reason. */
export async function readWorkflowFile(
  name: string,
  bytes: Buffer,
): Promise<EmbeddedWorkflow & { kind: WorkflowFileKind }> {
  const kind = fileKind(bytes)
  if (kind === null) {
    const head = bytes.subarray(0, 8).toString('hex') || 'nothing'
    throw new UnreadableWorkflowFile(`"${name}" is not a PNG, WebP or MP4 file (it starts with ${head})`)
  }
  const found =
    kind === 'png'
      ? workflowFromTexts(await pngTexts(bytes), 'PNG text chunk')
      : kind === 'webp'
        ? workflowFromTexts(prefixedEntries(await webpExifStrings(bytes)), 'WebP EXIF')
        : workflowFromTexts(mp4Tags(bytes), 'MP4 metadata')
  if (found.prompt === undefined && found.workflow === undefined) {
    throw new UnreadableWorkflowFile(`"${name}" carries no ComfyUI workflow (no "prompt" or "workflow" metadata)`)
  }
  return { kind, ...found }
}
