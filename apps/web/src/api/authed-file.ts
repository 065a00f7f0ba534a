// Render outputs, version files and spreadsheet exports need the bearer token, which <img src>
// and plain links cannot send: fetch them with it and hand out blob URLs, revoked when the
// component goes away.
import { admitsGuests, type RouteContract } from '@aipipeline/contracts'
import { useEffect, useState } from 'react'
import type { ApiClient } from './api-client'
import { useApi } from './api-context'

/**
 * Revokes a blob URL once whatever still reads it is done. Revoking at once, while an image
 * element or the grid's image loader is still fetching it (a page left mid-load, say), makes
 * the browser log a failed load; a short delay costs only memory already about to be freed.
 */
export function revokeLater(url: string, afterMs = 10_000): void {
  setTimeout(() => URL.revokeObjectURL(url), afterMs)
}

/**
 * Fetches `path` with the session's token, refreshing it once on a 401. With the `route` it
 * is a path of, a review guest's token goes to routes that admit guests (and their link is
 * exchanged again on a 401), as for every other call (see ApiClient.accessToken).
 */
export async function fetchAuthed(api: ApiClient, path: string, route?: RouteContract): Promise<Blob> {
  const guest = route !== undefined && admitsGuests(route) && api.guests.current() !== null
  const token = () => (guest ? api.accessToken(route) : api.getSession()?.accessToken) ?? ''
  const get = (bearer: string) => fetch(path, { headers: { authorization: `Bearer ${bearer}` } })
  const sent = token()
  let res = await get(sent)
  if (res.status === 401 && (guest ? await api.guests.renew(sent) : await api.refreshSession()))
    res = await get(token())
  if (!res.ok) throw new Error(`HTTP ${res.status}`)
  return res.blob()
}

/** A blob URL for an authenticated file, or null while loading or when it failed. */
export function useAuthedFileUrl(path: string | null, route?: RouteContract): string | null {
  const api = useApi()
  const [url, setUrl] = useState<string | null>(null)
  useEffect(() => {
    if (path === null) return
    let objectUrl: string | null = null
    let cancelled = false
    fetchAuthed(api, path, route).then(
      (blob) => {
        if (cancelled) return
        objectUrl = URL.createObjectURL(blob)
        setUrl(objectUrl)
      },
      () => setUrl(null),
    )
    return () => {
      cancelled = true
      if (objectUrl) revokeLater(objectUrl)
      setUrl(null)
    }
  }, [api, path, route])
  return url
}

/** Saves an authenticated file through a temporary link. */
export async function downloadAuthed(api: ApiClient, path: string, filename: string): Promise<void> {
  const url = URL.createObjectURL(await fetchAuthed(api, path))
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  link.click()
  revokeLater(url)
}
