// The dependency rules of ARCHITECTURE.md, as data, and a pure checker over import lists.
import { posix } from 'node:path'

export interface SourceFile {
  /** Repo-relative path with forward slashes. */
  path: string
  /** Import/export-from specifiers in the file. */
  imports: string[]
}

export interface Violation {
  file: string
  specifier: string
  rule: string
}

/** Which workspace packages each area may import (besides its own files). */
const ALLOWED: Record<string, readonly string[]> = {
  'packages/domain': [],
  'packages/cpe': [],
  'packages/contracts': ['domain', 'cpe'],
  'packages/db': ['domain'],
  'packages/comfyui': ['domain'],
  'packages/llm': ['domain'],
  'packages/testing': ['db', 'domain', 'comfyui', 'llm', 'contracts', 'cpe'],
  'apps/web': ['contracts', 'domain', 'cpe'],
  'apps/server': ['domain', 'contracts', 'cpe', 'comfyui', 'db', 'llm', 'testing'],
  bench: ['domain', 'contracts', 'cpe', 'comfyui', 'db', 'llm', 'testing'],
  e2e: ['domain', 'contracts', 'cpe', 'comfyui', 'testing'],
  tools: [],
}

// Code that runs in the browser must not pull in Node built-ins.
const BROWSER_SAFE = new Set(['packages/domain', 'packages/cpe', 'packages/contracts', 'apps/web'])

function areaOf(path: string): string | undefined {
  const parts = path.split('/')
  if (parts[0] === 'packages' || parts[0] === 'apps') return parts.length > 1 ? `${parts[0]}/${parts[1]}` : undefined
  return parts[0] === 'bench' || parts[0] === 'e2e' || parts[0] === 'tools' ? parts[0] : undefined
}

// The server's test kits (test studio, fixtures, fakes that need server internals) live outside
// src/ so a module's folder holds only the product.
const SERVER_TEST_KITS = 'apps/server/test-kits/'

function isTestOnly(path: string): boolean {
  return (
    /\.test(-helper)?\.tsx?$/.test(path) ||
    path.startsWith(SERVER_TEST_KITS) ||
    /^(bench|e2e)\//.test(path) ||
    path.includes('/testing/')
  )
}

/** Whether a resolved relative import target (no extension) is a test file or test kit. */
function isTestTarget(target: string): boolean {
  return isTestOnly(target) || /\.(test|fixture)$/.test(target)
}

function serverModuleOf(path: string): string | undefined {
  return /^apps\/server\/src\/modules\/([^/]+)\//.exec(path)?.[1]
}

// A kit under test-kits/<area>/ belongs to that server module, so it may use the module's insides
// the way the tests beside the module do.
function ownerModuleOf(path: string): string | undefined {
  return serverModuleOf(path) ?? /^apps\/server\/test-kits\/([^/]+)\//.exec(path)?.[1]
}

/** Checks one file's imports against the rules. */
export function checkFile(file: SourceFile): Violation[] {
  const area = areaOf(file.path)
  if (area === undefined) return []
  const allowed = ALLOWED[area] ?? []
  const out: Violation[] = []
  const flag = (specifier: string, rule: string) => out.push({ file: file.path, specifier, rule })
  for (const spec of file.imports) {
    const pkg = /^@aipipeline\/([^/]+)/.exec(spec)?.[1]
    if (pkg !== undefined) {
      if (pkg === 'server' || pkg === 'web') flag(spec, 'nothing imports from apps/*')
      else if (pkg === 'testing') {
        if (!isTestOnly(file.path)) flag(spec, '@aipipeline/testing is for tests only')
      } else if (`packages/${pkg}` !== area && !allowed.includes(pkg))
        flag(spec, `${area} may import only: ${allowed.join(', ') || 'nothing from the repo'}`)
      continue
    }
    if (spec.startsWith('node:') && BROWSER_SAFE.has(area) && !isTestOnly(file.path)) {
      flag(spec, `${area} runs in the browser: no Node built-ins`)
      continue
    }
    if (!spec.startsWith('.')) continue
    const target = posix.normalize(posix.join(posix.dirname(file.path), spec))
    const targetArea = areaOf(target)
    if (
      targetArea !== area &&
      !(area === 'apps/server' && target.startsWith('apps/server/')) &&
      !target.endsWith('.json')
    ) {
      flag(spec, `relative import leaves ${area}; import the package instead`)
      continue
    }
    if (isTestTarget(target) && !isTestOnly(file.path)) {
      flag(spec, 'test kits and fixtures are for tests only')
      continue
    }
    const fromModule = ownerModuleOf(file.path)
    const toModule = serverModuleOf(`${target}/`) ?? serverModuleOf(target)
    if (toModule !== undefined && toModule !== fromModule) {
      const entry = `apps/server/src/modules/${toModule}`
      if (target !== entry && target !== `${entry}/index`)
        flag(spec, `import module "${toModule}" through its index.ts`)
    }
  }
  return out
}

