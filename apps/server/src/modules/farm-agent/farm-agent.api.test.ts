// The GPU agent end to end: an admin issues a token, the real `aipipeline agent` command (with
// a fake nvidia-smi first on PATH) registers a simulated ComfyUI server with a listening
// studio, GPU metrics reach the backend and /metrics, silence marks the backend offline, and a
// revoked token is refused at once.
import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Simulator, startSimulator } from '@aipipeline/comfyui'
import { AGENT_TOKEN_HEADER, CreatedAgentToken, FarmBackend } from '@aipipeline/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createTestStudio, type TestStudio } from '../../../test-kits/test-studio'
import { studioUrlFor } from './agent-heartbeat.service'

const BIN = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../bin/aipipeline.js')
const fakeBin = mkdtempSync(join(tmpdir(), 'fake-gpu-host-'))
const noGpuBin = join(fakeBin, 'none')

function writeFakeNvidiaSmi(): void {
  const path = join(fakeBin, 'nvidia-smi')
  writeFileSync(path, '#!/bin/sh\necho "0, NVIDIA GeForce RTX 4090, 87, 71, 20480, 24564, 398.12"\n')
  chmodSync(path, 0o755)
  mkdirSync(noGpuBin, { recursive: true })
}

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs `aipipeline agent …` to completion. */
function runAgent(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [BIN, 'agent', ...args],
      { env: { ...process.env, ...env }, timeout: 120_000 },
      (err, stdout, stderr) => {
        done({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr })
      },
    )
  })
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const value = await probe()
    if (value !== undefined) return value
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`timed out waiting for ${what}`)
}

