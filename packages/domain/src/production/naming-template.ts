// Naming templates for folders and files, e.g. `{project}/{sequence}/{shot}/{task}/{@version}`.
// Syntax: `{token}`; `{token:03}` = integer padded to 3 digits; `{@name}` = another template
// of the same set inlined; `<...>` = optional part, dropped when a token inside has no value.
// Values are sanitised to letters, digits and "-" so they can never add a path separator or
// a "..": the same template then parses a path back into its token values.
import { ValidationFailed } from '../errors/domain-error'

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'token'; name: string; pad: number | null }
  | { kind: 'optional'; children: Node[] }

export interface CompiledTemplate {
  source: string
  nodes: Node[]
  /** Token names in order of first appearance. */
  tokens: string[]
  regex: RegExp
  /** Group index → token of the regex's capture groups. */
  groups: { name: string; pad: number | null }[]
}

export type TokenValues = Record<string, string | number | undefined>

const TOKEN_NAME = /^[a-zA-Z][a-zA-Z0-9_]*$/
const VALUE_CHAR = /[\p{L}\p{N}-]/u

function fail(source: string, message: string): never {
  throw new ValidationFailed(`naming template "${source}": ${message}`, [{ path: 'template', message }])
}

/** Sanitises a token value to letters, digits and single dashes (Unicode-aware). */
export function sanitizeTokenValue(value: string): string {
  return value
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}-]+/gu, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
}

function parseNodes(source: string, refs: Record<string, string>, seen: string[]): Node[] {
  const stack: Node[][] = [[]]
  let text = ''
  const top = (): Node[] => stack[stack.length - 1] ?? fail(source, 'unbalanced "<" and ">"')
  const flush = () => {
    if (text !== '') top().push({ kind: 'text', text })
    text = ''
  }
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]
    if (ch === '{') {
      const end = source.indexOf('}', i)
      if (end < 0) fail(source, `unclosed "{" at ${i}`)
      flush()
      const inner = source.slice(i + 1, end)
      i = end
      if (inner.startsWith('@')) {
        const name = inner.slice(1)
        const ref = refs[name]
        if (ref === undefined) fail(source, `unknown reference {@${name}}`)
        if (seen.includes(name)) fail(source, `reference cycle through {@${name}}`)
        top().push(...parseNodes(ref, refs, [...seen, name]))
        continue
      }
      const [name = '', spec] = inner.split(':')
      if (!TOKEN_NAME.test(name)) fail(source, `invalid token name "{${inner}}"`)
      if (spec !== undefined && !/^0[1-9]$/.test(spec)) fail(source, `format of {${inner}} must be like :03`)
      top().push({ kind: 'token', name, pad: spec === undefined ? null : Number(spec.slice(1)) })
    } else if (ch === '<') {
      flush()
      stack.push([])
    } else if (ch === '>') {
      flush()
      const children = stack.pop()
      if (!children || stack.length === 0) fail(source, `unbalanced ">" at ${i}`)
      top().push({ kind: 'optional', children })
    } else if (ch === '}') {
      fail(source, `stray "}" at ${i}`)
    } else {
      text += ch
    }
  }
  flush()
  if (stack.length !== 1) fail(source, 'unclosed "<"')
  return top()
}

function flatten(nodes: Node[]): Node[] {
  return nodes.flatMap((n) => (n.kind === 'optional' ? flatten(n.children) : [n]))
}

// Two tokens must be told apart when parsing: a string token needs a separator (a character
// no value can contain) before the next token; an integer token needs any literal.
function checkSeparators(source: string, nodes: Node[]): void {
  const flat = flatten(nodes)
  let previous: { name: string; pad: number | null } | undefined
  let between = ''
  for (const n of flat) {
    if (n.kind === 'text') {
      between += n.text
      continue
    }
    if (n.kind !== 'token') continue
    if (previous) {
      const separated = [...between].some((c) => !VALUE_CHAR.test(c))
      if (between === '' || (!separated && previous.pad === null && n.pad === null)) {
        fail(source, `tokens {${previous.name}} and {${n.name}} need a separator such as "_" or "/" between them`)
      }
    }
    previous = n
    between = ''
  }
  const literal = flat.map((n) => (n.kind === 'text' ? n.text : 'x')).join('')
  if (literal.startsWith('/') || literal.includes('\\') || literal.split('/').some((s) => s === '..' || s === '.')) {
    fail(source, 'must be a relative path without "." or ".." segments or backslashes')
  }
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')
}