/** Extracts static and dynamic import specifiers from TypeScript source text. */
export function importsOf(source: string): string[] {
  const specs: string[] = []
  const re =
    /(?:^|\s)(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[^.\w])import\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm
  for (const m of source.matchAll(re)) {
    const spec = m[1] ?? m[2] ?? m[3]
    if (spec) specs.push(spec)
  }
  return specs
}

/**
 * Import circles among the files, following relative imports (type-only ones too: a circle of
 * types still means one file holds two ideas). One violation per circle, naming its files in order.
 */
export function findCycles(files: SourceFile[]): Violation[] {
  const paths = new Set(files.map((f) => f.path))
  const edges = new Map<string, string[]>()
  for (const file of files) {
    const targets = file.imports.flatMap((spec) => {
      if (!spec.startsWith('.')) return []
      const target = resolveRelative(file.path, spec, paths)
      return target === undefined ? [] : [target]
    })
    edges.set(file.path, [...new Set(targets)])
  }
  return stronglyConnected(edges)
    .filter((group) => group.length > 1 || (edges.get(group[0] ?? '') ?? []).includes(group[0] ?? ''))
    .map((group) => {
      const circle = shortestCircle(group, edges)
      return { file: circle[0] ?? '', specifier: circle.join(' → '), rule: 'import circle: move the shared piece down' }
    })
}

function resolveRelative(from: string, spec: string, paths: Set<string>): string | undefined {
  const base = posix.normalize(posix.join(posix.dirname(from), spec)).replace(/\.js$/, '')
  return [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`].find((p) => paths.has(p))
}

// Tarjan's algorithm, iterative so deep import chains cannot overflow the stack.
function stronglyConnected(edges: Map<string, string[]>): string[][] {
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const onStack = new Set<string>()
  const stack: string[] = []
  const groups: string[][] = []
  let next = 0
  for (const root of edges.keys()) {
    if (index.has(root)) continue
    const work: { node: string; child: number }[] = [{ node: root, child: 0 }]
    index.set(root, next)
    low.set(root, next++)
    stack.push(root)
    onStack.add(root)
    while (work.length > 0) {
      const frame = work[work.length - 1]
      if (frame === undefined) break
      const children = edges.get(frame.node) ?? []
      const child = children[frame.child++]
      if (child !== undefined) {
        if (!index.has(child)) {
          index.set(child, next)
          low.set(child, next++)
          stack.push(child)
          onStack.add(child)
          work.push({ node: child, child: 0 })
        } else if (onStack.has(child)) {
          low.set(frame.node, Math.min(low.get(frame.node) ?? 0, index.get(child) ?? 0))
        }
        continue
      }
      work.pop()
      const parent = work[work.length - 1]
      if (parent !== undefined) low.set(parent.node, Math.min(low.get(parent.node) ?? 0, low.get(frame.node) ?? 0))
      if (low.get(frame.node) === index.get(frame.node)) {
        const group: string[] = []
        let member: string | undefined
        do {
          member = stack.pop()
          if (member === undefined) break
          onStack.delete(member)
          group.push(member)
        } while (member !== frame.node)
        groups.push(group.sort())
      }
    }
  }
  return groups
}

/** The shortest path from the group's first file back to itself, staying inside the group. */
function shortestCircle(group: string[], edges: Map<string, string[]>): string[] {
  const start = group[0] ?? ''
  const members = new Set(group)
  const cameFrom = new Map<string, string>()
  const queue = [start]
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i] ?? ''
    for (const child of edges.get(node) ?? []) {
      if (!members.has(child)) continue
      if (child === start) {
        const path = [node]
        for (let at = node; at !== start; ) {
          at = cameFrom.get(at) ?? start
          path.unshift(at)
        }
        return [...path, start]
      }
      if (!cameFrom.has(child)) {
        cameFrom.set(child, node)
        queue.push(child)
      }
    }
  }
  return [start, start]
}
