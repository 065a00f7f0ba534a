/** Canonical form of a backend URL: URL lower-cases scheme and host; we drop the trailing slash and query. */
export function normaliseBackendUrl(raw: string): string {
  const u = new URL(raw)
  return `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, '')}`
}
