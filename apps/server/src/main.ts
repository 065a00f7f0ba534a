// The `aipipeline` command. Every command has --help; errors print one clear line.
// The studio, the database and the demo load inside the command that needs them: the sources
// run through tsx without a build step, so `--help`, `sim` or a refused argument should not
// compile the whole server first.
import { Command } from 'commander'
import { registerAgentCommand } from './cli/agent.command'
import { registerRenderCommand } from './cli/render.command'
import { registerSimCommand } from './cli/sim.command'
import { registerUserCommands } from './cli/user.command'
import { ConfigError, loadConfig } from './config'

const program = new Command('aipipeline')
  .description('AIPipeline: a self-hosted studio for AI film and content production')
  .showHelpAfterError()

program
  .command('serve')
  .description('start the studio (HTTP API, realtime, web app) with the configuration from the environment')
  .action(async () => {
    const { closeOnSignals, startStudio } = await import('./studio')
    const studio = await startStudio(loadConfig())
    studio.logger.info({ url: studio.url }, 'AIPipeline studio ready')
    closeOnSignals(studio, studio.logger)
  })

program
  .command('demo')
  .description('start the studio with demo users (one per role, password "demo")')
  .action(async () => {
    const { closeOnSignals, startStudio } = await import('./studio')
    const { DEMO_PASSWORD, seedDemoUsers } = await import('./demo/demo-seed')
    const { seedDemoProduction } = await import('./demo/production-demo.seed')
    const { startDemoFarm } = await import('./modules/farm')
    const studio = await startStudio(loadConfig(), {
      seed: async (s, logger) => {
        const created = await seedDemoUsers(s.auth)
        if (created.length > 0) logger.info({ created }, 'seeded demo users')
        const film = await seedDemoProduction(s.auth, s.production.services, s.review.playlists.playlists)
        if (film) logger.info({ projectId: film }, 'seeded the demo film')
      },
    })
    const sims = await startDemoFarm(studio.farm.backends)
    process.stdout.write(
      `\nAIPipeline demo studio ready at ${studio.url}\n` +
        `Sign in as admin@demo.local (or manager@, supervisor@, artist@, client@, vendor@demo.local), password "${DEMO_PASSWORD}".\n\n`,
    )
    closeOnSignals({ close: () => studio.close().then(() => sims.close()) }, studio.logger)
  })

program
  .command('migrate')
  .description('apply pending database migrations and exit')
  .action(async () => {
    const config = loadConfig()
    const { migrateToLatest, openDatabase } = await import('@aipipeline/db')
    const database = openDatabase(config.databaseUrl)
    try {
      const report = await migrateToLatest(database.db)
      process.stdout.write(`${database.engine}: applied ${report.applied.length} of ${report.total} migrations\n`)
    } finally {
      await database.close()
    }
  })

program
  .command('worker')
  .description('run background job handlers in this process (scale-out mode: set REDIS_URL and DATABASE_URL)')
  .action(async () => {
    const { startWorkerProcess } = await import('./studio')
    await startWorkerProcess(loadConfig())
  })

registerUserCommands(program)
registerSimCommand(program)
registerAgentCommand(program)
registerRenderCommand(program)

program.parseAsync(process.argv).catch((err: unknown) => {
  const message = err instanceof ConfigError || err instanceof Error ? err.message : String(err)
  process.stderr.write(`aipipeline: ${message}\n`)
  process.exit(1)
})
