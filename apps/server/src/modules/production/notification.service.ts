// Notifications: stored per user, pushed live on `user:<id>` as `notification:new`.
import type { NotificationRecord } from '@aipipeline/db'
import type { Principal } from '../auth'
import type { ProductionContext } from './production-context'

function view(n: NotificationRecord) {
  const kind = n.kind === 'mention' || n.kind === 'assignment' ? n.kind : 'comment'
  return {
    id: n.id,
    projectId: n.projectId,
    kind,
    actorId: n.actorId,
    taskId: n.taskId,
    commentId: n.commentId,
    read: n.read,
    createdAt: n.createdAt,
  } as const
}

export function createNotificationService(ctx: Pick<ProductionContext, 'repos' | 'emit'>) {
  return {
    /** Sends stored notifications to their users' rooms (after the transaction commits). */
    push(records: readonly NotificationRecord[]): void {
      for (const n of records) ctx.emit(`user:${n.userId}`, 'notification:new', view(n))
    },

    async list(principal: Principal, unreadOnly: boolean) {
      return { items: (await ctx.repos.activity.notifications(principal.userId, unreadOnly, 200)).map(view) }
    },

    async markRead(principal: Principal, ids: readonly string[]): Promise<void> {
      await ctx.repos.activity.markRead(principal.userId, ids)
    },
  }
}
export type NotificationService = ReturnType<typeof createNotificationService>
