// A signed-in API caller for browser tests: sets up what the browser then shows, and checks
// what it did, against the studio's own HTTP API.
import { z } from 'zod'

export interface StudioApi {
  get(path: string): Promise<unknown>
  post(path: string, body: unknown): Promise<unknown>
}

/** Signs in as a demo user (password `demo`) and answers the access token. */
export async function demoAccessToken(url: string, email: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'demo' }),
  })
  return z.object({ accessToken: z.string() }).parse(await res.json()).accessToken
}

/** Signs in as a demo user (password `demo`) and returns a caller that throws on any non-2xx. */
export async function apiAs(url: string, email: string): Promise<StudioApi> {
  const accessToken = await demoAccessToken(url, email)
  const send = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const r = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${accessToken}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`)
    return r.json()
  }
  return { get: (path) => send('GET', path), post: (path, body) => send('POST', path, body) }
}

/** The id of a demo project by its code (the seeded film is `LIGHT`). */
export async function projectIdOf(api: StudioApi, code = 'LIGHT'): Promise<string> {
  const projects = z
    .object({ items: z.array(z.object({ id: z.string(), code: z.string() })) })
    .parse(await api.get('/api/projects'))
  const id = projects.items.find((p) => p.code === code)?.id
  if (!id) throw new Error(`no project ${code}`)
  return id
}
