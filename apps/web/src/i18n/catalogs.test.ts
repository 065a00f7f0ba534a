import { describe, expect, it } from 'vitest'
import { en, ko } from './catalogs'

/** Flattens a nested catalog into dotted keys and string values. */
function flatten(node: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>()
  if (typeof node === 'object' && node !== null && !Array.isArray(node)) {
    for (const [key, value] of Object.entries(node)) {
      for (const [k, v] of flatten(value, prefix ? `${prefix}.${key}` : key)) out.set(k, v)
    }
  } else {
    out.set(prefix, node)
  }
  return out
}

function placeholders(text: unknown): string[] {
  return typeof text === 'string' ? [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort() : []
}

const english = flatten(en)
const korean = flatten(ko)

describe('translation catalogs', () => {
  it('have exactly the same keys in English and Korean', () => {
    expect([...korean.keys()].sort()).toEqual([...english.keys()].sort())
  })

  it('have a non-empty string for every key', () => {
    for (const [name, catalog] of [
      ['en', english],
      ['ko', korean],
    ] as const) {
      const bad = [...catalog].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => `${name}:${k}`)
      expect(bad).toEqual([])
    }
  })

  it('use the same interpolation placeholders in both languages', () => {
    const mismatched = [...english.keys()].filter(
      (key) => placeholders(english.get(key)).join() !== placeholders(korean.get(key)).join(),
    )
    expect(mismatched).toEqual([])
  })

  it('use the glossary terms for the navigation in Korean', () => {
    expect(ko.nav).toMatchObject({ projects: '프로젝트', farm: '렌더팜', settings: '설정' })
    expect(ko.roles).toMatchObject({ manager: '매니저', supervisor: '슈퍼바이저', vendor: '외주' })
  })
})
