// Fixing a region of a version in Chromium against `aipipeline demo`, in English and Korean:
// open an image version full size, "Fix region", paint a mask with the rectangle and the brush,
// and submit an inpaint; the PNG the browser uploads is decoded and must equal, pixel for
// pixel, the mask those pointer positions paint (computed here from the editor's exact view).
// Then outpaint by the 256 px right preset. Screenshots go to e2e/screenshots/.
//
// The render-input and derive routes come with the server side of the refine loop. Where the
// studio binds them (the contract's route map lists them) the test follows the upload to the
// stored input (its id is the sha256 of exactly the bytes sent), the render group, and the
// simulated ComfyUI backend's stored copy (the image with the mask as alpha = 255 − painted);
// where it does not yet, the dialog must answer with its translated "not found" sentence.
import { createHash } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { decode } from 'fast-png'
import type { Page, Request } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import maskEn from '../apps/web/src/components/media/mask-editor/i18n/en.json'
import maskKo from '../apps/web/src/components/media/mask-editor/i18n/ko.json'
import en from '../apps/web/src/features/farm/render/fix-region/i18n/en.json'
import ko from '../apps/web/src/features/farm/render/fix-region/i18n/ko.json'
import { type BrowserPage, browserTestsEnabled, closeBrowser, openBrowserPage } from './support/chromium'
import {
  type DemoStudio,
  ensureWebBuild,
  SCREENSHOTS,
  signInAsDemoUser,
  startDemo,
  stopDemo,
} from './support/demo-studio'
import { apiAs, projectIdOf, type StudioApi } from './support/studio-api'

const TEXT = { en: { ...en, mask: maskEn }, ko: { ...ko, mask: maskKo } } as const
/** The editor's default brush: radius 48 image pixels, hard. */
const BRUSH_RADIUS = 48

const Latest = z.object({
  items: z.array(z.object({ taskId: z.string(), versionId: z.string(), kind: z.enum(['image', 'video']) })),
})
const VersionDetail = z.object({
  id: z.string(),
  shotId: z.string(),
  provenance: z.object({ prompt: z.string().nullable() }),
})
const Upload = z.object({ kind: z.literal('mask'), contentBase64: z.string() })
const Derive = z.looseObject({
  mode: z.string(),
  maskInputId: z.string().optional(),
  outpaint: z.object({ left: z.number(), top: z.number(), right: z.number(), bottom: z.number() }).optional(),
})
const VersionFiles = z.object({ files: z.array(z.object({ id: z.string(), role: z.string() })) })
const Backends = z.object({ items: z.array(z.object({ url: z.string() })) })
const RenderInput = z.object({ id: z.string(), kind: z.string(), width: z.number(), height: z.number() })

interface Pt {
  x: number
  y: number
}

/**
 * The mask a rectangle drag from `a` to `b` and a brush click at `c` paint (viewer pixels
 * relative to the surface), by the editor's rules: corners rounded to whole pixels, a hard
 * dab over the pixels whose centres lie within the radius.
 */
function paintedMask(
  size: { width: number; height: number },
  view: { scale: number; x: number; y: number },
  a: Pt,
  b: Pt,
  c: Pt,
) {
  const toImage = (p: Pt) => ({ x: (p.x - view.x) / view.scale, y: (p.y - view.y) / view.scale })
  const [ia, ib, ic] = [toImage(a), toImage(b), toImage(c)]
  const x0 = Math.max(0, Math.round(Math.min(ia.x, ib.x)))
  const y0 = Math.max(0, Math.round(Math.min(ia.y, ib.y)))
  const x1 = Math.min(size.width, Math.round(Math.max(ia.x, ib.x)))
  const y1 = Math.min(size.height, Math.round(Math.max(ia.y, ib.y)))
  const mask = new Uint8Array(size.width * size.height)
  for (let y = y0; y < y1; y++) mask.fill(255, y * size.width + x0, y * size.width + x1)
  for (let y = 0; y < size.height; y++)
    for (let x = 0; x < size.width; x++) {
      const dx = x + 0.5 - ic.x
      const dy = y + 0.5 - ic.y
      if (Math.sqrt(dx * dx + dy * dy) <= BRUSH_RADIUS) mask[y * size.width + x] = 255
    }
  return mask
}

