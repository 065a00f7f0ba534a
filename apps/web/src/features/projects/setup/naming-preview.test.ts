import { describe, expect, it } from 'vitest'
import { editedSet, parseWithAll, previewValues, renderAll } from './naming-preview'

const shot = previewValues({ project: 'NEON', sequence: 'SQ010', shot: 'SH0010', task: 'Layout' })

describe('naming preview', () => {
  it("renders every template with a shot's values, following references", () => {
    const rendered = renderAll(editedSet({}), shot)
    expect(rendered.find((r) => r.name === 'versionFolder')?.path).toBe('NEON/SQ010/SH0010/Layout/v001')
    expect(rendered.find((r) => r.name === 'versionFile')?.path).toBe('NEON_SH0010_Layout_v001.png')
  })

  it('uses the edited templates and says why one does not compile, leaving the others rendered', () => {
    const rendered = renderAll(editedSet({ shotFolder: 'shots/{shot}', version: 'v{version:04' }), shot)
    expect(rendered.find((r) => r.name === 'shotFolder')?.path).toBe('shots/SH0010')
    expect(rendered.find((r) => r.name === 'version')?.error).toMatch(/unclosed/)
    expect(editedSet({ version: '  ' }).version).toBe('v{version:03}')
  })

  it('parses a pasted path back into its token values with every template it matches', () => {
    const set = editedSet({})
    expect(parseWithAll(set, ' NEON/SQ010/SH0010/Layout/v012 ')).toEqual([
      {
        name: 'versionFolder',
        tokens: { project: 'NEON', sequence: 'SQ010', shot: 'SH0010', task: 'Layout', version: 12 },
      },
    ])
    expect(parseWithAll(set, 'flat-name')).toEqual([])
    expect(parseWithAll(set, '')).toEqual([])
  })
})
