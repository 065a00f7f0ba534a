import { CreateUserRequest } from '@aipipeline/contracts'
import { Role } from '@aipipeline/domain'
import type { Command } from 'commander'
import { z } from 'zod'
import { loadConfig } from '../config'
import { promptPassword } from './prompt-password'

/** `aipipeline user create`: the first admin, or any user, from the command line. */
export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('manage studio users')
  user
    .command('create')
    .description('create a user; prompts for the password (or reads it from a pipe)')
    .requiredOption('--email <email>', 'sign-in email')
    .option('--role <role>', `one of ${Role.options.join(', ')}`, 'artist')
    .option('--name <name>', 'display name (default: the part of the email before @)')
    .option('--locale <locale>', 'en or ko', 'en')
    .action(async (opts: { email: string; role: string; name?: string; locale: string }) => {
      const config = loadConfig()
      const password = await promptPassword('Password: ')
      const input = CreateUserRequest.safeParse({
        email: opts.email,
        role: opts.role,
        displayName: opts.name ?? opts.email.split('@')[0],
        locale: opts.locale,
        password,
      })
      if (!input.success) throw new Error(z.prettifyError(input.error))
      // Loaded once the input is known good: a refused argument answers without them.
      const { createRefreshTokenRepository, createUserRepository, migrateToLatest, openDatabase } = await import(
        '@aipipeline/db'
      )
      const { createAuthService, createTokenService } = await import('../modules/auth')
      const database = openDatabase(config.databaseUrl)
      try {
        await migrateToLatest(database.db)
        const auth = createAuthService({
          users: createUserRepository(database.db),
          refreshTokens: createRefreshTokenRepository(database.db),
          tokens: createTokenService({ masterKey: config.secretKey, accessTtlSeconds: config.accessTokenTtlSeconds }),
          refreshTtlDays: config.refreshTokenTtlDays,
        })
        const created = await auth.createUser(input.data)
        process.stdout.write(`created ${created.role} ${created.email} (${created.id})\n`)
      } finally {
        await database.close()
      }
    })
}
