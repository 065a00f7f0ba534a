// Review proxies of video versions: made on ingest (`ensureFor`) and on demand (`request`, which
// makes the proxy again under the next revision), read by the player's media route through
// ReviewProxyReader. Who may see a proxy is who may see its version's task.
import type { ReviewProxy } from '@aipipeline/contracts'
import type { ProductionRepositories, ReviewProxyRecord, ReviewProxyRepository } from '@aipipeline/db'
import { NotFound, RuleViolation } from '@aipipeline/domain'
import type { Principal } from '../../../http/principal'
import { enqueueJob, type JobQueue } from '../../../jobs'
import { resolveInRoot } from '../../production'
import type { ReviewProxyReader } from '../review-ports'
import { PROXY_ATTEMPTS, PROXY_BACKOFF, proxyJobId, REVIEW_PROXY_JOB } from './review-proxy.job'

export interface ReviewProxyServiceDeps {
  proxies: ReviewProxyRepository
  versions: Pick<ProductionRepositories['tasks'], 'findVersion'>
  /** The version as the caller may see it (NotFound when they may not): production's version read. */
  seeVersion(principal: Principal, versionId: string): Promise<{ kind: 'image' | 'video'; projectId: string }>
  queue: JobQueue
  storageRoot: string
}

/** The row as the API shows it. */
export function proxyView(p: ReviewProxyRecord): ReviewProxy {
  return {
    versionId: p.versionId,
    status: p.status,
    progress: p.progress,
    attempts: p.attempts,
    error: p.error,
    width: p.width,
    height: p.height,
    frameCount: p.frameCount,
    rate: p.rateNum !== null && p.rateDen !== null ? { num: p.rateNum, den: p.rateDen } : null,
    revision: p.revision,
    updatedAt: p.updatedAt,
  }
}

export function createReviewProxyService(deps: ReviewProxyServiceDeps) {
  const { proxies } = deps

  /** Queues the revision's job; its id makes a second enqueue of one revision a no-op. */
  async function enqueue(p: ReviewProxyRecord): Promise<void> {
    await enqueueJob(
      deps.queue,
      REVIEW_PROXY_JOB,
      { versionId: p.versionId, revision: p.revision },
      { jobId: proxyJobId(p.versionId, p.revision), attempts: PROXY_ATTEMPTS, backoff: PROXY_BACKOFF },
    )
  }

  /** A video version the caller may see; a still is refused with the reason. */
  async function visibleVideo(principal: Principal, versionId: string) {
    const version = await deps.seeVersion(principal, versionId)
    if (version.kind !== 'video')
      throw new RuleViolation('a still needs no proxy', { reason: 'still_needs_no_proxy', versionId })
    return version
  }

  /** On ingest: queues the first proxy of a video version; stills and versions with one are left as they are. */
  async function ensureFor(versionId: string): Promise<void> {
    const version = await deps.versions.findVersion(versionId)
    if (version?.kind !== 'video') return
    const { proxy, created } = await proxies.ensure(versionId, version.projectId)
    // A queued row whose enqueue was lost (a crash between the two) is queued again here; the
    // job id makes this a no-op when its job is there.
    if (created || proxy.status === 'queued') await enqueue(proxy)
  }

  const reader: ReviewProxyReader = {
    async get(versionId) {
      const p = await proxies.get(versionId)
      return p ? proxyView(p) : null
    },
    async file(versionId) {
      const p = await proxies.get(versionId)
      if (p?.status !== 'ready' || p.path === null) return null
      return { absolutePath: resolveInRoot(deps.storageRoot, p.path), sizeBytes: p.sizeBytes ?? 0 }
    },
  }

  return {
    reader,

    /** The proxy of a version the caller may see; NotFound while none was asked for. */
    async view(principal: Principal, versionId: string): Promise<ReviewProxy> {
      await visibleVideo(principal, versionId)
      const p = await proxies.get(versionId)
      if (!p) throw new NotFound('review proxy', versionId)
      return proxyView(p)
    },

    /**
     * Makes the proxy, or makes it again under the next revision when it is ready or failed;
     * one already queued or running is returned as it is (and its job queued again if lost).
     */
    async request(principal: Principal, versionId: string): Promise<ReviewProxy> {
      const version = await visibleVideo(principal, versionId)
      const { proxy, created } = await proxies.ensure(versionId, version.projectId)
      if (created || proxy.status === 'queued' || proxy.status === 'running') {
        await enqueue(proxy)
        return proxyView(proxy)
      }
      const next = await proxies.renew(versionId, proxy.revision)
      if (!next) {
        // A concurrent request made it again first; answer with that revision.
        const current = await proxies.get(versionId)
        if (!current) throw new NotFound('review proxy', versionId)
        return proxyView(current)
      }
      await enqueue(next)
      return proxyView(next)
    },

    ensureFor,

    /**
     * On start: queues the proxies of video versions that have none or whose queued job may be
     * lost (made before proxies existed, or an ingest that could not queue one); at most `limit`.
     */
    async ensureMissing(limit = 1000): Promise<number> {
      const ids = await proxies.videoVersionsToQueue(limit)
      for (const id of ids) await ensureFor(id)
      return ids.length
    },
  }
}
export type ReviewProxyService = ReturnType<typeof createReviewProxyService>
