// Bounds on how deeply JSON may nest. Schemas, serialisers and database drivers all walk values
// recursively, so a 20,000-level body overflows the stack wherever it lands first. Every JSON
// body (and every JSON text inside one) is measured here, without recursion, before anything
// else reads it.

/**
 * Deepest nesting accepted anywhere: far above what the product's own documents use (a
 * ComfyUI UI workflow with nested subgraphs is ~15 levels), far below what breaks a stack.
 */
export const MAX_JSON_DEPTH = 64

/** Segments of the offending path reported: enough to name the field, short enough to read. */
const REPORTED_SEGMENTS = 6

export interface JsonDepthViolation {
  /** Dotted path of the value that went past the limit, cut to its first segments. */
  path: string
  maxDepth: number
}

/**
 * The first place where `value` nests deeper than `maxDepth` containers (objects or arrays),
 * or null when it fits. A top-level scalar has depth 0, `{}` and `[]` depth 1.
 */
export function findJsonDepthViolation(value: unknown, maxDepth = MAX_JSON_DEPTH): JsonDepthViolation | null {
  const stack: { value: unknown; depth: number; path: string[] }[] = [{ value, depth: 0, path: [] }]
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    if (typeof top.value !== 'object' || top.value === null) continue
    const depth = top.depth + 1
    if (depth > maxDepth) return { path: top.path.join('.'), maxDepth }
    const entries = Array.isArray(top.value)
      ? top.value.map((v, i): [string, unknown] => [String(i), v])
      : Object.entries(top.value)
    // Paths are only built for the first segments: a 20,000-level path would be its own DoS.
    for (const [key, child] of entries) {
      const path = top.path.length < REPORTED_SEGMENTS ? [...top.path, key] : top.path
      stack.push({ value: child, depth, path })
    }
  }
  return null
}

const OPEN_BRACE = 0x7b
const OPEN_BRACKET = 0x5b
const CLOSE_BRACE = 0x7d
const CLOSE_BRACKET = 0x5d
const QUOTE = 0x22
const BACKSLASH = 0x5c

/**
 * How deeply the containers of a JSON text nest, read from the text alone (brackets inside
 * strings do not count). For valid JSON this equals the parsed value's depth; it costs one pass
 * over the characters and allocates nothing, where walking a parsed 1 MB workflow allocates
 * its whole shape again, so large bodies are checked here first and walked only when too deep.
 */
export function jsonTextDepth(text: string): number {
  let depth = 0
  let deepest = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === BACKSLASH) i++
      else if (c === QUOTE) inString = false
    } else if (c === QUOTE) inString = true
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++
      if (depth > deepest) deepest = depth
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--
  }
  return deepest
}

/**
 * `findJsonDepthViolation` for a value parsed from `text`: the text is measured first, and the
 * value walked (to name the path) only when it is too deep.
 */
export function findJsonTextDepthViolation(
  text: string,
  value: unknown,
  maxDepth = MAX_JSON_DEPTH,
): JsonDepthViolation | null {
  return jsonTextDepth(text) <= maxDepth ? null : findJsonDepthViolation(value, maxDepth)
}

export type BoundedJsonResult =
  | { ok: true; value: unknown }
  | { ok: false; reason: 'syntax'; message: string }
  | {
      ok: false
      reason: 'too-deep'
      violation: JsonDepthViolation
    }

/** JSON.parse followed by the depth bound; for JSON that arrives as text inside a request or file. */
export function parseBoundedJson(text: string, maxDepth = MAX_JSON_DEPTH): BoundedJsonResult {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (err) {
    return { ok: false, reason: 'syntax', message: err instanceof Error ? err.message : String(err) }
  }
  const violation = findJsonTextDepthViolation(text, value, maxDepth)
  return violation ? { ok: false, reason: 'too-deep', violation } : { ok: true, value }
}
