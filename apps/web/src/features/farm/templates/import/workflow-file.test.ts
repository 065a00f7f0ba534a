import { readFileSync } from 'node:fs'
import { isStrictBase64 } from '@aipipeline/contracts'
import { requireSharedFixtures, sharedFixturePath } from '@aipipeline/testing'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bytesToBase64, readWorkflowFile, workflowFileKind, workflowSourceOf } from './workflow-file'

const fixturesAvailable = requireSharedFixtures('workflow file import tests')

describe('reading a workflow file for import', () => {
  it('knows workflow files by extension, or by media type when the name has none', () => {
    expect(workflowFileKind('Still.JSON')).toBe('json')
    expect(workflowFileKind('render_00001_.png')).toBe('png')
    expect(workflowFileKind('clip.mp4')).toBe('mp4')
    expect(workflowFileKind('pasted', 'image/webp')).toBe('webp')
    expect(workflowFileKind('notes.txt', 'text/plain')).toBeNull()
  })

  it('tells the UI format from the API format', () => {
    expect(workflowSourceOf({ nodes: [], links: [] })?.kind).toBe('ui')
    expect(workflowSourceOf({ '3': { class_type: 'KSampler', inputs: {} } })?.kind).toBe('api')
    expect(workflowSourceOf({ '3': { inputs: {} } })).toBeNull()
    expect(workflowSourceOf([1, 2])).toBeNull()
    expect(workflowSourceOf({})).toBeNull()
  })

  it.runIf(fixturesAvailable)('reads the API and UI exports of ComfyUI', async () => {
    for (const [path, kind] of [
      ['api/comfy-cli_default_text2img.api.json', 'api'],
      ['ui/pair_comfy-cli_sd15_t2i.ui.json', 'ui'],
    ] as const) {
      const file = new File([readFileSync(sharedFixturePath(`comfyui/workflows/${path}`))], path.split('/')[1] ?? path)
      const read = await readWorkflowFile(file)
      expect(read.ok && 'source' in read.request ? read.request.source.kind : null).toBe(kind)
    }
  })

  it('says what is wrong with a file that holds no workflow', async () => {
    expect(await readWorkflowFile(new File(['{oops'], 'a.json'))).toEqual({ ok: false, problem: 'notJson' })
    expect(await readWorkflowFile(new File(['{"a":1}'], 'a.json'))).toEqual({ ok: false, problem: 'notWorkflow' })
    expect(await readWorkflowFile(new File([''], 'a.png'))).toEqual({ ok: false, problem: 'empty' })
    expect(await readWorkflowFile(new File(['x'], 'a.txt'))).toEqual({ ok: false, problem: 'unsupportedType' })
  })

  it('sends images as strict base64 the server decodes to the same bytes', async () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 255, 128])
    const read = await readWorkflowFile(new File([bytes], 'out.png'))
    if (!read.ok || !('file' in read.request)) throw new Error('expected a file request')
    expect(read.request.file.name).toBe('out.png')
    expect(Buffer.from(read.request.file.dataBase64, 'base64')).toEqual(Buffer.from(bytes))
  })

  it('encodes any bytes as the standard base64 Node writes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70_000 }), (bytes) => {
        const text = bytesToBase64(bytes)
        expect(text).toBe(Buffer.from(bytes).toString('base64'))
        expect(isStrictBase64(text)).toBe(true)
      }),
      { numRuns: 40 },
    )
  })
})
