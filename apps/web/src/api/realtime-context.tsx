// React access to the realtime socket: one connection per signed-in session, its status for
// the header indicator, and a hook to listen to a contract event.
import type { ServerEvent, ServerEventName } from '@aipipeline/contracts'
import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from 'react'
import type { Socket } from 'socket.io-client'
import { useApi, useGuest, useSession } from './api-context'
import { onServerEvent, openRealtime, type RealtimeStatus } from './realtime'

interface RealtimeValue {
  socket: Socket | null
  status: RealtimeStatus
}

const RealtimeContext = createContext<RealtimeValue>({ socket: null, status: 'disconnected' })

/** Keeps a socket open while someone is signed in, or a review guest is in this tab. */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const api = useApi()
  const guest = useGuest().state
  const signedIn = useSession()?.user.id
  // A guest's socket is the guest's even when the tab also holds a signed-in session.
  const userId = guest !== null ? `guest:${guest.session.playlistId}` : signedIn
  const [value, setValue] = useState<RealtimeValue>({ socket: null, status: 'disconnected' })

  useEffect(() => {
    if (userId === undefined) return
    let socket: Socket | null = null
    socket = openRealtime(api, (status) => setValue({ socket, status }))
    return () => {
      socket?.disconnect()
      setValue({ socket: null, status: 'disconnected' })
    }
  }, [api, userId])

  return <RealtimeContext.Provider value={value}>{children}</RealtimeContext.Provider>
}

/** Connection state of the realtime socket. */
export function useRealtimeStatus(): RealtimeStatus {
  return useContext(RealtimeContext).status
}

/** Calls `handler` for each valid `name` event while mounted; the latest handler is used. */
export function useServerEvent<N extends ServerEventName>(name: N, handler: (event: ServerEvent<N>) => void): void {
  const socket = useContext(RealtimeContext).socket
  const latest = useRef(handler)
  latest.current = handler
  useEffect(() => {
    if (!socket) return
    return onServerEvent(socket, name, (event) => latest.current(event))
  }, [socket, name])
}

/** The open socket (null while signed out or before it opens), for client events with acks. */
export function useRealtimeSocket(): Socket | null {
  return useContext(RealtimeContext).socket
}
