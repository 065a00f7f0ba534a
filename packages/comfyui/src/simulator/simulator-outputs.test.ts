import { describe, expect, it } from 'vitest'
import type { SimGraph } from './simulator-graph'
import { FileCounters, outputFor } from './simulator-outputs'

// What a save node reports and how its files are named, compared with ComfyUI's nodes.

function videoGraph(save: SimGraph[string]): SimGraph {
  return {
    '1': { class_type: 'EmptyHunyuanLatentVideo', inputs: { width: 64, height: 64, length: 9, batch_size: 1 } },
    '2': { class_type: 'VAEDecode', inputs: { samples: ['1', 0] } },
    '3': { class_type: 'CreateVideo', inputs: { images: ['2', 0], fps: 16 } },
    '4': save,
  }
}

function filesOf(save: SimGraph[string]): string[] {
  const run = outputFor(videoGraph(save), '4', 'key', new FileCounters(), 'tag')
  return run.files.map((f) => `${f.file.subfolder}/${f.file.filename}`)
}

describe('simulated save nodes', () => {
  it.each([
    ['auto', 'mp4'],
    ['mp4', 'mp4'],
    ['webm', 'webm'],
    ['mkv', 'mkv'],
    ['mov', 'mov'],
  ])('names a SaveVideo file with format %s by its container (.%s)', (format, ext) => {
    const save = { class_type: 'SaveVideo', inputs: { video: ['3', 0], filename_prefix: 'video/shot', format } }
    expect(filesOf(save)).toEqual([`video/shot_00001_.${ext}`])
  })

  it('names SaveWEBM files .webm and SaveAnimatedWEBP files .webp', () => {
    expect(filesOf({ class_type: 'SaveWEBM', inputs: { images: ['2', 0], filename_prefix: 'clip' } })).toEqual([
      '/clip_00001_.webm',
    ])
    expect(filesOf({ class_type: 'SaveAnimatedWEBP', inputs: { images: ['2', 0], filename_prefix: 'clip' } })).toEqual([
      '/clip_00001_.webp',
    ])
  })

  it('names VideoHelperSuite files by the chosen format and reports that format', () => {
    const save = {
      class_type: 'VHS_VideoCombine',
      inputs: { images: ['2', 0], filename_prefix: 'vhs', format: 'video/h264-mp4', frame_rate: 12 },
    }
    const run = outputFor(videoGraph(save), '4', 'key', new FileCounters(), 'tag')
    expect(run.output).toEqual({
      gifs: [{ filename: 'vhs_00001_.mp4', subfolder: '', type: 'output', format: 'video/h264-mp4', frame_rate: 12 }],
    })
  })

  it('reports a SaveVideo file as an animated output, as ComfyUI’s PreviewVideo does', () => {
    const save = { class_type: 'SaveVideo', inputs: { video: ['3', 0], filename_prefix: 'v', format: 'auto' } }
    const run = outputFor(videoGraph(save), '4', 'key', new FileCounters(), 'tag')
    expect(run.output).toEqual({
      images: [{ filename: 'v_00001_.mp4', subfolder: '', type: 'output' }],
      animated: [true],
    })
    expect(run.files[0]?.media).toMatchObject({ kind: 'video', container: 'mp4' })
  })
})
