// `aipipeline agent`: runs on a GPU host next to ComfyUI, registers its backends with the
// studio through heartbeats and reports GPU metrics from nvidia-smi.
import { hostname } from 'node:os'
import { type Command, Option } from 'commander'
import { z } from 'zod'
import { AgentTokenRefused, collectHeartbeat, sendHeartbeat } from '../agent/agent-heartbeat'
import { runAgentLoop } from '../agent/agent-loop'
import { createLogger } from '../observability/logger'

const HttpUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })

const AgentCliOptions = z.object({
  server: HttpUrl,
  token: z.string({ error: 'an agent token is required: --token or AIPIPELINE_AGENT_TOKEN' }).min(8).max(512),
  comfy: z.array(HttpUrl).min(1).max(16),
  interval: z.coerce.number().int().min(1).max(300),
  advertiseHost: z.string().min(1).max(253).optional(),
  hostname: z.string().min(1).max(253),
  once: z.boolean().optional(),
  logLevel: z.enum(['error', 'warn', 'info', 'debug']),
})

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value]

/** Registers `aipipeline agent`. */
export function registerAgentCommand(program: Command): void {
  program
    .command('agent')
    .description('run the GPU agent: register local ComfyUI servers with a studio and report GPU metrics')
    .requiredOption('--server <url>', 'studio URL, e.g. http://studio:8420')
    .addOption(
      new Option('--token <token>', 'agent token from an admin (prefer the environment variable)').env(
        'AIPIPELINE_AGENT_TOKEN',
      ),
    )
    .option('--comfy <url>', 'ComfyUI server on this host (repeat for several)', collect)
    .option('--interval <seconds>', 'seconds between heartbeats', '5')
    .option('--advertise-host <host>', 'host name the studio should use for loopback ComfyUI URLs')
    .option('--hostname <name>', 'name of this host in the studio', hostname())
    .option('--once', 'send one heartbeat, print the answer and exit')
    .option('--log-level <level>', 'error, warn, info or debug', 'info')
    .action(async (raw: Record<string, unknown>) => {
      const parsed = AgentCliOptions.safeParse({ ...raw, comfy: raw.comfy ?? ['http://127.0.0.1:8188'] })
      if (!parsed.success) throw new Error(z.prettifyError(parsed.error))
      const o = parsed.data
      const opts = {
        serverUrl: o.server,
        token: o.token,
        comfyUrls: o.comfy,
        intervalSeconds: o.interval,
        hostname: o.hostname,
        version: '0.1.0',
        advertiseHost: o.advertiseHost,
      }
      if (o.once) {
        const answer = await sendHeartbeat(opts, await collectHeartbeat(opts))
        for (const b of answer.backends) {
          process.stdout.write(
            `${b.studioUrl}  ${b.backendId ?? '-'}  ${b.state ?? 'not registered'}${b.error ? `  ${b.error}` : ''}\n`,
          )
        }
        return
      }
      const logger = createLogger(o.logLevel)
      const stop = new AbortController()
      process.once('SIGINT', () => stop.abort())
      process.once('SIGTERM', () => stop.abort())
      logger.info({ server: o.server, comfy: o.comfy, interval: o.interval }, 'GPU agent started')
      try {
        await runAgentLoop(opts, logger, stop.signal)
      } catch (err) {
        if (err instanceof AgentTokenRefused) logger.error({ reason: err.message }, 'agent stopped')
        throw err
      }
    })
}
