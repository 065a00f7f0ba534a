// `aipipeline render`: submits a workflow (or a saved template) to a running studio, shows a
// progress bar, and downloads the outputs. Bad input exits non-zero with the server's words.
import { authRoutes, farmRoutes, type RenderJobDetail } from '@aipipeline/contracts'
import { type Command, Option } from 'commander'
import { z } from 'zod'
import { promptPassword } from './prompt-password'
import { submitBody } from './render/render-input'
import { downloadOutputs } from './render/render-outputs'
import { ProgressBar } from './render/render-progress'
import { watchJob } from './render/render-watch'
import { StudioClient, StudioError } from './render/studio-http.client'

const RenderCliOptions = z.object({
  set: z.array(z.string()),
  priority: z.coerce.number().int().min(0, 'priority is 0..100').max(100, 'priority is 0..100'),
  template: z.string().min(1).optional(),
  name: z.string().min(1).max(200).optional(),
  wait: z.boolean().optional(),
  out: z.string().min(1).optional(),
  server: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }),
  email: z.email().optional(),
  token: z.string().min(10).optional(),
})

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value]

/** Prints a failed job's error with each node's messages. */
function describeFailure(job: RenderJobDetail): string[] {
  const lines = [`job ${job.id} ${job.state}${job.error ? `: ${job.error.message}` : ''}`]
  if (job.unschedulableReason) lines.push(`  ${job.unschedulableReason}`)
  for (const n of job.error?.nodeErrors ?? []) {
    for (const message of n.messages) lines.push(`  node ${n.nodeId} (${n.classType}): ${message}`)
  }
  return lines
}

/** Registers `aipipeline render`. */
export function registerRenderCommand(program: Command): void {
  program
    .command('render')
    .description('submit a workflow to a running studio; with --wait show progress and download the outputs')
    .argument('[workflow]', 'workflow JSON file (ComfyUI API or UI format)')
    .option('--set <name=value>', 'parameter value (repeat), e.g. --set prompt="a cat" --set seed=42', collect)
    .option('--priority <0-100>', 'higher runs first', '50')
    .option('--template <id>', 'use a saved workflow template instead of a file')
    .option('--name <name>', 'job name')
    .option('--wait', 'follow the job to its end with a progress bar')
    .option('--out <dir>', 'download the outputs here (implies --wait)')
    .option('--server <url>', 'studio URL', 'http://localhost:8420')
    .option('--email <email>', 'sign in with this email (the password is prompted)')
    .addOption(new Option('--token <token>', 'access token instead of signing in').env('AIPIPELINE_TOKEN'))
    .action(async (workflow: string | undefined, raw: Record<string, unknown>) => {
      const parsed = RenderCliOptions.safeParse({ ...raw, set: raw.set ?? [] })
      if (!parsed.success) throw new Error(z.prettifyError(parsed.error))
      const o = parsed.data
      const body = await submitBody({ workflow, template: o.template, set: o.set, priority: o.priority, name: o.name })
      const client = new StudioClient(o.server.replace(/\/+$/, ''), o.token ?? null)
      try {
        if (o.token === undefined) {
          if (o.email === undefined) throw new Error('sign in with --email, or set AIPIPELINE_TOKEN (or --token)')
          const session = await client.call(authRoutes.login, {
            body: { email: o.email, password: await promptPassword(`Password for ${o.email}: `) },
          })
          client.setToken(session.accessToken)
        }
        const job = await client.call(farmRoutes.submitRenderJob, { body })
        process.stdout.write(`submitted ${job.id} (${job.name}, priority ${job.priority})\n`)
        if (!o.wait && o.out === undefined) return
        const bar = new ProgressBar(process.stderr, job.name.slice(0, 24))
        const done = await watchJob(client, job.id, (p) => bar.update(p.percent, p.detail))
        if (done.state === 'succeeded') bar.update(100)
        bar.finish(done.state)
        if (done.state !== 'succeeded') {
          process.stderr.write(`${describeFailure(done).join('\n')}\n`)
          process.exitCode = 1
          return
        }
        if (o.out !== undefined) {
          for (const path of await downloadOutputs(client, done, o.out)) process.stdout.write(`${path}\n`)
        }
      } catch (err) {
        // The server's message (and field issues) is the error the user needs, nothing else.
        if (err instanceof StudioError) throw new Error(err.lines.join('\n'))
        throw err
      }
    })
}