describe.runIf(browserTestsEnabled('fix a region in Chromium'))('fix a region in Chromium', () => {
  let demo: DemoStudio | undefined
  let chromium: BrowserPage | undefined
  let page: Page
  let api: StudioApi
  let projectId = ''
  let version: z.infer<typeof VersionDetail>

  beforeAll(async () => {
    ensureWebBuild()
    demo = await startDemo()
    api = await apiAs(demo.url, 'manager@demo.local')
    projectId = await projectIdOf(api)
    const latest = Latest.parse(await api.get(`/api/projects/${projectId}/latest-versions`))
    const image = latest.items.find((v) => v.kind === 'image')
    if (!image) throw new Error('the demo film has no image version')
    version = VersionDetail.parse(await api.get(`/api/versions/${image.versionId}`))
    chromium = await openBrowserPage({ viewport: { width: 1600, height: 1000 }, timeoutMs: 20_000 })
    page = chromium.page
    mkdirSync(SCREENSHOTS, { recursive: true })
    await signInAsDemoUser(page, demo.url, 'manager@demo.local')
  }, 240_000)

  afterAll(async () => {
    await closeBrowser(chromium)
    if (demo) await stopDemo(demo)
  }, 30_000)

  async function openDialog(lang: 'en' | 'ko') {
    await page.evaluate((l) => localStorage.setItem('aipipeline.locale', l), lang)
    await page.goto(`${demo?.url}/projects/${projectId}/shots/${version.shotId}?version=${version.id}`)
    await page.getByTestId('open-viewer').click()
    const open = page.getByTestId('fix-region-open')
    await expect.poll(() => open.textContent()).toBe(TEXT[lang].open)
    await open.click()
    const dialog = page.getByTestId('fix-region-dialog')
    await dialog.getByTestId('mask-surface').waitFor()
    return dialog
  }

  /**
   * The mask as the simulated ComfyUI backend stored it after /upload/mask: the studio names it
   * by the hash of the image and mask hashes; the job uploads it before its prompt, so this
   * waits until one of the demo's backends serves it.
   */
  async function backendMask(maskSha: string) {
    const detail = VersionFiles.parse(await api.get(`/api/versions/${version.id}`))
    const fileId = detail.files.find((f) => f.role === 'output')?.id ?? ''
    const image = Buffer.from(
      await (await fetch(`${demo?.url}/api/version-files/${fileId}`, { headers: await auth() })).arrayBuffer(),
    )
    const imageSha = createHash('sha256').update(image).digest('hex')
    const name = `${createHash('sha256').update(`${imageSha}:${maskSha}`).digest('hex')}.png`
    const backends = Backends.parse(await api.get('/api/farm/backends')).items
    const deadline = Date.now() + 90_000
    while (Date.now() < deadline) {
      for (const backend of backends) {
        const res = await fetch(`${backend.url}/view?filename=${name}&type=input`).catch(() => null)
        if (res?.status !== 200) continue
        const png = decode(Buffer.from(await res.arrayBuffer()))
        const alpha = Buffer.alloc(png.width * png.height)
        for (let i = 0; i < alpha.length; i++) alpha[i] = Number(png.data[i * png.channels + png.channels - 1] ?? 0)
        return { width: png.width, height: png.height, channels: png.channels, alpha }
      }
      await new Promise((r) => setTimeout(r, 500))
    }
    throw new Error(`no backend received the mask ${name}`)
  }

  async function auth(): Promise<Record<string, string>> {
    const res = await fetch(`${demo?.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'manager@demo.local', password: 'demo' }),
    })
    const { accessToken } = z.object({ accessToken: z.string() }).parse(await res.json())
    return { authorization: `Bearer ${accessToken}` }
  }

  const isPost = (suffix: string) => (r: Request) => r.method() === 'POST' && new URL(r.url()).pathname.endsWith(suffix)

  for (const lang of ['en', 'ko'] as const) {
    it(`paints a mask and uploads exactly the painted pixels for an inpaint [${lang}]`, async () => {
      const dialog = await openDialog(lang)
      const surface = dialog.getByTestId('mask-surface')
      await expect.poll(() => surface.getAttribute('data-scale')).not.toBeNull()
      // The prompt comes from the version.
      expect(await dialog.getByTestId('fix-region-prompt').inputValue()).toBe(version.provenance.prompt ?? '')
      expect(await dialog.getByTestId('fix-region-submit').isDisabled()).toBe(true)
      const img = dialog.getByTestId('mask-image')
      const size = { width: Number(await img.getAttribute('width')), height: Number(await img.getAttribute('height')) }
      // The surface's corner as the page sees it when a gesture starts (the editor measures from
      // it then), sub-pixels kept.
      const corner = () =>
        surface.evaluate((el) => {
          const r = el.getBoundingClientRect()
          return { x: r.left, y: r.top }
        })
      const box = await corner()
      const view = {
        scale: Number(await surface.getAttribute('data-scale')),
        x: Number(await surface.getAttribute('data-view-x')),
        y: Number(await surface.getAttribute('data-view-y')),
      }
      // Integer page positions inside the image; the editor measures from the surface's corner.
      const at = (fx: number, fy: number) => ({
        x: Math.round(box.x + view.x + size.width * view.scale * fx),
        y: Math.round(box.y + view.y + size.height * view.scale * fy),
      })
      const [a, b, c] = [at(0.2, 0.25), at(0.45, 0.6), at(0.75, 0.4)]

      await dialog.getByText(TEXT[lang].mask.tool.rect).click()
      const rectCorner = await corner()
      await page.mouse.move(a.x, a.y)
      await page.mouse.down()
      await page.mouse.move(b.x, b.y, { steps: 6 })
      await page.mouse.up()
      await dialog.getByText(TEXT[lang].mask.tool.brush).click()
      const brushCorner = await corner()
      await page.mouse.click(c.x, c.y)
      const submit = dialog.getByTestId('fix-region-submit')
      await expect.poll(() => submit.isDisabled()).toBe(false)
      // Undo both edits from the keyboard (nothing left to inpaint), then redo them.
      await page.keyboard.press('Control+z')
      await page.keyboard.press('Control+z')
      await expect.poll(() => submit.isDisabled()).toBe(true)
      await dialog.getByTestId('fix-region-needs-mask').waitFor()
      await page.keyboard.press('Control+Shift+z')
      await page.keyboard.press('Control+Shift+z')
      await expect.poll(() => submit.isDisabled()).toBe(false)
      expect(await dialog.getByTestId('mask-redo').isDisabled()).toBe(true)
      await page.screenshot({ path: join(SCREENSHOTS, `fix-region-inpaint-${lang}.png`) })

      const uploaded = page.waitForRequest(isPost('/render-inputs'))
      // The derive follows the upload at once; listen before either leaves.
      const derived = page.waitForRequest(isPost(`/versions/${version.id}/derive`))
      await submit.click()
      const request = await uploaded
      const bytes = Buffer.from(Upload.parse(request.postDataJSON()).contentBase64, 'base64')
      const png = decode(bytes)
      expect({ width: png.width, height: png.height, channels: png.channels, depth: png.depth }).toEqual({
        ...size,
        channels: 1,
        depth: 8,
      })
      const rel = (p: Pt, from: Pt) => ({ x: p.x - from.x, y: p.y - from.y })
      const want = paintedMask(size, view, rel(a, rectCorner), rel(b, rectCorner), rel(c, brushCorner))
      const got = Buffer.from(png.data.buffer, png.data.byteOffset, png.data.byteLength)
      expect(got.equals(Buffer.from(want))).toBe(true)
      expect(want.some((v) => v === 255)).toBe(true)

      const response = await request.response()
      expect(response?.status()).toBe(201)
      const input = RenderInput.parse(await response?.json())
      // Content-addressed: the stored input is exactly the bytes the browser sent.
      expect(input.id).toBe(createHash('sha256').update(bytes).digest('hex'))
      expect(RenderInput.parse(await api.get(`/api/projects/${projectId}/render-inputs/${input.id}`))).toMatchObject({
        kind: 'mask',
        ...size,
      })
      const derive = await derived
      expect(Derive.parse(derive.postDataJSON())).toMatchObject({ mode: 'inpaint', maskInputId: input.id })
      await dialog.getByTestId('fix-region-group-link').waitFor({ timeout: 30_000 })
      // What the backend received: the version's image with the mask as alpha (255 − painted).
      const stored = await backendMask(input.id)
      expect({ width: stored.width, height: stored.height }).toEqual(size)
      expect(stored.alpha.equals(Buffer.from(want.map((v) => 255 - v)))).toBe(true)
    }, 180_000)
  }

  it('outpaints by 256 px to the right', async () => {
    const dialog = await openDialog('en')
    await dialog.getByText(TEXT.en.outpaint.title).click()
    await dialog.getByTestId('outpaint-preset-right256').click()
    const img = page.getByTestId('outpaint-preview').locator('img')
    const size = await img.evaluate((el) => {
      if (!(el instanceof HTMLImageElement)) throw new Error('no preview image')
      return { width: el.naturalWidth, height: el.naturalHeight }
    })
    expect(await dialog.getByTestId('outpaint-size').textContent()).toBe(
      `${size.width} × ${size.height} → ${size.width + 256} × ${size.height} px`,
    )
    await page.screenshot({ path: join(SCREENSHOTS, 'fix-region-outpaint-en.png') })
    const derived = page.waitForRequest(isPost(`/versions/${version.id}/derive`))
    await dialog.getByTestId('fix-region-submit').click()
    const request = await derived
    const body = Derive.parse(request.postDataJSON())
    expect(body.mode).toBe('outpaint')
    expect(body.outpaint).toEqual({ left: 0, top: 0, right: 256, bottom: 0 })
    expect(body.maskInputId).toBeUndefined()
    const response = await request.response()
    expect(response?.status()).toBe(201)
    await dialog.getByTestId('fix-region-group-link').waitFor({ timeout: 30_000 })
  }, 120_000)

  it('closes only the dialog on Esc, keeping the viewer open', async () => {
    const dialog = await openDialog('en')
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    expect(await page.getByTestId('viewer-title').isVisible()).toBe(true)
    await page.keyboard.press('Escape')
    await page.getByTestId('viewer-title').waitFor({ state: 'detached' })
    // Nothing thrown in the page by any of the tests so far.
    expect(chromium?.pageErrors).toEqual([])
  }, 60_000)

  it('shows no Fix region button to a client', async () => {
    const client = await openBrowserPage({ viewport: { width: 1400, height: 900 } })
    try {
      await signInAsDemoUser(client.page, demo?.url ?? '', 'client@demo.local')
      await client.page.goto(`${demo?.url}/projects/${projectId}/shots/${version.shotId}?version=${version.id}`)
      await client.page.getByTestId('open-viewer').click()
      await client.page.getByTestId('viewer-title').waitFor()
      expect(await client.page.getByTestId('fix-region-open').count()).toBe(0)
      expect(client.pageErrors).toEqual([])
    } finally {
      await closeBrowser(client)
    }
  }, 60_000)
})
