import { CreateProjectRequest } from '@aipipeline/contracts'
import { describe, expect, it } from 'vitest'
import {
  aspectOf,
  createProjectRequest,
  emptyProjectForm,
  FPS_CHOICES,
  projectFormProblems,
  withSource,
} from './project-form'

describe('create-project form', () => {
  it('starts from the film template with its format and frame-in 1001', () => {
    const form = emptyProjectForm()
    expect(form.source).toEqual({ kind: 'template', template: 'film' })
    expect(form).toMatchObject({ fps: 24, width: 2048, height: 858, aspectRatio: '2.39:1', startFrame: 1001 })
  })

  it('takes the format of the template picked, and none of its naming when copying a project', () => {
    const series = withSource(emptyProjectForm(), { kind: 'template', template: 'series' })
    expect(series.fps).toBe(23.976)
    expect(series.namingTemplates.versionFile).toContain('{sequence}')
    const copy = withSource(series, { kind: 'copy', projectId: 'p1' })
    expect(copy.namingTemplates).toEqual({})
    expect(copy.fps).toBe(23.976)
  })

  it('sends a request the contract accepts, naming the template or the copied project', () => {
    const form = { ...emptyProjectForm(), code: ' NEON ', name: 'Neon city', namingTemplates: { version: ' ' } }
    const request = createProjectRequest(form)
    expect(CreateProjectRequest.parse(request)).toMatchObject({ code: 'NEON', template: 'film', namingTemplates: {} })
    const copy = createProjectRequest(withSource(form, { kind: 'copy', projectId: 'p1' }))
    expect(copy).toMatchObject({ copyFromProjectId: 'p1' })
    expect(copy).not.toHaveProperty('template')
    expect(createProjectRequest(withSource(form, { kind: 'blank' }))).not.toHaveProperty('copyFromProjectId')
  })

  it('names the problems the server would refuse', () => {
    const form = emptyProjectForm()
    expect(projectFormProblems(form)).toMatchObject({ code: 'codeInvalid', name: 'nameRequired' })
    const ok = { ...form, code: 'NEON', name: 'Neon' }
    expect(projectFormProblems(ok)).toEqual({})
    expect(projectFormProblems({ ...ok, code: 'NE ON' })).toHaveProperty('code')
    expect(projectFormProblems({ ...ok, namingTemplates: { shotFolder: '{project}/{shot' } })).toHaveProperty('naming')
    expect(projectFormProblems(withSource(ok, { kind: 'copy', projectId: '' }))).toHaveProperty('source')
  })

  it('offers the production frame rates and names common aspect ratios', () => {
    expect(FPS_CHOICES).toEqual([23.976, 24, 25, 29.97, 30, 48, 50, 60])
    expect(aspectOf(1920, 1080)).toBe('16:9')
    expect(aspectOf(2048, 858)).toBe('2.39:1')
    expect(aspectOf(1080, 1920)).toBe('9:16')
    expect(aspectOf(1000, 300)).toBe('3.33:1')
  })
})
