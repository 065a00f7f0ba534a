// Render inputs on both engines: the type is sniffed from the bytes (PNG, JPEG, WebP only), the
// sides and size are capped, the same bytes are the same input, only the studio team of the
// project uploads and reads them, and a GPU agent fetches them by hash with its agent token.
import { createHash } from 'node:crypto'
import { CreatedAgentToken, ErrorBody, RenderInput } from '@aipipeline/contracts'
import { testEngines } from '@aipipeline/testing'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, type Seat, type TeamProject, teamProject } from '../../../../test-kits/production/production-test-kit'
import { createTestStudio, type TestStudio } from '../../../../test-kits/test-studio'
import { fetchRenderInput } from '../../../agent/agent-inputs'

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex')
const still = (width: number, height: number, format: 'png' | 'jpeg' | 'webp' | 'gif' = 'png') =>
  sharp({ create: { width, height, channels: 3, background: '#3a6' } })
    .toFormat(format)
    .toBuffer()

for (const engine of testEngines('render inputs')) {
  describe(`render inputs [${engine}]`, () => {
    let studio: TestStudio
    let p: TeamProject
    let stranger: Seat
    let base = ''
    const upload = (seat: Seat, bytes: Buffer | string, kind = 'image') =>
      call(studio, seat, 'POST', `${base}/render-inputs`, {
        kind,
        contentBase64: typeof bytes === 'string' ? bytes : bytes.toString('base64'),
      })

    beforeAll(async () => {
      studio = await createTestStudio(engine, {
        config: { dataDir: `/tmp/aipipeline-inputs-${process.pid}-${engine}` },
      })
      p = await teamProject(studio, `IN${engine.slice(0, 1).toUpperCase()}`)
      base = `/api/projects/${p.projectId}`
      const s = await studio.signIn('artist')
      stranger = { token: s.accessToken, userId: s.user.id, email: s.user.email }
    })
    afterAll(async () => studio.close())

    it('stores a PNG under its sha256 with the sniffed type and size, once however often it is sent', async () => {
      const png = await still(96, 64)
      const first = await upload(p.seats.artist, png, 'mask')
      expect(first.status).toBe(201)
      expect(RenderInput.parse(first.json)).toMatchObject({
        id: sha256(png),
        kind: 'mask',
        mediaType: 'image/png',
        width: 96,
        height: 64,
        sizeBytes: png.byteLength,
      })
      const again = await upload(p.seats.manager, png, 'image')
      expect(again.status).toBe(201)
      expect(again.json).toEqual(first.json)
      const rows = await studio.testDb.handle.db
        .selectFrom('renderInputs')
        .selectAll()
        .where('sha256', '=', sha256(png))
        .execute()
      expect(rows).toHaveLength(1)
      const file = await call(studio, p.seats.artist, 'GET', `${base}/render-inputs/${sha256(png)}/file`)
      expect(file.status).toBe(200)
      expect(Buffer.from(file.raw).equals(png)).toBe(true)
      const facts = await call(studio, p.seats.supervisor, 'GET', `${base}/render-inputs/${sha256(png)}`)
      expect(facts.json).toEqual(first.json)
    })

    it('sniffs JPEG and WebP from the bytes and refuses other types with 415', async () => {
      for (const [format, mediaType] of [
        ['jpeg', 'image/jpeg'],
        ['webp', 'image/webp'],
      ] as const) {
        const res = await upload(p.seats.artist, await still(40, 30, format))
        expect(res.status, format).toBe(201)
        expect(RenderInput.parse(res.json).mediaType).toBe(mediaType)
      }
      for (const bytes of [await still(8, 8, 'gif'), Buffer.from('just some text, not a picture')]) {
        const res = await upload(p.seats.artist, bytes)
        expect(res.status).toBe(415)
        expect(ErrorBody.parse(res.json).error.code).toBe('unsupported_media_type')
      }
    })

    it('refuses a side over the limit with 413 and damaged base64 with 400 naming the field', async () => {
      const wide = await sharp({ create: { width: 8193, height: 2, channels: 3, background: '#000' } })
        .png()
        .toBuffer()
      const tooWide = await upload(p.seats.artist, wide)
      expect(tooWide.status).toBe(413)
      expect(ErrorBody.parse(tooWide.json).error.message).toContain('8192 px')
      const bad = await upload(p.seats.artist, 'iVBORw0KGgo=!!')
      expect(bad.status).toBe(400)
      expect(ErrorBody.parse(bad.json).error.issues?.[0]?.path).toBe('body.contentBase64')
    })

    it('answers 404 to non-members and unknown inputs and 403 to clients and vendors', async () => {
      const png = await still(10, 10)
      expect((await upload(stranger, png)).status).toBe(404)
      expect((await upload(p.seats.client, png)).status).toBe(403)
      expect((await upload(p.seats.vendor, png)).status).toBe(403)
      const id = RenderInput.parse((await upload(p.seats.artist, png)).json).id
      expect((await call(studio, stranger, 'GET', `${base}/render-inputs/${id}`)).status).toBe(404)
      expect((await call(studio, p.seats.client, 'GET', `${base}/render-inputs/${id}/file`)).status).toBe(403)
      expect((await call(studio, p.seats.artist, 'GET', `${base}/render-inputs/${'0'.repeat(64)}`)).status).toBe(404)
      expect((await call(studio, p.seats.artist, 'GET', `${base}/render-inputs/not-a-hash`)).status).toBe(400)
    })

    it('lets a GPU agent fetch an input by hash with its agent token, and nobody else', async () => {
      const png = await still(12, 12)
      const id = RenderInput.parse((await upload(p.seats.artist, png)).json).id
      const created = await call(studio, p.seats.admin, 'POST', '/api/farm/agent-tokens', { name: 'gpu-host-1' })
      expect(created.status).toBe(201)
      const { secret } = CreatedAgentToken.parse(created.json)
      await studio.app.listen({ port: 0, host: '127.0.0.1' })
      const address = studio.app.server.address()
      if (!address || typeof address === 'string') throw new Error('no port')
      const serverUrl = `http://127.0.0.1:${address.port}`
      const fetched = await fetchRenderInput({ serverUrl, token: secret }, id)
      expect(fetched).toMatchObject({ fileName: `${id}.png`, mediaType: 'image/png' })
      expect(fetched.data.equals(png)).toBe(true)
      await expect(fetchRenderInput({ serverUrl, token: secret }, 'f'.repeat(64))).rejects.toThrow(/not found/)
      await expect(fetchRenderInput({ serverUrl, token: 'apa_wrong' }, id)).rejects.toThrow(/refused/)
      const asUser = await call(studio, p.seats.admin, 'GET', `/api/farm/agent/render-inputs/${id}`)
      expect(asUser.status).toBe(403)
    })
  })
}
