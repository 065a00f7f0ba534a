import { latentShape, type SimGraph, VIDEO_SAVE_CLASSES } from './simulator-graph'
import type { MediaDescriptor } from './simulator-media'

// The UI output dicts ComfyUI's save/preview nodes report, with file descriptors to render later.

export interface SimFile {
  filename: string
  subfolder: string
  type: 'output' | 'temp' | 'input'
}

export interface NodeRun {
  /** UI output as it appears in `executed` and history; null when the node reports none. */
  output: Record<string, unknown[]> | null
  files: Array<{ file: SimFile; media: MediaDescriptor }>
}

/** Per-prefix file counters, like ComfyUI's `get_save_image_path` scanning the folder. */
export class FileCounters {
  private readonly next = new Map<string, number>()
  take(key: string): number {
    const n = this.next.get(key) ?? 1
    this.next.set(key, n + 1)
    return n
  }
  clear(): void {
    this.next.clear()
  }
}

function splitPrefix(prefix: unknown): [string, string] {
  const p = typeof prefix === 'string' && prefix.length > 0 ? prefix : 'ComfyUI'
  const cut = p.lastIndexOf('/')
  return cut < 0 ? ['', p] : [p.slice(0, cut), p.slice(cut + 1)]
}

/**
 * File extension a save node writes: SaveVideo by its container (`auto` is mp4, as ComfyUI's
 * VideoContainer.get_extension says), SaveWEBM webm, SaveAnimatedWEBP webp, VideoHelperSuite
 * by its format (`video/h264-mp4` → mp4, `image/gif` → gif), still images png.
 */
export function savedExtension(classType: string, inputs: Record<string, unknown>): string {
  const format = typeof inputs.format === 'string' ? inputs.format : undefined
  switch (classType) {
    case 'SaveVideo':
      return format === undefined || format === 'auto' ? 'mp4' : format
    case 'SaveWEBM':
      return 'webm'
    case 'SaveAnimatedWEBP':
      return 'webp'
    case 'VHS_VideoCombine': {
      const [family, name = 'gif'] = (format ?? 'image/gif').split('/')
      if (family === 'image') return name
      const ext = name.split('-').at(-1) ?? 'mp4'
      return ext === 'ProRes' ? 'mov' : ext
    }
    default:
      return 'png'
  }
}

/** Builds the UI output of an output node, or null for nodes that show nothing. */
export function outputFor(
  graph: SimGraph,
  id: string,
  cacheKey: string,
  counters: FileCounters,
  tempTag: string,
): NodeRun {
  const node = graph[id]
  if (node === undefined) return { output: null, files: [] }
  const shape = latentShape(graph, id)
  const cls = node.class_type
  const isVideo = VIDEO_SAVE_CLASSES.has(cls)
  const isTemp = cls.startsWith('Preview')
  if (!isVideo && !('images' in node.inputs)) return { output: null, files: [] }
  const [subfolder, base] = isTemp ? ['', `ComfyUI_temp_${tempTag}`] : splitPrefix(node.inputs.filename_prefix)
  const type = isTemp ? 'temp' : 'output'
  const count = isVideo ? 1 : Math.max(1, shape.batch)
  const ext = savedExtension(cls, node.inputs)
  const files: NodeRun['files'] = []
  for (let i = 0; i < count; i++) {
    const n = counters.take(`${type}/${subfolder}/${base}`)
    const filename = `${base}_${String(n).padStart(5, '0')}_.${ext}`
    const media: MediaDescriptor = {
      kind: mediaKind(ext),
      container: ext,
      seed: `${cacheKey}:${i}`,
      width: shape.width,
      height: shape.height,
      frames: isVideo ? Math.max(2, shape.length) : 1,
    }
    files.push({ file: { filename, subfolder, type }, media })
  }
  const refs = files.map((f) => ({ ...f.file }))
  if (cls === 'VHS_VideoCombine') {
    const fps = typeof node.inputs.frame_rate === 'number' ? node.inputs.frame_rate : 8
    const format = typeof node.inputs.format === 'string' ? node.inputs.format : 'image/gif'
    return { output: { gifs: refs.map((r) => ({ ...r, format, frame_rate: fps })) }, files }
  }
  return { output: isVideo ? { images: refs, animated: [true] } : { images: refs }, files }
}

function mediaKind(ext: string): MediaDescriptor['kind'] {
  if (ext === 'png' || ext === 'webp' || ext === 'gif') return ext
  return 'video'
}
