// Importing workflows from files through the API on both engines: JSON (API and UI), PNG text
// chunks, WebP EXIF and MP4 tags (written by ffmpeg the way SaveVideo and VideoHelperSuite do)
// come back as a templated API prompt with suggested parameters, traits and a preview graph;
// nothing is saved; bad files are a 400 that says what is wrong.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Simulator, startSimulator, textToImagePrompt } from '@aipipeline/comfyui'
import { testEngines } from '@aipipeline/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type FarmTestStudio, farmTestStudio, registerSimulator } from '../../../test-kits/farm/farm-test.fixture'
import { pngWithText, webpWithExif } from '../../../test-kits/farm/workflow-files.fixture'
import { libraryTemplates } from './template-library/template-library'

type Json = Record<string, unknown>
function obj(value: unknown): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('expected an object')
  return Object.fromEntries(Object.entries(value))
}
function list(value: unknown, key: string): Json[] {
  const items = obj(value)[key]
  if (!Array.isArray(items)) throw new Error(`expected ${key}`)
  return items.map(obj)
}

const prompt = textToImagePrompt({ text: 'a red door in the rain', seed: 42 })
/** A minimal UI workflow with positions: loader, empty latent, one preview (enough for the graph). */
const uiWorkflow = {
  nodes: [
    {
      id: 4,
      type: 'CheckpointLoaderSimple',
      pos: [10, 20],
      mode: 0,
      inputs: [],
      outputs: [],
      widgets_values: ['v1-5-pruned-emaonly.safetensors'],
    },
  ],
  links: [],
}

/** An MP4 written by ffmpeg with the given metadata flags. */
function ffmpegMp4(args: string[]): Buffer {
  const out = join(mkdtempSync(join(tmpdir(), 'inspect-')), 'clip.mp4')
  execFileSync('ffmpeg', [
    '-hide_banner',
    '-loglevel',
    'error',
    '-f',
    'lavfi',
    '-i',
    'color=c=gray:s=32x32:d=0.12',
    '-c:v',
    'libx264',
    '-pix_fmt',
    'yuv420p',
    ...args,
    '-y',
    out,
  ])
  return readFileSync(out)
}

