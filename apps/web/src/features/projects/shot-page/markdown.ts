// The small markdown subset comments use (paragraphs, headings, lists, bold, italic, code,
// links, mentions), parsed to plain data so the view renders React elements: no HTML string
// ever reaches the page, so comment text cannot inject markup.

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong' | 'em' | 'code' | 'mention'; text: string }
  | { kind: 'link'; text: string; href: string }

export type Block =
  | { kind: 'paragraph'; lines: Inline[][] }
  | { kind: 'heading'; level: 1 | 2 | 3; inline: Inline[] }
  | { kind: 'list'; items: Inline[][] }

const INLINE = /(\*\*[^*]+\*\*)|(\*[^*\s][^*]*\*)|(`[^`]+`)|(\[[^\]]+\]\([^)\s]+\))|(@[\p{L}\p{N}_.-]+)/gu

/** Parses inline markup in one line. */
export function parseInline(line: string): Inline[] {
  const out: Inline[] = []
  let last = 0
  for (const m of line.matchAll(INLINE)) {
    const at = m.index ?? 0
    // A mention needs a boundary before it, as on the server.
    if (m[5] && at > 0 && !/[\s(]/.test(line[at - 1] ?? '')) continue
    if (at > last) out.push({ kind: 'text', text: line.slice(last, at) })
    const token = m[0]
    if (m[1]) out.push({ kind: 'strong', text: token.slice(2, -2) })
    else if (m[2]) out.push({ kind: 'em', text: token.slice(1, -1) })
    else if (m[3]) out.push({ kind: 'code', text: token.slice(1, -1) })
    else if (m[4]) {
      const split = token.indexOf('](')
      const href = token.slice(split + 2, -1)
      const text = token.slice(1, split)
      // Only web links: a javascript: or data: URL in a comment must never become clickable.
      out.push(/^https?:\/\//i.test(href) ? { kind: 'link', text, href } : { kind: 'text', text: token })
    } else out.push({ kind: 'mention', text: token })
    last = at + token.length
  }
  if (last < line.length) out.push({ kind: 'text', text: line.slice(last) })
  return out
}

/** Parses comment text into blocks. */
export function parseMarkdown(text: string): Block[] {
  const blocks: Block[] = []
  let paragraph: Inline[][] = []
  let list: Inline[][] = []
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', lines: paragraph })
    if (list.length) blocks.push({ kind: 'list', items: list })
    paragraph = []
    list = []
  }
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd()
    const heading = /^(#{1,3})\s+(.*)$/.exec(line)
    const item = /^\s*[-*]\s+(.*)$/.exec(line)
    if (line.trim() === '') flush()
    else if (heading) {
      flush()
      const level = Math.min(3, heading[1]?.length ?? 1)
      blocks.push({
        kind: 'heading',
        level: level === 1 ? 1 : level === 2 ? 2 : 3,
        inline: parseInline(heading[2] ?? ''),
      })
    } else if (item) {
      if (paragraph.length) flush()
      list.push(parseInline(item[1] ?? ''))
    } else {
      if (list.length) flush()
      paragraph.push(parseInline(line))
    }
  }
  flush()
  return blocks
}
