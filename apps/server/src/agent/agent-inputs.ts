// A GPU agent fetching a render's input file from the studio by its hash, to place it in its
// ComfyUI's input folder itself (hosts the studio cannot reach). The token goes in
// AGENT_TOKEN_HEADER only; the bytes are checked against the hash they were asked by.
import { createHash } from 'node:crypto'
import { AGENT_TOKEN_HEADER, AgentRenderInput, ErrorBody } from '@aipipeline/contracts'
import type { AgentOptions } from './agent-heartbeat'

export interface FetchedInput {
  fileName: string
  mediaType: string
  data: Buffer
}

/** Fetches an input file by sha256; throws with the studio's message, or when the bytes do not match. */
export async function fetchRenderInput(
  opts: Pick<AgentOptions, 'serverUrl' | 'token'>,
  sha256: string,
): Promise<FetchedInput> {
  const url = `${opts.serverUrl.replace(/\/+$/, '')}/api/farm/agent/render-inputs/${encodeURIComponent(sha256)}`
  const res = await fetch(url, { headers: { [AGENT_TOKEN_HEADER]: opts.token }, signal: AbortSignal.timeout(120_000) })
  const json: unknown = await res.json().catch(() => undefined)
  if (!res.ok) {
    const body = ErrorBody.safeParse(json)
    throw new Error(
      `the studio refused input ${sha256}: ${body.success ? body.data.error.message : `HTTP ${res.status}`}`,
    )
  }
  const input = AgentRenderInput.parse(json)
  const data = Buffer.from(input.contentBase64, 'base64')
  if (createHash('sha256').update(data).digest('hex') !== sha256) {
    throw new Error(`input ${sha256} arrived damaged (its bytes have another hash)`)
  }
  return { fileName: input.fileName, mediaType: input.mediaType, data }
}
