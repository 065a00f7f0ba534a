import type { WorkflowTemplate } from '@aipipeline/contracts'
import { describe, expect, it } from 'vitest'
import { filterTemplates, presentValues } from './template-filter'

function template(over: Partial<WorkflowTemplate>): WorkflowTemplate {
  return {
    id: over.name ?? 'x',
    name: 'x',
    description: '',
    prompt: {},
    parameters: [],
    modelFamily: 'generic',
    category: 'custom',
    outputs: ['image'],
    requirements: { nodeClasses: [], models: [] },
    builtIn: false,
    revision: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...over,
  }
}

const library = [
  template({ name: 'Wan i2v', modelFamily: 'wan-2.2', category: 'image-to-video', builtIn: true }),
  template({ name: 'My still', modelFamily: 'sdxl', category: 'text-to-image', description: 'Lighthouse look' }),
  template({ name: 'SDXL still', modelFamily: 'sdxl', category: 'text-to-image', builtIn: true }),
]
const none = { category: null, family: null, search: '' }

describe('filtering the template library', () => {
  it('lists shipped templates first, then by name', () => {
    expect(filterTemplates(library, none, 'en').map((t) => t.name)).toEqual(['SDXL still', 'Wan i2v', 'My still'])
  })

  it('narrows by category, family and words of the name or description', () => {
    expect(filterTemplates(library, { ...none, category: 'image-to-video' }, 'en').map((t) => t.name)).toEqual([
      'Wan i2v',
    ])
    expect(filterTemplates(library, { ...none, family: 'sdxl' }, 'en')).toHaveLength(2)
    expect(filterTemplates(library, { ...none, search: 'LIGHTHOUSE' }, 'en').map((t) => t.name)).toEqual(['My still'])
  })

  it('offers only the categories the library has, in their usual order', () => {
    expect(presentValues(library, 'category', ['text-to-image', 'inpaint', 'image-to-video'])).toEqual([
      'text-to-image',
      'image-to-video',
    ])
  })
})
