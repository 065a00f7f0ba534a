// The aipipeline command as an operator runs it: help, migrate, user create.
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createUserRepository, openDatabase } from '@aipipeline/db'
import { describe, expect, it } from 'vitest'

const BIN = fileURLToPath(new URL('../../bin/aipipeline.js', import.meta.url))

function run(args: string[], env: Record<string, string>, input?: string) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args],
      { env: { ...process.env, ...env } },
      (err, stdout, stderr) => {
        const code = err && 'code' in err && typeof err.code === 'number' ? err.code : err ? 1 : 0
        resolve({ code, stdout, stderr })
      },
    )
    child.stdin?.end(input ?? '')
  })
}

// Each case spawns the command (tsx compiles the sources on a cold start): on a loaded machine
// that takes tens of seconds, so the limit is generous; the cases assert only what is printed.
describe('aipipeline CLI', { timeout: 180_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'aipipeline-cli-'))
  const env = { DATA_DIR: dataDir, AIPIPELINE_SECRET_KEY: randomBytes(32).toString('hex'), LOG_LEVEL: 'silent' }

  it('lists its commands, each with help', async () => {
    const help = await run(['--help'], env)
    expect(help.code).toBe(0)
    for (const command of ['serve', 'demo', 'migrate', 'user', 'worker']) expect(help.stdout).toContain(command)
    const create = await run(['user', 'create', '--help'], env)
    expect(create.stdout).toContain('--email')
  })

  it('migrates the database and reports it', async () => {
    const res = await run(['migrate'], env)
    expect(res.code).toBe(0)
    expect(res.stdout).toMatch(/^sqlite: applied \d+ of \d+ migrations/)
  })

  it('creates the first admin with a password read from a pipe', async () => {
    const res = await run(['user', 'create', '--email', 'Chief@Studio.test', '--role', 'admin'], env, 'a long secret\n')
    expect(res.code).toBe(0)
    expect(res.stdout).toContain('created admin chief@studio.test')
    const db = openDatabase(`sqlite:${join(dataDir, 'aipipeline.db')}`)
    try {
      const user = await createUserRepository(db.db).findByEmailWithHash('chief@studio.test')
      expect(user?.role).toBe('admin')
      expect(user?.passwordHash).toMatch(/^\$argon2id\$/)
    } finally {
      await db.close()
    }
  })

  it('refuses bad input with one clear line and a non-zero exit', async () => {
    const [weak, badRole, badEnv] = await Promise.all([
      run(['user', 'create', '--email', 'x@studio.test', '--role', 'admin'], env, 'short\n'),
      run(['user', 'create', '--email', 'y@studio.test', '--role', 'director'], env, 'long enough pw\n'),
      run(['migrate'], { ...env, PORT: 'eighty' }),
    ])
    expect(weak.code).not.toBe(0)
    expect(weak.stderr).toMatch(/password/i)
    expect(badRole.code).not.toBe(0)
    expect(badRole.stderr).toMatch(/role/i)
    expect(badEnv.code).toBe(1)
    expect(badEnv.stderr).toContain('PORT')
  })
})