for (const engine of testEngines('workflow template inspect API')) {
  describe(`workflow template inspect API [${engine}]`, () => {
    let t: FarmTestStudio
    let sim: Simulator
    const inspect = (body: unknown, token?: string) => t.call('POST', '/api/farm/templates/inspect', body, token)
    const file = (name: string, data: Buffer) => ({ file: { name, dataBase64: data.toString('base64') } })

    beforeAll(async () => {
      t = await farmTestStudio(engine)
      sim = await startSimulator({ name: 'gpu-a', timeScale: 0.01 })
      await registerSimulator(t, sim)
    })
    afterAll(async () => {
      await sim.close()
      await t.studio.close()
    })

    it('suggests placeholders with roles for an API prompt, and saves nothing', async () => {
      const res = await inspect({ source: { kind: 'api', prompt } })
      expect(res.status).toBe(200)
      const body = obj(res.json)
      expect(body).toMatchObject({
        sourceKind: 'api',
        modelFamily: 'sd15',
        category: 'text-to-image',
        outputs: ['image'],
      })
      const params = Object.fromEntries(list(body, 'parameters').map((p) => [p.name, p]))
      expect(params.prompt).toMatchObject({ role: 'prompt', type: 'string', default: 'a red door in the rain' })
      expect(params.negative).toMatchObject({ role: 'negative', default: 'blurry' })
      expect(params.seed).toMatchObject({ role: 'seed', type: 'seed', default: 42 })
      expect(params.cfg).toMatchObject({ role: 'cfg', type: 'float', default: 7 })
      expect(params.width).toMatchObject({ role: 'width', type: 'int', default: 512 })
      expect(obj(obj(body.prompt)['6']).inputs).toMatchObject({ text: '{prompt:a red door in the rain}' })
      expect(list(obj(body.graph), 'nodes')).toHaveLength(Object.keys(prompt).length)
      expect(list(obj(body.graph), 'links')).toContainEqual({ from: '4', to: '3', inputName: 'model' })
      expect(obj((await t.call('GET', '/api/farm/templates')).json).items).toEqual([])
      expect((await inspect({ source: { kind: 'api', prompt } }, t.artist)).status).toBe(403)
    })

    it('reads a PNG that SaveImage wrote (prompt + workflow text chunks), with UI positions', async () => {
      const png = await pngWithText([
        { keyword: 'prompt', text: JSON.stringify(prompt) },
        { keyword: 'workflow', text: JSON.stringify(uiWorkflow) },
      ])
      const res = await inspect(file('ComfyUI_00001_.png', png))
      expect(res.status).toBe(200)
      const body = obj(res.json)
      expect(body.sourceKind).toBe('png')
      expect(list(obj(body.graph), 'nodes').find((n) => n.id === '4')).toMatchObject({ x: 10, y: 20 })
      expect(obj(body.requirements).models).toEqual([
        { folder: 'checkpoints', name: 'v1-5-pruned-emaonly.safetensors' },
      ])
    })

    it('reads a WebP that SaveAnimatedWEBP wrote (EXIF Model/Make strings)', async () => {
      const webp = await webpWithExif({
        Model: `prompt:${JSON.stringify(prompt)}`,
        Make: `workflow:${JSON.stringify(uiWorkflow)}`,
      })
      const res = await inspect(file('anim.webp', webp))
      expect(res.status).toBe(200)
      expect(obj(res.json)).toMatchObject({ sourceKind: 'webp', category: 'text-to-image' })
    })

    it('reads MP4s written with ffmpeg the way SaveVideo (mdta tags) and VideoHelperSuite (comment) do', async () => {
      const wan = libraryTemplates().find((l) => l.key === 'wan22-text-to-video')
      const saveVideo = ffmpegMp4([
        '-movflags',
        'use_metadata_tags',
        '-metadata',
        `prompt=${JSON.stringify(wan?.prompt)}`,
        '-metadata',
        `workflow=${JSON.stringify(uiWorkflow)}`,
      ])
      const a = await inspect(file('video/ComfyUI_00001_.mp4', saveVideo))
      expect(a.status).toBe(200)
      expect(obj(a.json)).toMatchObject({
        sourceKind: 'mp4',
        modelFamily: 'wan-2.2',
        category: 'text-to-video',
        outputs: ['video'],
      })
      const names = list(obj(a.json), 'parameters').map((p) => p.name)
      // The library template's own placeholders stay; nothing new is suggested over them.
      expect(names).toEqual(expect.arrayContaining(['prompt', 'negative', 'seed', 'frames', 'fps', 'switch_step']))
      const vhs = ffmpegMp4([
        '-metadata',
        `comment=${JSON.stringify({ prompt: JSON.stringify(prompt), workflow: uiWorkflow })}`,
      ])
      const b = await inspect(file('AnimateDiff_00001.mp4', vhs))
      expect(b.status).toBe(200)
      expect(obj(b.json)).toMatchObject({ sourceKind: 'mp4', modelFamily: 'sd15' })
    })

    it('converts a UI workflow with the backends node definitions, keeping its positions', async () => {
      const res = await inspect({ source: { kind: 'ui', workflow: uiWorkflow } })
      expect(res.status).toBe(200)
      expect(obj(res.json).sourceKind).toBe('ui')
      expect(list(obj(obj(res.json).graph), 'nodes')).toEqual([
        { id: '4', classType: 'CheckpointLoaderSimple', title: 'Load Checkpoint', x: 10, y: 20 },
      ])
    })

    it('answers 400 naming the problem for bad files', async () => {
      const cases: Array<[unknown, RegExp]> = [
        [file('notes.txt', Buffer.from('just some text')), /"notes.txt" is not a PNG, WebP or MP4 file/],
        [file('plain.png', await pngWithText([])), /"plain.png" carries no ComfyUI workflow/],
        [
          file('bad.png', await pngWithText([{ keyword: 'prompt', text: '{"3": ' }])),
          /"prompt" entry is not valid JSON/,
        ],
        [file('cut.mp4', ffmpegMp4(['-metadata', 'comment=x']).subarray(0, 900)), /MP4/],
        [{ file: { name: 'x.png', dataBase64: '***' } }, /not valid base64/],
        [
          file('odd.png', await pngWithText([{ keyword: 'prompt', text: '{"1": {"inputs": {}}}' }])),
          /the prompt in "odd.png"/,
        ],
      ]
      for (const [body, message] of cases) {
        const res = await inspect(body)
        expect(res.status, String(message)).toBe(400)
        expect(String(obj(obj(res.json).error).message), String(message)).toMatch(message)
      }
    })
  })
}
