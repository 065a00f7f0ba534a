import { describe, expect, it } from 'vitest'
import { parseApiPrompt } from './api-prompt.schema'
import { fixturesAvailable, listFixtures, readFixture } from './comfy-fixtures.test-helper'

describe.runIf(fixturesAvailable)('parseApiPrompt on recorded workflows', () => {
  it.each(listFixtures('workflows/api'))('parses %s', (file) => {
    const result = parseApiPrompt(readFixture(`workflows/api/${file}`))
    expect(result.ok ? 'ok' : result.errors.map((e) => e.message).join('\n')).toBe('ok')
    expect(result.ok && Object.keys(result.prompt).length).toBeGreaterThan(0)
  })
})
