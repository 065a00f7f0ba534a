import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config'

const tempDir = () => mkdtempSync(join(tmpdir(), 'aipipeline-config-'))

describe('configuration', () => {
  it('defaults to port 8420, an SQLite file in the data dir and the embedded queue', () => {
    const dir = tempDir()
    const config = loadConfig({ DATA_DIR: dir })
    expect(config.port).toBe(8420)
    expect(config.databaseUrl).toBe(`sqlite:${join(dir, 'aipipeline.db')}`)
    expect(config.redisUrl).toBeUndefined()
  })

  it('generates the secret key once, in a file only the owner can read', () => {
    const dir = tempDir()
    const first = loadConfig({ DATA_DIR: dir })
    const file = join(dir, 'secret.key')
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(first.secretKeySource).toBe('file')
    expect(loadConfig({ DATA_DIR: dir }).secretKey.equals(first.secretKey)).toBe(true)
    expect(readFileSync(file, 'utf8').trim()).toHaveLength(64)
  })

  it('prefers AIPIPELINE_SECRET_KEY from the environment', () => {
    const key = 'ab'.repeat(32)
    const config = loadConfig({ DATA_DIR: tempDir(), AIPIPELINE_SECRET_KEY: key })
    expect(config.secretKey.toString('hex')).toBe(key)
    expect(config.secretKeySource).toBe('env')
  })

  it('caps parameter sweeps at 1,000 combinations unless SWEEP_MAX_COMBINATIONS says otherwise', () => {
    expect(loadConfig({ DATA_DIR: tempDir() }).sweepMaxCombinations).toBe(1000)
    expect(loadConfig({ DATA_DIR: tempDir(), SWEEP_MAX_COMBINATIONS: '250' }).sweepMaxCombinations).toBe(250)
    expect(() => loadConfig({ DATA_DIR: tempDir(), SWEEP_MAX_COMBINATIONS: '0' })).toThrow(/SWEEP_MAX_COMBINATIONS/)
  })

  it('trusts no proxy unless TRUSTED_PROXIES names them', () => {
    expect(loadConfig({ DATA_DIR: tempDir() }).trustedProxies).toEqual([])
    const config = loadConfig({ DATA_DIR: tempDir(), TRUSTED_PROXIES: ' 10.0.0.5, 192.168.0.0/16,::1,loopback ' })
    expect(config.trustedProxies).toEqual(['10.0.0.5', '192.168.0.0/16', '::1', 'loopback'])
    for (const bad of ['*', 'proxy.example', '10.0.0.0/33', '10.0.0.1/8/1', 'true']) {
      expect(() => loadConfig({ DATA_DIR: tempDir(), TRUSTED_PROXIES: bad })).toThrow(/TRUSTED_PROXIES/)
    }
  })

  it('names every bad variable in one error', () => {
    expect(() => loadConfig({ PORT: 'eighty', REDIS_URL: 'http://x', AIPIPELINE_SECRET_KEY: 'short' })).toThrow(
      /PORT[\s\S]*REDIS_URL[\s\S]*AIPIPELINE_SECRET_KEY/,
    )
  })

  it('refuses a corrupt key file instead of silently making a new key', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'secret.key'), 'garbage')
    expect(() => loadConfig({ DATA_DIR: dir })).toThrow(ConfigError)
  })

  it('requires the bootstrap admin email and password together', () => {
    expect(() => loadConfig({ DATA_DIR: tempDir(), AIPIPELINE_ADMIN_EMAIL: 'a@b.co' })).toThrow(/together/)
    const config = loadConfig({
      DATA_DIR: tempDir(),
      AIPIPELINE_ADMIN_EMAIL: 'a@b.co',
      AIPIPELINE_ADMIN_PASSWORD: 'long enough',
    })
    expect(config.bootstrapAdmin).toEqual({ email: 'a@b.co', password: 'long enough' })
  })

  it('finds ffmpeg on PATH unless FFMPEG_PATH names one', () => {
    expect(loadConfig({ DATA_DIR: tempDir() }).ffmpegPath).toBeUndefined()
    expect(loadConfig({ DATA_DIR: tempDir(), FFMPEG_PATH: '/opt/ffmpeg/bin/ffmpeg' }).ffmpegPath).toBe(
      '/opt/ffmpeg/bin/ffmpeg',
    )
    expect(() => loadConfig({ DATA_DIR: tempDir(), FFMPEG_PATH: '' })).toThrow(/FFMPEG_PATH/)
  })

  it('takes the render dispatcher lease interval from FARM_LEASE_INTERVAL_MS', () => {
    expect(loadConfig({ DATA_DIR: tempDir() }).farmLeaseIntervalMs).toBe(2000)
    expect(loadConfig({ DATA_DIR: tempDir(), FARM_LEASE_INTERVAL_MS: '500' }).farmLeaseIntervalMs).toBe(500)
    expect(() => loadConfig({ DATA_DIR: tempDir(), FARM_LEASE_INTERVAL_MS: '10' })).toThrow(/FARM_LEASE_INTERVAL_MS/)
  })
})
