// The simulator keeps ComfyUI's upload rules (hash-equal files keep their name, other content
// gets "name (1)", /upload/mask copies the mask's alpha onto the original) and records exactly
// what it received, through its API and its own test route, so tests can check inputs.
import { randomUUID } from 'node:crypto'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ComfyClient, ComfyHttpError } from '../client'
import { type Simulator, startSimulator } from './simulator.server'

describe('simulator uploads', () => {
  let sim: Simulator
  let client: ComfyClient
  beforeAll(async () => {
    sim = await startSimulator({ name: 'uploads', timeScale: 0.001 })
    client = new ComfyClient({ baseUrl: sim.url, clientId: randomUUID() })
  })
  afterAll(async () => {
    client.close()
    await sim.close()
  })

  it('keeps one file for the same bytes under one name, renames other content, and records each upload', async () => {
    const red = await sharp({ create: { width: 4, height: 2, channels: 3, background: '#f00' } })
      .png()
      .toBuffer()
    const blue = await sharp({ create: { width: 4, height: 2, channels: 3, background: '#00f' } })
      .png()
      .toBuffer()
    expect((await client.uploadImage(red, 'still.png')).name).toBe('still.png')
    expect((await client.uploadImage(red, 'still.png')).name).toBe('still.png')
    expect((await client.uploadImage(blue, 'still.png')).name).toBe('still (1).png')
    expect(sim.uploads().map((u) => [u.route, u.name, u.reused])).toEqual([
      ['image', 'still.png', false],
      ['image', 'still.png', true],
      ['image', 'still (1).png', false],
    ])
  })

  it("stores a mask upload as the original with the mask's alpha and reports that alpha", async () => {
    const raw = Buffer.alloc(4 * 2 * 4)
    for (let i = 0; i < 8; i++) raw[i * 4 + 3] = i < 4 ? 0 : 255
    const mask = await sharp(raw, { raw: { width: 4, height: 2, channels: 4 } })
      .png()
      .toBuffer()
    const stored = await client.uploadMask(mask, 'masked.png', { filename: 'still.png', subfolder: '', type: 'input' })
    expect(stored.name).toBe('masked.png')
    const record = sim.uploads().at(-1)
    expect(record?.route).toBe('mask')
    expect([...(record?.alpha?.data ?? [])]).toEqual([0, 0, 0, 0, 255, 255, 255, 255])
    const listed = (await (await fetch(`${sim.url}/sim/uploads`)).json()) as { alpha: { base64: string } | null }[]
    expect(Buffer.from(listed.at(-1)?.alpha?.base64 ?? '', 'base64')).toEqual(record?.alpha?.data)
  })

  it('refuses uploads while the fail-uploads fault is on', async () => {
    await sim.inject({ kind: 'fail-uploads', status: 503 })
    const png = await sharp({ create: { width: 2, height: 2, channels: 3, background: '#000' } })
      .png()
      .toBuffer()
    await expect(client.uploadImage(png, 'later.png')).rejects.toBeInstanceOf(ComfyHttpError)
    sim.clearFaults()
    expect((await client.uploadImage(png, 'later.png')).name).toBe('later.png')
  })
})
