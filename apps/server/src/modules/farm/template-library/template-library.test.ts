// The shipped library against the simulator: every template validates (links and node inputs)
// against the simulator's object_info once its inputs are uploaded, and runs on a real simulator
// server to an output of the kind it declares.
import { randomUUID } from 'node:crypto'
import {
  type ApiPrompt,
  applyParameters,
  ComfyClient,
  detectTraits,
  type ObjectInfo,
  type Simulator,
  startSimulator,
  validateApiPrompt,
  validatePromptLinks,
} from '@aipipeline/comfyui'
import { TemplateCategory, TemplateModelFamily, WorkflowParameter } from '@aipipeline/contracts'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type LibraryTemplate, libraryTemplates, SHIPPED_TEMPLATES } from './template-library'

const STILL = 'library-still.png'
const CLIP = 'library-clip.mp4'

/** Values for the media inputs: the uploaded still, or the clip for a video loader. */
function mediaValues(t: LibraryTemplate): Record<string, string> {
  const values: Record<string, string> = {}
  for (const p of t.parameters) {
    if (p.role !== 'image' && p.role !== 'mask' && p.role !== 'controlImage') continue
    const loadsVideo = p.locations.some((l) => t.prompt[l.nodeId]?.class_type === 'LoadVideo')
    values[p.name] = loadsVideo ? CLIP : STILL
  }
  return values
}

function filled(t: LibraryTemplate, info?: ObjectInfo): ApiPrompt {
  const applied = applyParameters(t.prompt, mediaValues(t), info)
  expect(applied.errors, t.key).toEqual([])
  return applied.prompt
}

describe('shipped workflow template library', () => {
  const library = libraryTemplates()
  let sim: Simulator
  let client: ComfyClient
  let info: ObjectInfo

  beforeAll(async () => {
    sim = await startSimulator({ name: 'library', timeScale: 0.0005, vramGb: 80 })
    client = new ComfyClient({ baseUrl: sim.url, clientId: randomUUID() })
    const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#345' } })
      .png()
      .toBuffer()
    await client.uploadImage(png, STILL)
    await client.uploadImage(Buffer.from('not really a video'), CLIP)
    info = await client.refreshObjectInfo()
  })
  afterAll(async () => {
    client.close()
    await sim.close()
  })

  it('ships the families and categories a film studio needs, each key and name once', () => {
    expect(new Set(library.map((t) => t.key)).size).toBe(library.length)
    expect(new Set(library.map((t) => t.name)).size).toBe(library.length)
    const families = new Set(library.map((t) => t.modelFamily))
    for (const f of ['sd15', 'sdxl', 'flux-dev', 'wan-2.2', 'cogvideox', 'hunyuan-video', 'generic'] as const) {
      expect(families.has(TemplateModelFamily.parse(f)), f).toBe(true)
    }
    const categories = new Set(library.map((t) => t.category))
    for (const c of TemplateCategory.options.filter((c) => c !== 'custom')) expect(categories.has(c), c).toBe(true)
  })

  it('describes every placeholder with the contract shape and labels only placeholders that exist', () => {
    for (const shipped of SHIPPED_TEMPLATES) {
      const t = library.find((l) => l.key === shipped.key)
      const names = new Set(t?.parameters.map((p) => p.name))
      for (const name of Object.keys(shipped.parameters ?? {}))
        expect(names.has(name), `${shipped.key}.${name}`).toBe(true)
      for (const p of t?.parameters ?? [])
        expect(WorkflowParameter.safeParse(p).success, `${shipped.key}.${p.name}`).toBe(true)
    }
  })

  it('gives each template a seed, and a prompt unless it only transforms media', () => {
    for (const t of library) {
      const roles = new Set(t.parameters.map((p) => p.role))
      // Upscaling, interpolation and control map preprocessors only transform media.
      if (t.category === 'upscale' || t.category === 'interpolation' || t.category === 'custom') continue
      expect(roles.has('prompt'), t.key).toBe(true)
      expect(roles.has('seed'), t.key).toBe(true)
    }
  })

  it('lists the node classes and model files each template needs', () => {
    const wan = library.find((t) => t.key === 'wan22-image-to-video')
    expect(wan?.requirements.nodeClasses).toContain('WanImageToVideo')
    expect(wan?.requirements.models).toContainEqual({
      folder: 'diffusion_models',
      name: 'wan2.2_i2v_high_noise_14B_fp8_scaled.safetensors',
    })
    const rife = library.find((t) => t.key === 'rife-frame-interpolation')
    expect(rife?.requirements).toEqual({
      nodeClasses: ['CreateVideo', 'GetVideoComponents', 'LoadVideo', 'RIFE VFI', 'SaveVideo'],
      models: [],
    })
  })

  it('declares the traits import detection reads from its graph', () => {
    for (const t of library) {
      expect(detectTraits(t.prompt), t.key).toEqual({
        modelFamily: t.modelFamily,
        category: t.category,
        outputs: t.outputs,
      })
    }
  })

  it('validates every template against the simulator object_info (links and inputs)', () => {
    for (const t of library) {
      const prompt = filled(t, info)
      expect(validatePromptLinks(prompt), t.key).toEqual([])
      const result = validateApiPrompt(prompt, info)
      expect(result.ok ? result.errors : result.errors, t.key).toEqual([])
    }
  })

  it('runs every template on a simulator to an output of the declared kind', async () => {
    for (const t of library) {
      const promptId = randomUUID()
      const submitted = await client.submit(filled(t, info), { promptId })
      expect(submitted.status, t.key).toBe('accepted')
      const result = await client.watch(promptId).result
      expect(result.outcome, `${t.key}: ${result.error?.exception_message ?? ''}`).toBe('success')
      const extensions = result.files.map((f) => f.filename.split('.').at(-1))
      expect(extensions.length, t.key).toBeGreaterThan(0)
      const expected = t.outputs.includes('video') ? 'mp4' : 'png'
      expect(extensions, t.key).toEqual(extensions.map(() => expected))
    }
  })
})
