// The create-project form as data: its fields, the format a template suggests, and the request
// it sends. Choosing a template fills the format it usually delivers in; the user may change
// any of it before creating.
import type { CreateProjectRequest } from '@aipipeline/contracts'
import {
  type NamingTemplateName,
  PROJECT_TEMPLATES,
  type ProjectTemplateId,
  resolveTemplates,
  validateTemplates,
} from '@aipipeline/domain'
import type { z } from 'zod'

/** Frame rates a project may pick; 23.976 and 29.97 are the NTSC rates (24000/1001, 30000/1001). */
export const FPS_CHOICES = [23.976, 24, 25, 29.97, 30, 48, 50, 60] as const

/** Where the configuration comes from: a template, another project, or the plain defaults. */
export type ProjectSource =
  | { kind: 'template'; template: ProjectTemplateId }
  | { kind: 'copy'; projectId: string }
  | { kind: 'blank' }

export interface ProjectForm {
  code: string
  name: string
  source: ProjectSource
  fps: number
  width: number
  height: number
  aspectRatio: string
  startFrame: number
  /** Overrides of the naming templates; blank entries keep the template's or the default. */
  namingTemplates: Partial<Record<NamingTemplateName, string>>
}

/** A fresh form, starting from the film template. */
export function emptyProjectForm(): ProjectForm {
  return withSource(
    {
      code: '',
      name: '',
      source: { kind: 'blank' },
      fps: 24,
      width: 1920,
      height: 1080,
      aspectRatio: '16:9',
      startFrame: 1001,
      namingTemplates: {},
    },
    { kind: 'template', template: 'film' },
  )
}

/** The form with another source; a template brings its format and naming templates. */
export function withSource(form: ProjectForm, source: ProjectSource): ProjectForm {
  if (source.kind !== 'template') return { ...form, source, namingTemplates: {} }
  const t = PROJECT_TEMPLATES[source.template]
  return { ...form, source, ...t.format, namingTemplates: { ...t.namingTemplates } }
}

/** Width ÷ height as the usual name of the ratio (16:9, 2.39:1) or to two decimals. */
export function aspectOf(width: number, height: number): string {
  if (width <= 0 || height <= 0) return ''
  const ratio = width / height
  const known: [number, string][] = [
    [16 / 9, '16:9'],
    [4 / 3, '4:3'],
    [1, '1:1'],
    [9 / 16, '9:16'],
    [4 / 5, '4:5'],
    [1.85, '1.85:1'],
    [2.39, '2.39:1'],
    [2.35, '2.35:1'],
    [256 / 135, '1.90:1'],
  ]
  const hit = known.find(([r]) => Math.abs(r - ratio) < 0.006)
  return hit ? hit[1] : `${ratio.toFixed(2)}:1`
}

export type ProjectFormProblem = 'codeInvalid' | 'nameRequired' | 'namingInvalid' | 'copyPick'

/** Field problems the server would refuse, as translation keys by field. */
export function projectFormProblems(
  form: ProjectForm,
): Partial<Record<'code' | 'name' | 'naming' | 'source', ProjectFormProblem>> {
  const problems: Partial<Record<'code' | 'name' | 'naming' | 'source', ProjectFormProblem>> = {}
  if (!/^[\p{L}\p{N}_-]{1,40}$/u.test(form.code.trim())) problems.code = 'codeInvalid'
  if (form.name.trim() === '') problems.name = 'nameRequired'
  if (form.source.kind === 'copy' && form.source.projectId === '') problems.source = 'copyPick'
  try {
    validateTemplates(resolveTemplates(cleanTemplates(form.namingTemplates)))
  } catch {
    problems.naming = 'namingInvalid'
  }
  return problems
}

function cleanTemplates(t: ProjectForm['namingTemplates']): Partial<Record<NamingTemplateName, string>> {
  return Object.fromEntries(Object.entries(t).filter(([, v]) => v !== undefined && v.trim() !== ''))
}

/** The request the form sends. */
export function createProjectRequest(form: ProjectForm): z.input<typeof CreateProjectRequest> {
  const source =
    form.source.kind === 'template'
      ? { template: form.source.template }
      : form.source.kind === 'copy'
        ? { copyFromProjectId: form.source.projectId }
        : {}
  return {
    code: form.code.trim(),
    name: form.name.trim(),
    fps: form.fps,
    width: form.width,
    height: form.height,
    aspectRatio: form.aspectRatio.trim() || aspectOf(form.width, form.height),
    startFrame: form.startFrame,
    namingTemplates: cleanTemplates(form.namingTemplates),
    ...source,
  }
}
