// Token estimates without a tokenizer. They only decide whether a prompt fits a context
// window and what a call may cost, so they err high: BPE tokenizers average ~4 characters
// per token on English prose; we assume 3.5. Hangul, kana and CJK ideographs usually take
// one or more tokens per character, so each counts as one.
import type { ModelMessage } from 'ai'

/** Fixed cost of one message's role and separators in chat formats. */
export const MESSAGE_OVERHEAD_TOKENS = 4
/** A high-detail image on OpenAI is ~765 tokens and on Anthropic up to ~1,600; take the larger. */
export const IMAGE_TOKENS = 1_600

const WIDE_CHAR = /[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/u

/** Estimated tokens of a text (never below the true count for typical prose, by design). */
export function estimateTextTokens(text: string): number {
  if (text.length === 0) return 0
  let wide = 0
  let narrow = 0
  for (const ch of text) {
    if (WIDE_CHAR.test(ch)) wide += 1
    else narrow += 1
  }
  return wide + Math.ceil(narrow / 3.5)
}

export type ContextPartKind = 'system' | 'text' | 'image' | 'file' | 'tool' | 'schema'

export interface ContextPart {
  /** Index of the message the part belongs to; -1 for the system prompt and output schema. */
  messageIndex: number
  role: 'system' | 'user' | 'assistant' | 'tool' | 'schema'
  kind: ContextPartKind
  tokens: number
  /** The first characters of text parts, for the inspector's table. */
  preview: string
}

export interface ContextReport {
  totalTokens: number
  parts: ContextPart[]
}

function preview(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text
}

function partsOfMessage(message: ModelMessage, index: number): ContextPart[] {
  const role = message.role
  if (typeof message.content === 'string') {
    const kind = role === 'system' ? 'system' : 'text'
    return [
      {
        messageIndex: index,
        role,
        kind,
        tokens: estimateTextTokens(message.content),
        preview: preview(message.content),
      },
    ]
  }
  return message.content.map((part): ContextPart => {
    switch (part.type) {
      case 'text':
      case 'reasoning':
        return {
          messageIndex: index,
          role,
          kind: 'text',
          tokens: estimateTextTokens(part.text),
          preview: preview(part.text),
        }
      case 'image':
        return { messageIndex: index, role, kind: 'image', tokens: IMAGE_TOKENS, preview: '[image]' }
      case 'file':
        return { messageIndex: index, role, kind: 'file', tokens: IMAGE_TOKENS, preview: `[file ${part.mediaType}]` }
      default: {
        const json = JSON.stringify(part)
        return { messageIndex: index, role, kind: 'tool', tokens: estimateTextTokens(json), preview: preview(json) }
      }
    }
  })
}

/** Tokens per part of a prompt: system prompt, each message part and the output schema. */
export function inspectContext(
  messages: readonly ModelMessage[],
  extra: { system?: string | undefined; schema?: unknown } = {},
): ContextReport {
  const parts: ContextPart[] = []
  if (extra.system !== undefined && extra.system.length > 0) {
    parts.push({
      messageIndex: -1,
      role: 'system',
      kind: 'system',
      tokens: estimateTextTokens(extra.system) + MESSAGE_OVERHEAD_TOKENS,
      preview: preview(extra.system),
    })
  }
  messages.forEach((message, index) => {
    const own = partsOfMessage(message, index)
    const first = own[0]
    if (first) first.tokens += MESSAGE_OVERHEAD_TOKENS
    parts.push(...own)
  })
  if (extra.schema !== undefined) {
    const json = JSON.stringify(extra.schema)
    parts.push({
      messageIndex: -1,
      role: 'schema',
      kind: 'schema',
      tokens: estimateTextTokens(json),
      preview: preview(json),
    })
  }
  return { totalTokens: parts.reduce((sum, p) => sum + p.tokens, 0), parts }
}
