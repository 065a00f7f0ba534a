// The `review.proxy` job: makes one revision of a video version's proxy. It writes to a temp
// name beside the target and renames it into `<version folder>/review/proxy-r<revision>.mp4`,
// so the file a player reads is always whole; the row records progress while ffmpeg runs,
// each failure's reason, and `failed` only after the last attempt.
import { createHash, randomBytes } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { ProductionRepositories, ReviewProxyOutput, ReviewProxyRepository } from '@aipipeline/db'
import { z } from 'zod'
import { defineJob, type JobContext, UnrecoverableJobError } from '../../../jobs'
import { resolveInRoot } from '../../production'
import { MediaToolError } from './media-tool'
import { encodeProxy, type MediaTools, probeProxy, probeSource } from './proxy-encoder'

export const REVIEW_PROXY_JOB = defineJob(
  'review.proxy',
  z.object({ versionId: z.string().min(1), revision: z.number().int().positive() }).strict(),
)
export type ReviewProxyJobData = z.infer<typeof REVIEW_PROXY_JOB.schema>

/** Tries per revision, and the wait before the next (doubling): a busy or briefly broken host recovers. */
export const PROXY_ATTEMPTS = 3
export const PROXY_BACKOFF = { type: 'exponential', delay: 1000 } as const

/** The job id of a revision: enqueueing the same revision twice queues it once. */
export function proxyJobId(versionId: string, revision: number): string {
  return `review-proxy.${versionId}.r${revision}`
}

export interface ProxyJobDeps {
  proxies: ReviewProxyRepository
  versions: Pick<ProductionRepositories['tasks'], 'findVersion' | 'versionFiles'>
  storageRoot: string
  tools: MediaTools
}

/** The proxy's root-relative path for a revision. */
export function proxyPath(versionFolder: string, revision: number): string {
  return `${versionFolder}/review/proxy-r${revision}.mp4`
}

// Progress rows are written at most this often (ffmpeg reports about twice a second).
const PROGRESS_EVERY_MS = 1000

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** A failure as people read it: tool messages as they are, anything else without paths or stack. */
function reasonOf(err: unknown): string {
  if (err instanceof MediaToolError || err instanceof UnrecoverableJobError) return err.message
  const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : null
  return code ? `the proxy file could not be written (${code})` : 'the proxy could not be made'
}

/** Removes earlier revisions' files once a newer one is in place (an open reader keeps its copy). */
async function removeOlderRevisions(folder: string, revision: number): Promise<void> {
  const names = await readdir(folder).catch(() => [] as string[])
  for (const name of names) {
    const n = /^proxy-r(\d+)\.mp4$/.exec(name)?.[1]
    if (n !== undefined && Number(n) < revision) await rm(`${folder}/${name}`, { force: true })
  }
}

export function createProxyJob(deps: ProxyJobDeps) {
  /** Encodes, measures and places the file; the measured facts for the row. */
  async function make(job: JobContext<ReviewProxyJobData>): Promise<ReviewProxyOutput> {
    const { versionId, revision } = job.data
    const version = await deps.versions.findVersion(versionId)
    if (!version) throw new UnrecoverableJobError('the version no longer exists')
    const output = (await deps.versions.versionFiles([versionId])).find((f) => f.role === 'output')
    if (!output) throw new UnrecoverableJobError('the version has no video file')
    const source = resolveInRoot(deps.storageRoot, output.path)
    await stat(source).catch(() => {
      throw new MediaToolError('the version’s video file is missing from storage')
    })
    const path = proxyPath(version.folderPath, revision)
    const target = resolveInRoot(deps.storageRoot, path)
    const temp = `${target}.${randomBytes(6).toString('hex')}.part`
    await mkdir(dirname(target), { recursive: true })
    try {
      const facts = await probeSource(deps.tools, source)
      let lastWrite = 0
      let writing = Promise.resolve()
      await encodeProxy(deps.tools, source, temp, facts, {
        signal: job.signal,
        onProgress: (percent) => {
          const now = Date.now()
          if (now - lastWrite < PROGRESS_EVERY_MS) return
          lastWrite = now
          // Chained so rows are written in order; a lost progress write is not worth failing for.
          writing = writing
            .then(() => deps.proxies.progress(versionId, revision, percent))
            .then(() => job.updateProgress(percent))
            .catch(() => undefined)
        },
      })
      await writing
      const made = await probeProxy(deps.tools, temp)
      await rename(temp, target)
      const size = (await stat(target)).size
      await removeOlderRevisions(dirname(target), revision)
      return {
        width: made.width,
        height: made.height,
        frameCount: made.frameCount,
        rateNum: made.rate.num,
        rateDen: made.rate.den,
        path,
        sizeBytes: size,
        sha256: await sha256Of(target),
      }
    } finally {
      await rm(temp, { force: true })
    }
  }

  return {
    /** Runs one attempt; a revision made again meanwhile makes this job a no-op. */
    async run(job: JobContext<ReviewProxyJobData>): Promise<{ outcome: 'ready' | 'obsolete' }> {
      const { versionId, revision } = job.data
      const row = await deps.proxies.get(versionId)
      if (!row || row.revision !== revision) return { outcome: 'obsolete' }
      if (row.status === 'ready') return { outcome: 'ready' }
      if (!(await deps.proxies.start(versionId, revision, job.attempt))) return { outcome: 'obsolete' }
      try {
        const out = await make(job)
        await deps.proxies.finish(versionId, revision, out)
        return { outcome: 'ready' }
      } catch (err) {
        const reason = reasonOf(err)
        const last = job.attempt >= PROXY_ATTEMPTS || err instanceof UnrecoverableJobError
        // A stopped worker hands the job back without counting the attempt: it runs again.
        if (last && !job.signal.aborted) await deps.proxies.fail(versionId, revision, reason)
        else await deps.proxies.retrying(versionId, revision, reason)
        throw err instanceof MediaToolError || err instanceof UnrecoverableJobError ? err : new Error(reason)
      }
    },
  }
}
export type ProxyJob = ReturnType<typeof createProxyJob>
