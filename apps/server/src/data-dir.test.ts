// The data folder holds password hashes, encrypted keys and the studio's secret: a studio that
// creates it must leave it readable by the owning user only, whatever the umask says.
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from './config'
import { createLogger } from './observability/logger'
import { type RunningStudio, startStudio } from './studio'

const modeOf = (path: string) => statSync(path).mode & 0o777

describe.each([
  { name: 'with a generated secret key', env: {} },
  { name: 'with AIPIPELINE_SECRET_KEY set', env: { AIPIPELINE_SECRET_KEY: randomBytes(32).toString('hex') } },
])('a studio that creates its own data folder ($name)', ({ env }) => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'aipipeline-perm-')), 'data')
  let studio: RunningStudio
  const umask = process.umask()

  beforeAll(async () => {
    // The common default: without our own modes, folders come out 0755 and files 0644.
    process.umask(0o022)
    const config = { ...loadConfig({ DATA_DIR: dataDir, ...env }), port: 0, host: '127.0.0.1' }
    studio = await startStudio({ ...config, webDistDir: '/nonexistent' }, { logger: createLogger('silent') })
    // A write makes sure the WAL and shared-memory files exist.
    await studio.auth.createUser({
      email: 'owner@studio.test',
      displayName: 'Owner',
      role: 'admin',
      locale: 'en',
      password: 'correct horse',
    })
  })
  afterAll(async () => {
    await studio.close()
    process.umask(umask)
  })

  it('makes the folder and its storage subfolder 0700', () => {
    expect(modeOf(dataDir)).toBe(0o700)
    expect(modeOf(join(dataDir, 'storage'))).toBe(0o700)
  })

  it('makes the database and its WAL and shared-memory files 0600', () => {
    const db = join(dataDir, 'aipipeline.db')
    expect(modeOf(db)).toBe(0o600)
    for (const side of [`${db}-wal`, `${db}-shm`]) {
      expect(existsSync(side)).toBe(true)
      expect(modeOf(side)).toBe(0o600)
    }
  })
})
