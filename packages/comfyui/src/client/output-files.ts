import { type HistoryEntry, OutputFileSchema } from '../protocol/http-response.schema'

/** A file produced by a node, as listed in history/executed outputs. */
export interface ComfyOutputFile {
  nodeId: string
  /** The UI output key it came from (`images`, `gifs`, `audio`, …). */
  kind: string
  filename: string
  subfolder: string
  type: string
  /** `format` when the node reported one (VideoHelperSuite's `gifs`). */
  format?: string
}

// Keys that never hold file references even though they are lists.
const NON_FILE_KEYS = new Set(['animated', 'text'])

/** Lists the files in node outputs, skipping non-file keys like `animated` and `text`. */
export function outputFilesOf(outputs: Record<string, Record<string, unknown>>): ComfyOutputFile[] {
  const files: ComfyOutputFile[] = []
  for (const [nodeId, output] of Object.entries(outputs)) {
    for (const [kind, list] of Object.entries(output)) {
      if (NON_FILE_KEYS.has(kind) || !Array.isArray(list)) continue
      for (const item of list) {
        const file = OutputFileSchema.safeParse(item)
        if (!file.success) continue
        const { filename, subfolder, type } = file.data
        const format = typeof file.data.format === 'string' ? { format: file.data.format } : {}
        files.push({ nodeId, kind, filename, subfolder, type, ...format })
      }
    }
  }
  return files
}

/** Lists the files of a history entry. */
export function outputFiles(history: HistoryEntry): ComfyOutputFile[] {
  return outputFilesOf(history.outputs)
}
