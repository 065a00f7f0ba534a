// The text entries a ComfyUI save node writes into a file, turned into the workflow they carry.
// SaveImage writes `prompt` and `workflow` (PNG text chunks); SaveAnimatedWEBP writes
// "prompt:{…}" / "workflow:{…}" EXIF strings; SaveVideo writes `prompt` / `workflow` MP4 tags;
// VideoHelperSuite writes one `comment` tag holding `{"prompt": "<json>", "workflow": {…}}`.

/** What a file carries: the API prompt and/or the UI workflow, as parsed JSON. */
export interface EmbeddedWorkflow {
  prompt?: unknown
  workflow?: unknown
}

/** A file that cannot be read as a workflow (HTTP 400 with this message). */
export class UnreadableWorkflowFile extends Error {}

/** Parses JSON; a JSON string holding JSON (VHS's `prompt`) is parsed once more. */
function json(text: string, what: string): unknown {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new UnreadableWorkflowFile(`${what} is not valid JSON`)
  }
  if (typeof value === 'string') {
    try {
      return JSON.parse(value)
    } catch {
      return value
    }
  }
  return value
}

/** Reads `key → text` entries (keys case-insensitive) into the prompt and workflow they hold. */
export function workflowFromTexts(entries: ReadonlyArray<readonly [string, string]>, where: string): EmbeddedWorkflow {
  const found: EmbeddedWorkflow = {}
  for (const [rawKey, text] of entries) {
    const key = rawKey.toLowerCase()
    if (key === 'prompt' && found.prompt === undefined) found.prompt = json(text, `the ${where} "prompt" entry`)
    else if (key === 'workflow' && found.workflow === undefined)
      found.workflow = json(text, `the ${where} "workflow" entry`)
    else if (key === 'comment' && text.trimStart().startsWith('{')) {
      const inner = json(text, `the ${where} "comment" entry`)
      if (typeof inner !== 'object' || inner === null || Array.isArray(inner)) continue
      if ('prompt' in inner && found.prompt === undefined) found.prompt = json(JSON.stringify(inner.prompt), 'prompt')
      if ('workflow' in inner && found.workflow === undefined)
        found.workflow = json(JSON.stringify(inner.workflow), 'workflow')
    }
  }
  return found
}

/** `"prompt:{…}"` / `"Workflow:{…}"` strings (ComfyUI's WebP EXIF) as key/text entries. */
export function prefixedEntries(texts: readonly string[]): Array<[string, string]> {
  const out: Array<[string, string]> = []
  for (const text of texts) {
    const match = /^\s*(prompt|workflow)\s*:/i.exec(text)
    if (match?.[1] !== undefined) out.push([match[1], text.slice(match[0].length)])
  }
  return out
}
