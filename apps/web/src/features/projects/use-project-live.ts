// Keeps a project's cached data current: joins the `project:<id>` room and refetches what an
// event touches. Events carry ids only, so the browser re-reads through the contracts.
// A paste of 12 cells arrives as 12 `shot:update` events; refetches are coalesced.
import type { ProductionEventName } from '@aipipeline/contracts'
import { useQueryClient } from '@tanstack/react-query'
import { throttle } from 'es-toolkit'
import { useEffect } from 'react'
import { useApi, useSession } from '../../api/api-context'
import { onServerEvent, openRealtime } from '../../api/realtime'
import { projectKeys } from './project-queries'

const TABLE_EVENTS: ProductionEventName[] = [
  'shot:new',
  'shot:update',
  'shot:reorder',
  'task:assign',
  'task:update',
  'task:status-changed',
  'version:new',
]
/** Configuration the project view and the table's columns, pickers and board are drawn from. */
const CONFIG_EVENTS: ProductionEventName[] = [
  'status:new',
  'status:update',
  'status:delete',
  'task-type:new',
  'task-type:update',
  'task-type:delete',
  'custom-field:new',
  'custom-field:update',
  'custom-field:delete',
]
/** The breakdown also gives the table its sequence codes. */
const BREAKDOWN_EVENTS: ProductionEventName[] = [
  'sequence:new',
  'sequence:update',
  'character:new',
  'character:update',
  'character:delete',
  'asset:new',
  'asset:update',
  'asset:delete',
]
const MEMBER_EVENTS = ['member:new', 'member:update', 'member:remove'] as const
const DELAY_MS = 250

/** Subscribes to the project's room while mounted. */
export function useProjectLive(projectId: string): void {
  const api = useApi()
  const userId = useSession()?.user.id
  const queryClient = useQueryClient()

  useEffect(() => {
    if (userId === undefined) return
    // The app's shared socket offers no room joins to features, so the project view holds its own.
    const socket = openRealtime(api, () => {})
    socket.on('connect', () => {
      socket.emit('room:join', { room: `project:${projectId}` }, () => {})
    })
    // A burst of events refetches each query once, DELAY_MS after the first event of the burst.
    const pending = new Map<string, readonly string[]>()
    const flush = throttle(
      () => {
        for (const queryKey of pending.values()) void queryClient.invalidateQueries({ queryKey })
        pending.clear()
      },
      DELAY_MS,
      { edges: ['trailing'] },
    )
    const refetch = (key: readonly string[]) => {
      pending.set(key.join('\u0000'), key)
      flush()
    }
    const offs = [
      // Board cards show each task's newest version, and which tasks a client or vendor sees
      // moves with statuses and assignments, so the same events re-read it.
      ...TABLE_EVENTS.map((name) =>
        onServerEvent(socket, name, () => {
          refetch(projectKeys.table(projectId))
          refetch(projectKeys.latestVersions(projectId))
        }),
      ),
      onServerEvent(socket, 'shot:update', (e) => {
        for (const id of e.shotIds) refetch(projectKeys.shot(id))
      }),
      onServerEvent(socket, 'task:status-changed', (e) => refetch(projectKeys.task(e.taskId))),
      onServerEvent(socket, 'comment:new', (e) => {
        refetch(projectKeys.task(e.taskId))
        refetch(projectKeys.activity(projectId, e.shotId))
      }),
      onServerEvent(socket, 'version:new', (e) => refetch(projectKeys.task(e.taskId))),
      onServerEvent(socket, 'project:update', () => refetch(projectKeys.project(projectId))),
      // A deleted task type takes its tasks with it, and a renamed status or field changes cells.
      ...CONFIG_EVENTS.map((name) =>
        onServerEvent(socket, name, () => {
          refetch(projectKeys.project(projectId))
          refetch(projectKeys.table(projectId))
        }),
      ),
      ...BREAKDOWN_EVENTS.map((name) => onServerEvent(socket, name, () => refetch(projectKeys.breakdown(projectId)))),
      // Assignee pickers list the team; a change to my own role changes what the project lets me do.
      ...MEMBER_EVENTS.map((name) =>
        onServerEvent(socket, name, (e) => {
          refetch(projectKeys.members(projectId))
          if (e.userId === userId) refetch(projectKeys.project(projectId))
        }),
      ),
    ]
    return () => {
      for (const off of offs) off()
      flush.cancel()
      socket.disconnect()
    }
  }, [api, userId, projectId, queryClient])
}
