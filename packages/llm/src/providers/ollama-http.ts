// One POST to Ollama's native API, shared by the chat and embedding models: network failures
// and error statuses become APICallErrors (so the router classifies them like any provider's),
// and the body is parsed with zod, never trusted.
import { APICallError } from 'ai'
import { z } from 'zod'

export interface OllamaHttpSettings {
  /** Ollama server root, e.g. http://127.0.0.1:11434 (no /api suffix). */
  baseUrl: string
  fetch?: typeof fetch
}

export function headersOf(response: Response): Record<string, string> {
  return Object.fromEntries(response.headers.entries())
}

export function safeJson(text: string): unknown {
  try {
    const value: unknown = JSON.parse(text)
    return value
  } catch {
    return undefined
  }
}

/** POSTs `body` to `path` (e.g. /api/chat) and returns the parsed answer with its headers. */
export async function postOllama<T>(
  settings: OllamaHttpSettings,
  path: string,
  body: Record<string, unknown>,
  schema: z.ZodType<T>,
  abortSignal: AbortSignal | undefined,
): Promise<{ data: T; headers: Record<string, string> }> {
  const url = `${settings.baseUrl.replace(/\/$/, '')}${path}`
  const doFetch = settings.fetch ?? fetch
  let response: Response
  try {
    response = await doFetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      ...(abortSignal ? { signal: abortSignal } : {}),
    })
  } catch (cause) {
    if (cause instanceof Error && cause.name === 'AbortError') throw cause
    throw new APICallError({
      message: 'cannot reach the Ollama server',
      url,
      requestBodyValues: body,
      cause,
      isRetryable: true,
    })
  }
  const text = await response.text()
  if (!response.ok) {
    const parsed = z.object({ error: z.string() }).safeParse(safeJson(text))
    throw new APICallError({
      message: parsed.success ? parsed.data.error : `Ollama answered HTTP ${response.status}`,
      url,
      requestBodyValues: body,
      statusCode: response.status,
      responseHeaders: headersOf(response),
      responseBody: text,
      isRetryable: response.status === 429 || response.status >= 500,
    })
  }
  const parsed = schema.safeParse(safeJson(text))
  if (!parsed.success) {
    throw new APICallError({
      message: 'Ollama answered with an unexpected body',
      url,
      requestBodyValues: body,
      statusCode: response.status,
      responseBody: text,
      isRetryable: true,
    })
  }
  return { data: parsed.data, headers: headersOf(response) }
}