function toRegex(nodes: Node[], groups: CompiledTemplate['groups']): string {
  return nodes
    .map((n) => {
      if (n.kind === 'text') return escapeRegex(n.text)
      if (n.kind === 'optional') return `(?:${toRegex(n.children, groups)})?`
      groups.push({ name: n.name, pad: n.pad })
      return n.pad === null ? '([\\p{L}\\p{N}-]+)' : `(\\d{${n.pad},})`
    })
    .join('')
}

/** Compiles a template; `refs` holds the other templates `{@name}` may point at. */
export function compileTemplate(source: string, refs: Record<string, string> = {}): CompiledTemplate {
  if (source.trim() === '') fail(source, 'is empty')
  const nodes = parseNodes(source, refs, [])
  checkSeparators(source, nodes)
  const groups: CompiledTemplate['groups'] = []
  const regex = new RegExp(`^${toRegex(nodes, groups)}$`, 'u')
  const tokens = [...new Set(flatten(nodes).flatMap((n) => (n.kind === 'token' ? [n.name] : [])))]
  return { source, nodes, tokens, regex, groups }
}

class MissingToken extends Error {}

function renderValue(source: string, node: { name: string; pad: number | null }, value: string | number): string {
  if (node.pad !== null) {
    const n = typeof value === 'number' ? value : Number(value)
    if (!Number.isSafeInteger(n) || n < 0) fail(source, `{${node.name}} needs a whole number, got "${value}"`)
    return String(n).padStart(node.pad, '0')
  }
  const clean = sanitizeTokenValue(String(value))
  if (clean === '') fail(source, `value "${value}" for {${node.name}} has no usable characters`)
  return clean
}

function renderNodes(source: string, nodes: Node[], values: TokenValues): string {
  return nodes
    .map((n) => {
      if (n.kind === 'text') return n.text
      if (n.kind === 'optional') {
        try {
          return renderNodes(source, n.children, values)
        } catch (err) {
          if (err instanceof MissingToken) return ''
          throw err
        }
      }
      const value = values[n.name]
      if (value === undefined || value === '') throw new MissingToken(n.name)
      return renderValue(source, n, value)
    })
    .join('')
}

/** Renders a template to a root-relative path; throws ValidationFailed naming a missing token. */
export function renderTemplate(template: CompiledTemplate, values: TokenValues): string {
  try {
    const path = renderNodes(template.source, template.nodes, values)
    assertRelativePath(path)
    return path
  } catch (err) {
    if (err instanceof MissingToken) fail(template.source, `no value for {${err.message}}`)
    throw err
  }
}

/** Parses a path back into token values (integers as numbers); undefined when it does not match. */
export function parsePath(template: CompiledTemplate, path: string): Record<string, string | number> | undefined {
  const match = template.regex.exec(path)
  if (!match) return undefined
  const values: Record<string, string | number> = {}
  for (const [i, g] of template.groups.entries()) {
    const raw = match[i + 1]
    if (raw === undefined) continue
    const value = g.pad === null ? raw : Number(raw)
    // A padded number never carries more leading zeros than its padding needs.
    if (g.pad !== null && raw.length > g.pad && raw.startsWith('0')) return undefined
    const before = values[g.name]
    if (before !== undefined && before !== value) return undefined
    values[g.name] = value
  }
  return values
}

/** Throws unless `path` is relative, uses "/" and has no empty, "." or ".." segments. */
export function assertRelativePath(path: string): void {
  const bad =
    path === '' ||
    path.startsWith('/') ||
    path.includes('\\') ||
    path.includes('\0') ||
    /^[a-zA-Z]:/.test(path) ||
    path.split('/').some((s) => s === '' || s === '.' || s === '..')
  if (bad)
    throw new ValidationFailed(`"${path}" is not a safe storage path`, [{ path: 'path', message: 'unsafe path' }])
}
