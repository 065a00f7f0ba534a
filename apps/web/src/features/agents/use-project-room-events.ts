// Live events of a set of projects: project events go to `project:<id>` rooms, which the
// app's shared socket does not join, so the page holds its own socket (as the Farm page
// does) and joins each project's room while mounted. Payloads are parsed with their contract.
import type { ServerEvent, ServerEventName } from '@aipipeline/contracts'
import { useEffect, useRef } from 'react'
import { useApi, useSession } from '../../api/api-context'
import { onServerEvent, openRealtime } from '../../api/realtime'

type Handlers = { [N in ServerEventName]?: (event: ServerEvent<N>) => void }

/** Calls the handler of each named event sent to any of `projectIds`' rooms. */
export function useProjectRoomEvents(projectIds: readonly string[], handlers: Handlers): void {
  const api = useApi()
  const userId = useSession()?.user.id
  const latest = useRef(handlers)
  latest.current = handlers
  // Joined rooms change only when the set of ids does, not on every render's new array.
  const roomsKey = [...new Set(projectIds)].sort().join(',')
  const names = Object.keys(handlers).sort().join(',')

  useEffect(() => {
    if (userId === undefined || roomsKey === '') return
    const socket = openRealtime(api, () => {})
    socket.on('connect', () => {
      for (const id of roomsKey.split(',')) socket.emit('room:join', { room: `project:${id}` }, () => {})
    })
    const offs = names.split(',').flatMap((name) => subscribe(socket, name, latest))
    return () => {
      for (const off of offs) off()
      socket.disconnect()
    }
  }, [api, userId, roomsKey, names])
}

function subscribe(
  socket: Parameters<typeof onServerEvent>[0],
  name: string,
  latest: { current: Handlers },
): (() => void)[] {
  switch (name) {
    case 'agent-run:update':
      return [onServerEvent(socket, name, (e) => latest.current[name]?.(e))]
    case 'agent-step:update':
      return [onServerEvent(socket, name, (e) => latest.current[name]?.(e))]
    case 'llm:budget-alert':
      return [onServerEvent(socket, name, (e) => latest.current[name]?.(e))]
    default:
      return []
  }
}
