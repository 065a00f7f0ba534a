import { describe, expect, it } from 'vitest'
import { pickProject } from './last-project'

const projects = [{ id: 'a' }, { id: 'b' }, { id: 'c' }]

describe('the Review section’s project', () => {
  it('prefers the project in the address, then the one picked last, then the first', () => {
    expect(pickProject(projects, 'c', 'b')).toBe('c')
    expect(pickProject(projects, undefined, 'b')).toBe('b')
    expect(pickProject(projects, undefined, null)).toBe('a')
  })

  it('ignores projects the caller no longer belongs to', () => {
    expect(pickProject(projects, 'gone', 'also-gone')).toBe('a')
    expect(pickProject([], 'a', 'a')).toBeNull()
  })
})
