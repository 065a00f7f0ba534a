// The workflow extractors: whatever JSON ComfyUI embeds comes back unchanged from PNG text
// chunks (tEXt, iTXt, zTXt), WebP EXIF strings and MP4 tags (mdta keys and ©cmt), and any other
// bytes are refused with a reason, never with a crash.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { mp4WithTags, pngWithText, webpWithExif } from '../../../../test-kits/farm/workflow-files.fixture'
import { exifStrings } from './webp-exif'
import { readWorkflowFile, UnreadableWorkflowFile } from './workflow-file'

const jsonObject = fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.jsonValue({ maxDepth: 3 }), {
  maxKeys: 5,
})
// ASCII-only JSON (tEXt and zTXt are Latin-1; iTXt carries any text).
const asciiObject = fc.dictionary(
  fc.string({ unit: fc.constantFrom(...'abcxyz_0189 :{}[]"\\'.split('')), minLength: 1, maxLength: 8 }),
  fc.oneof(fc.integer(), fc.boolean(), fc.string({ unit: fc.constantFrom(...'ab c"\\'.split('')), maxLength: 10 })),
  { maxKeys: 5 },
)
// JSON.stringify(-0) is "0": compare what a JSON reader would see.
const viaJson = (v: unknown): unknown => JSON.parse(JSON.stringify(v))

async function refusedOrRead(bytes: Buffer): Promise<void> {
  try {
    await readWorkflowFile('x', bytes)
  } catch (err) {
    expect(err).toBeInstanceOf(UnreadableWorkflowFile)
  }
}

describe('workflow files', () => {
  it('reads back prompt and workflow from PNG text chunks of every kind', async () => {
    await fc.assert(
      fc.asyncProperty(
        jsonObject,
        asciiObject,
        fc.constantFrom('tEXt', 'zTXt') as fc.Arbitrary<'tEXt' | 'zTXt'>,
        async (workflow, prompt, kind) => {
          const png = await pngWithText([
            { keyword: 'prompt', text: JSON.stringify(prompt), kind },
            { keyword: 'workflow', text: JSON.stringify(workflow), kind: 'iTXt' },
          ])
          const read = await readWorkflowFile('a.png', png)
          expect(read).toEqual({ kind: 'png', prompt: viaJson(prompt), workflow: viaJson(workflow) })
        },
      ),
      { numRuns: 40 },
    )
  })

  it('reads back ComfyUI strings from the EXIF IFD0 of a WebP', async () => {
    await fc.assert(
      fc.asyncProperty(asciiObject, asciiObject, async (prompt, workflow) => {
        const webp = await webpWithExif({
          Model: `prompt:${JSON.stringify(prompt)}`,
          Make: `Workflow:${JSON.stringify(workflow)}`,
        })
        expect(await readWorkflowFile('a.webp', webp)).toEqual({ kind: 'webp', prompt, workflow })
      }),
      { numRuns: 25 },
    )
  })

  it('reads EXIF ASCII values in both byte orders, inline and by offset', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme-ascii', maxLength: 40 }), { maxLength: 4 }),
        fc.boolean(),
        (texts, le) => {
          const entries = texts.map((t) => Buffer.from(`${t.replace(/\0/g, '')}\0`, 'utf8'))
          const ifdAt = 8
          const dataAt = ifdAt + 2 + entries.length * 12 + 4
          const block = Buffer.alloc(dataAt + entries.reduce((n, e) => n + e.length, 0))
          block.write(le ? 'II' : 'MM', 0, 'latin1')
          const w16 = (v: number, at: number) => (le ? block.writeUInt16LE(v, at) : block.writeUInt16BE(v, at))
          const w32 = (v: number, at: number) => (le ? block.writeUInt32LE(v, at) : block.writeUInt32BE(v, at))
          w16(42, 2)
          w32(ifdAt, 4)
          w16(entries.length, ifdAt)
          let at = dataAt
          entries.forEach((e, i) => {
            const entry = ifdAt + 2 + i * 12
            w16(0x010e + i, entry)
            w16(2, entry + 2)
            w32(e.length, entry + 4)
            if (e.length <= 4) e.copy(block, entry + 8)
            else {
              w32(at, entry + 8)
              e.copy(block, at)
              at += e.length
            }
          })
          expect(exifStrings(block)).toEqual(texts.map((t) => t.replace(/\0/g, '')))
        },
      ),
    )
  })

  it('reads back MP4 tags written as mdta keys and as a VHS ©cmt comment', async () => {
    await fc.assert(
      fc.asyncProperty(jsonObject, jsonObject, jsonObject, async (prompt, workflow, other) => {
        const saveVideo = mp4WithTags({ prompt: JSON.stringify(prompt), workflow: JSON.stringify(workflow) })
        expect(await readWorkflowFile('a.mp4', saveVideo)).toEqual({
          kind: 'mp4',
          prompt: viaJson(prompt),
          workflow: viaJson(workflow),
        })
        const vhs = mp4WithTags({}, JSON.stringify({ prompt: JSON.stringify(other), workflow }))
        expect(await readWorkflowFile('b.mp4', vhs)).toEqual({
          kind: 'mp4',
          prompt: viaJson(other),
          workflow: viaJson(workflow),
        })
      }),
      { numRuns: 60 },
    )
  })

  it('refuses any other bytes with a reason, whatever they are', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), (b) => refusedOrRead(Buffer.from(b))),
      {
        numRuns: 200,
      },
    )
    const mp4 = mp4WithTags({ prompt: '{"1":{}}' })
    await fc.assert(
      fc.asyncProperty(fc.nat(mp4.length - 1), fc.integer({ min: 0, max: 255 }), async (at, byte) => {
        const broken = Buffer.from(mp4)
        broken[at] = byte
        await refusedOrRead(broken)
        await refusedOrRead(mp4.subarray(0, at))
      }),
      { numRuns: 300 },
    )
  })

  it('names what is wrong: an unknown kind, no workflow, invalid JSON', async () => {
    await expect(readWorkflowFile('notes.txt', Buffer.from('hello world'))).rejects.toThrow(
      '"notes.txt" is not a PNG, WebP or MP4 file (it starts with 68656c6c6f20776f)',
    )
    await expect(readWorkflowFile('plain.png', await pngWithText([]))).rejects.toThrow(
      '"plain.png" carries no ComfyUI workflow (no "prompt" or "workflow" metadata)',
    )
    await expect(
      readWorkflowFile('bad.png', await pngWithText([{ keyword: 'prompt', text: '{"1":' }])),
    ).rejects.toThrow('the PNG text chunk "prompt" entry is not valid JSON')
    await expect(readWorkflowFile('cut.mp4', mp4WithTags({ prompt: '{}' }).subarray(0, 60))).rejects.toThrow(
      UnreadableWorkflowFile,
    )
  })
})
