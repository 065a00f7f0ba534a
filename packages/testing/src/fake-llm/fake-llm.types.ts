// The script language of the fake LLM server: what a request looks like to a rule, and what
// the fake answers (a text, a JSON value, or a fault in the provider's real error shape).

export type FakeWire = 'openai' | 'anthropic' | 'ollama'

/** Chat (completions, messages, /api/chat) or embeddings (/v1/embeddings, /api/embed). */
export type FakeEndpoint = 'chat' | 'embed'

/** A request as the fake saw it, normalised across wire formats. */
export interface FakeLlmRequest {
  wire: FakeWire
  endpoint: FakeEndpoint
  path: string
  model: string
  headers: Record<string, string>
  body: unknown
  /** Every text part of every message (and the system prompt), joined by newlines. */
  promptText: string
  /** Texts to embed, in order (embeddings requests only; empty for chat). */
  inputs: string[]
  /** The client asked for JSON (json_schema / json_object, Anthropic json tool or output format, Ollama format). */
  wantsJson: boolean
  stream: boolean
}

export interface FakeUsage {
  input: number
  output: number
}

export type FakeFault =
  /** 429 with Retry-After (seconds) in the provider's rate-limit shape. */
  | { type: 'rate-limit'; retryAfterSeconds?: number }
  /** 5xx in the provider's shape (Anthropic 529 = overloaded). */
  | { type: 'server-error'; status?: number }
  /** Never answers; the connection stays open until the client gives up or the fake closes. */
  | { type: 'hang' }
  /** HTTP 200 whose JSON body is cut off halfway. */
  | { type: 'truncated-body' }
  /** 400 context-length error in the provider's real wording. */
  | { type: 'context-length'; limit?: number }
  /** 401; `echoKey` puts the presented key in the message, as a careless provider might. */
  | { type: 'auth'; echoKey?: boolean }
  /** 400 content-policy refusal. */
  | { type: 'content-policy' }

export type FakeLlmReply =
  | { kind: 'text'; text: string; usage?: FakeUsage; delayMs?: number }
  /** A JSON value as the model's answer (tool_use input for Anthropic's json tool). */
  | { kind: 'json'; value: unknown; usage?: FakeUsage; delayMs?: number }
  /** Raw model text meant as JSON, e.g. '{"scenes": [' to test invalid output. */
  | { kind: 'raw'; text: string; usage?: FakeUsage; delayMs?: number }
  | { kind: 'fault'; fault: FakeFault; delayMs?: number }
  /**
   * Vectors for an embeddings request: `vectors` as given, else the deterministic
   * `fakeEmbedding` of each input. Any other non-fault reply to an embeddings request is
   * answered with the deterministic vectors too.
   */
  | { kind: 'embeddings'; vectors?: number[][]; usage?: FakeUsage; delayMs?: number }

export interface FakeLlmRule {
  /** Which requests this rule answers; all when omitted. */
  match?: (request: FakeLlmRequest) => boolean
  reply: FakeLlmReply | ((request: FakeLlmRequest) => FakeLlmReply)
  /** How many requests the rule answers before it retires; unlimited when omitted. */
  times?: number
}

export interface OllamaTag {
  name: string
  sizeBytes?: number
  parameterSize?: string
}
