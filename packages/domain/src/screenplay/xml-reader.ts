// A small, tolerant XML reader for Final Draft files: elements, attributes, text, CDATA and
// entities. Unclosed elements close at their parent's end and stray closing tags are
// ignored, so a damaged file still yields what can be read. No DTDs, no namespaces.
import { DomainError } from '../errors/domain-error'

/** Final Draft nests ~8 elements deep; the readers below recurse, so depth is bounded here. */
export const MAX_XML_DEPTH = 64

/** Markup nested deeper than MAX_XML_DEPTH elements (HTTP 400); `path` names the field it came in. */
export class XmlTooDeep extends DomainError {
  readonly code = 'xml_too_deep'
  readonly issues: { path: string; message: string }[]
  constructor(
    readonly maxDepth: number,
    path = 'text',
  ) {
    const message = `markup nested more than ${maxDepth} elements deep`
    super(`invalid request: ${path}: ${message}`, { path, maxDepth })
    this.issues = [{ path, message }]
  }
}

export interface XmlElement {
  name: string
  attrs: Record<string, string>
  children: XmlNode[]
}
export type XmlNode = XmlElement | string

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }

/** Decodes XML entities; unknown ones stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code =
        body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10)
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    return NAMED[body] ?? whole
  })
}

const ATTR = /([A-Za-z_:][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>/]+))/g

function parseAttrs(text: string): Record<string, string> {
  const attrs: Record<string, string> = {}
  for (const m of text.matchAll(ATTR)) {
    if (m[1] !== undefined) attrs[m[1]] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '')
  }
  return attrs
}

/** Skips a construct that ends with `close`; returns the index after it (end of input if unclosed). */
function skipPast(xml: string, from: number, close: string): number {
  const end = xml.indexOf(close, from)
  return end < 0 ? xml.length : end + close.length
}

/**
 * Parses XML into a synthetic root element named "#document". Damage never throws; nesting
 * deeper than `maxDepth` elements throws XmlTooDeep.
 */
export function readXml(xml: string, maxDepth = MAX_XML_DEPTH): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [] }
  const stack: XmlElement[] = [root]
  const top = () => stack[stack.length - 1] ?? root
  let i = 0
  while (i < xml.length) {
    const lt = xml.indexOf('<', i)
    const textEnd = lt < 0 ? xml.length : lt
    if (textEnd > i) top().children.push(decodeEntities(xml.slice(i, textEnd)))
    if (lt < 0) break
    if (xml.startsWith('<!--', lt)) i = skipPast(xml, lt + 4, '-->')
    else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9)
      top().children.push(xml.slice(lt + 9, end < 0 ? xml.length : end))
      i = end < 0 ? xml.length : end + 3
    } else if (xml.startsWith('<?', lt)) i = skipPast(xml, lt + 2, '?>')
    else if (xml.startsWith('<!', lt)) i = skipPast(xml, lt + 2, '>')
    else if (xml.startsWith('</', lt)) {
      const gt = xml.indexOf('>', lt)
      const name = xml.slice(lt + 2, gt < 0 ? xml.length : gt).trim()
      const at = stack.map((e) => e.name).lastIndexOf(name)
      if (at > 0) stack.length = at // pops the element and anything left unclosed inside it
      i = gt < 0 ? xml.length : gt + 1
    } else {
      const gt = xml.indexOf('>', lt)
      const body = xml.slice(lt + 1, gt < 0 ? xml.length : gt)
      const name = /^[^\s/>]+/.exec(body)?.[0]
      if (name === undefined) {
        top().children.push('<') // a lone "<" in text
        i = lt + 1
        continue
      }
      const element: XmlElement = { name, attrs: parseAttrs(body.slice(name.length)), children: [] }
      top().children.push(element)
      if (!body.endsWith('/')) {
        // The stack holds the synthetic root too, so its length is the new element's depth.
        if (stack.length > maxDepth) throw new XmlTooDeep(maxDepth)
        stack.push(element)
      }
      i = gt < 0 ? xml.length : gt + 1
    }
  }
  return root
}

/** Child elements with a given name. */
export function childElements(element: XmlElement, name?: string): XmlElement[] {
  return element.children.filter(
    (c): c is XmlElement => typeof c !== 'string' && (name === undefined || c.name === name),
  )
}

/** The first descendant element with a given name, depth first. */
export function findElement(element: XmlElement, name: string): XmlElement | undefined {
  for (const child of childElements(element)) {
    if (child.name === name) return child
    const found = findElement(child, name)
    if (found !== undefined) return found
  }
  return undefined
}

/** All text inside an element, in document order. */
export function textContent(node: XmlNode): string {
  return typeof node === 'string' ? node : node.children.map(textContent).join('')
}
