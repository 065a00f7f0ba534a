// A studio process for the farm benchmark and the chaos test: `node --import tsx
// farm-studio.fixture.ts '<farm options JSON>'` with the usual environment (DATA_DIR, PORT,
// DATABASE_URL, AIPIPELINE_*). Prints one JSON line {"url": …} once listening; SIGTERM closes
// it cleanly, SIGKILL and SIGSTOP/SIGCONT are what the chaos tests use.
import { z } from 'zod'
import { loadConfig } from '../../src/config'
import { closeOnSignals, startStudio } from '../../src/studio'

const Options = z
  .object({
    policy: z.enum(['smart', 'round-robin']).optional(),
    healthIntervalMs: z.number().int().positive().optional(),
    probeTimeoutMs: z.number().int().positive().optional(),
    retryBaseMs: z.number().int().nonnegative().optional(),
    tickIntervalMs: z.number().int().positive().optional(),
    leaseIntervalMs: z.number().int().positive().optional(),
    thumbnails: z.boolean().optional(),
  })
  .strict()

const options = Options.parse(JSON.parse(process.argv[2] ?? '{}'))
const studio = await startStudio({ ...loadConfig(), logLevel: 'warn' }, { farm: options })
process.stdout.write(`${JSON.stringify({ url: studio.url })}\n`)
closeOnSignals(studio, studio.logger)