describe('GPU agent', () => {
  let studio: TestStudio
  let sim: Simulator
  let url: string
  let admin: string
  let secret: string
  let tokenId: string
  const agents: ChildProcess[] = []

  beforeAll(async () => {
    writeFakeNvidiaSmi()
    studio = await createTestStudio('sqlite')
    await studio.app.listen({ port: 0, host: '127.0.0.1' })
    const address = studio.app.server.address()
    if (!address || typeof address !== 'object') throw new Error('not listening')
    url = `http://127.0.0.1:${address.port}`
    sim = await startSimulator({ port: 0, timeScale: 0, vramGb: 24, name: 'gpu-sim' })
    admin = (await studio.signIn('admin')).accessToken
  }, 180_000)

  afterAll(async () => {
    for (const a of agents) if (a.exitCode === null) a.kill('SIGKILL')
    await sim?.close()
    await studio?.close()
    rmSync(fakeBin, { recursive: true, force: true })
  })

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
  const backends = async () =>
    z
      .object({ items: z.array(FarmBackend) })
      .parse((await studio.app.inject({ method: 'GET', url: '/api/farm/backends', headers: bearer(admin) })).json())
      .items

  it('lets only an admin create a token, returns the secret once and lists tokens without it', async () => {
    const manager = (await studio.signIn('manager')).accessToken
    const refused = await studio.app.inject({
      method: 'POST',
      url: '/api/farm/agent-tokens',
      headers: bearer(manager),
      payload: { name: 'gpu-host-1' },
    })
    expect(refused.statusCode).toBe(403)
    const res = await studio.app.inject({
      method: 'POST',
      url: '/api/farm/agent-tokens',
      headers: bearer(admin),
      payload: { name: 'gpu-host-1' },
    })
    expect(res.statusCode).toBe(201)
    const created = CreatedAgentToken.parse(res.json())
    secret = created.secret
    tokenId = created.token.id
    expect(secret).toMatch(/^apa_[A-Za-z0-9_-]{40,}$/)
    expect(secret.startsWith(created.token.tokenPrefix)).toBe(true)
    const list = await studio.app.inject({ method: 'GET', url: '/api/farm/agent-tokens', headers: bearer(admin) })
    expect(list.body).toContain('gpu-host-1')
    expect(list.body).not.toContain(secret)
    expect(list.body).not.toContain(secret.slice(12))
  })

  it('refuses the heartbeat to users (403) and to callers without or with a wrong agent token (401)', async () => {
    const body = {
      hostname: 'h',
      agentVersion: '1',
      intervalSeconds: 5,
      backends: [{ url: sim.url, reachable: true }],
      gpus: null,
    }
    const asUser = await studio.app.inject({
      method: 'POST',
      url: '/api/farm/agent/heartbeat',
      headers: bearer(admin),
      payload: body,
    })
    expect(asUser.statusCode).toBe(403)
    const anonymous = await studio.app.inject({ method: 'POST', url: '/api/farm/agent/heartbeat', payload: body })
    expect(anonymous.statusCode).toBe(401)
    const wrong = await studio.app.inject({
      method: 'POST',
      url: '/api/farm/agent/heartbeat',
      headers: { [AGENT_TOKEN_HEADER]: 'apa_not-a-real-token' },
      payload: body,
    })
    expect(wrong.statusCode).toBe(401)
    expect(await backends()).toEqual([])
  })

  it('registers the ComfyUI server and reports GPU metrics from nvidia-smi on PATH', async () => {
    const run = await runAgent(
      // A long interval: one beat must keep the backend online until it is read, however slowly
      // a loaded machine starts and ends the agent process (silence counts in intervals).
      ['--server', url, '--comfy', sim.url, '--interval', '60', '--once', '--hostname', 'gpu-host-1'],
      {
        AIPIPELINE_AGENT_TOKEN: secret,
        PATH: `${fakeBin}:${process.env.PATH ?? ''}`,
      },
    )
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const [backend] = await backends()
    if (!backend) throw new Error('no backend registered')
    expect(run.stdout).toContain(backend.id)
    expect(backend).toMatchObject({ name: 'gpu-host-1', url: sim.url, tags: ['agent'], state: 'online' })
    expect(backend.gpuMetrics?.gpus).toEqual([
      {
        index: 0,
        name: 'NVIDIA GeForce RTX 4090',
        utilizationPercent: 87,
        temperatureC: 71,
        memoryUsedMb: 20480,
        memoryTotalMb: 24564,
        powerW: 398.12,
      },
    ])
    const metrics = (await studio.app.inject({ method: 'GET', url: '/metrics' })).body
    expect(metrics).toContain('aipipeline_farm_gpu_utilization_percent{backend="gpu-host-1",gpu="0"} 87')
    expect(metrics).toContain('aipipeline_farm_gpu_temperature_celsius{backend="gpu-host-1",gpu="0"} 71')
    expect(metrics).toContain(
      `aipipeline_farm_gpu_memory_used_bytes{backend="gpu-host-1",gpu="0"} ${20480 * 1024 * 1024}`,
    )
    expect(metrics).toContain(
      `aipipeline_farm_gpu_memory_total_bytes{backend="gpu-host-1",gpu="0"} ${24564 * 1024 * 1024}`,
    )
    expect(metrics).toContain('aipipeline_farm_gpu_power_watts{backend="gpu-host-1",gpu="0"} 398.12')
    expect(metrics).toMatch(/aipipeline_farm_agent_heartbeat_age_seconds\{backend="gpu-host-1"\} \d/)
  }, 180_000)

  it('beats without GPU metrics on a host without nvidia-smi, and keeps the one backend', async () => {
    const run = await runAgent(['--server', url, '--comfy', `${sim.url}/`, '--once', '--hostname', 'gpu-host-1'], {
      AIPIPELINE_AGENT_TOKEN: secret,
      PATH: noGpuBin,
    })
    expect(run.code).toBe(0)
    expect(await backends()).toHaveLength(1)
  }, 180_000)

  it('marks the backend offline when its agent stops beating for three intervals', async () => {
    const agent = spawn(
      process.execPath,
      [BIN, 'agent', '--server', url, '--comfy', sim.url, '--interval', '1', '--hostname', 'gpu-host-1'],
      { env: { ...process.env, AIPIPELINE_AGENT_TOKEN: secret, PATH: `${fakeBin}:${process.env.PATH ?? ''}` } },
    )
    agents.push(agent)
    let output = ''
    agent.stdout?.on('data', (c: Buffer) => {
      output += c.toString()
    })
    agent.stderr?.on('data', (c: Buffer) => {
      output += c.toString()
    })
    await until('a beat from the running agent', async () => (output.includes('heartbeat accepted') ? true : undefined))
    // Earlier one-shot beats went silent long ago; the running agent brings the backend back.
    await until('the backend to be online again', async () =>
      (await backends())[0]?.state === 'online' ? true : undefined,
    )
    agent.kill('SIGKILL')
    const killedAt = Date.now()
    const offline = await until('the backend to go offline', async () => {
      const [b] = await backends()
      return b?.state === 'offline' ? b : undefined
    })
    expect(offline.stateReason).toMatch(/GPU agent on gpu-host-1 silent for \d+ s/)
    expect(Date.now() - killedAt).toBeGreaterThanOrEqual(2000)
    expect(output).not.toContain(secret)
  }, 180_000)

  it('refuses a revoked token at once and the agent stops with a clear message', async () => {
    const revoke = await studio.app.inject({
      method: 'POST',
      url: `/api/farm/agent-tokens/${tokenId}/revoke`,
      headers: bearer(admin),
    })
    expect(revoke.statusCode).toBe(200)
    expect(revoke.json()).toMatchObject({ id: tokenId, revokedAt: expect.any(String) })
    const run = await runAgent(['--server', url, '--comfy', sim.url, '--interval', '1'], {
      AIPIPELINE_AGENT_TOKEN: secret,
    })
    expect(run.code).not.toBe(0)
    expect(run.stderr).toContain('the studio refused the agent token: agent token unknown or revoked')
    expect(run.stdout + run.stderr).not.toContain(secret)
    const logged = JSON.stringify(studio.logs)
    expect(logged).not.toContain(secret)
  }, 180_000)
})

describe('studio URL of an agent-reported ComfyUI server', () => {
  it('replaces a loopback host with the advertised host or the agent address, and keeps other hosts', () => {
    expect(studioUrlFor('http://127.0.0.1:8188/', { remoteAddress: '10.0.0.7' })).toBe('http://10.0.0.7:8188')
    expect(studioUrlFor('http://localhost:8188', { remoteAddress: '::ffff:10.0.0.7' })).toBe('http://10.0.0.7:8188')
    expect(studioUrlFor('http://127.0.0.1:8188', { remoteAddress: 'fd00::7' })).toBe('http://[fd00::7]:8188')
    expect(studioUrlFor('http://127.0.0.1:8188', { remoteAddress: '10.0.0.7', advertiseHost: 'gpu-1.lan' })).toBe(
      'http://gpu-1.lan:8188',
    )
    expect(studioUrlFor('http://127.0.0.1:8188', { remoteAddress: '127.0.0.1' })).toBe('http://127.0.0.1:8188')
    expect(studioUrlFor('http://gpu-2:8188/comfy/', { remoteAddress: '10.0.0.7' })).toBe('http://gpu-2:8188/comfy')
  })
})
