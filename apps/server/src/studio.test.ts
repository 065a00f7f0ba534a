// A studio process as `aipipeline serve` starts it: listening, migrating, running jobs.
import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Health } from '@aipipeline/contracts'
import { createRefreshTokenRepository, createUserRepository } from '@aipipeline/db'
import { describe, expect, it } from 'vitest'
import { loadConfig } from './config'
import { PURGE_EXPIRED_SESSIONS } from './modules/auth'
import { createLogger } from './observability/logger'
import { startStudio } from './studio'

describe('studio process (embedded mode)', () => {
  it('listens, reports health, and runs jobs in the same process', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aipipeline-studio-'))
    const config = {
      ...loadConfig({ DATA_DIR: dir, AIPIPELINE_SECRET_KEY: randomBytes(32).toString('hex') }),
      port: 0,
      host: '127.0.0.1',
      webDistDir: '/nonexistent',
    }
    const studio = await startStudio(config, { logger: createLogger('silent') })
    try {
      const health = Health.parse(await (await fetch(`${studio.url}/api/health`)).json())
      expect(health).toMatchObject({ status: 'ok', database: 'sqlite', queue: 'local' })

      const db = studio.database.db
      const user = await createUserRepository(db).insert({
        email: 'old@studio.test',
        displayName: 'Old',
        role: 'artist',
        locale: 'en',
        passwordHash: 'h',
      })
      const tokens = createRefreshTokenRepository(db)
      await tokens.insert({ userId: user.id, familyId: 'f', tokenHash: 'stale', expiresAt: '2001-01-01T00:00:00.000Z' })
      await tokens.insert({ userId: user.id, familyId: 'f', tokenHash: 'live', expiresAt: '2999-01-01T00:00:00.000Z' })

      const job = await studio.queue.enqueue(PURGE_EXPIRED_SESSIONS, {})
      let state = job.state
      for (let i = 0; i < 100 && state !== 'completed' && state !== 'failed'; i++) {
        await new Promise((r) => setTimeout(r, 50))
        state = (await studio.queue.getJob(job.id))?.state ?? state
      }
      expect(state).toBe('completed')
      expect((await tokens.family('f')).length).toBe(1)
    } finally {
      await studio.close()
    }
  })
})
