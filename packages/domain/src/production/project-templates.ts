// Project templates: the starting configuration of a film, a series or a commercial. A
// template is product data, not a project: it names the grouping level (sequences, episodes
// or spots), how sequence and shot codes are numbered, the task types every shot gets, the
// custom fields, naming-template overrides and the usual delivery format. Statuses are the
// same for every template (DEFAULT_STATUSES): their meaning is in their flags.
import { z } from 'zod'
import type { NamingTemplateName } from './naming-defaults'

export const PROJECT_TEMPLATE_IDS = ['film', 'series', 'commercial'] as const
export const ProjectTemplateId = z.enum(PROJECT_TEMPLATE_IDS)
export type ProjectTemplateId = z.infer<typeof ProjectTemplateId>

/** How one level's codes are written: prefix, zero-padded number, step between neighbours. */
export const CodeRule = z.object({
  prefix: z
    .string()
    .regex(/^[A-Za-z_-]{0,10}$/, 'letters, "_" and "-" only')
    .max(10),
  digits: z.number().int().min(1).max(6),
  step: z.number().int().min(1).max(1000),
})
export type CodeRule = z.infer<typeof CodeRule>

/** What the level above shots is called in this kind of production. */
export const GroupLevel = z.enum(['sequence', 'episode', 'spot'])
export type GroupLevel = z.infer<typeof GroupLevel>

/** A project's code numbering: the grouping level's name and codes, and shot codes. */
export const CodeRules = z.object({ group: GroupLevel, sequence: CodeRule, shot: CodeRule })
export type CodeRules = z.infer<typeof CodeRules>

export interface TemplateTaskType {
  name: string
  shortName: string
  /** `#rrggbb`. */
  color: string
  department: string | null
}

export interface TemplateCustomField {
  key: string
  name: string
  type: 'text' | 'number' | 'list' | 'tags' | 'boolean' | 'date' | 'url' | 'person'
  choices: string[]
  clientVisible: boolean
}

export interface ProjectTemplate {
  id: ProjectTemplateId
  format: { fps: number; width: number; height: number; aspectRatio: string; startFrame: number }
  codeRules: CodeRules
  taskTypes: readonly TemplateTaskType[]
  customFields: readonly TemplateCustomField[]
  namingTemplates: Partial<Record<NamingTemplateName, string>>
}

/** The numbering of projects made before templates existed: SQ010, SH0010, steps of 10. */
export const DEFAULT_CODE_RULES: CodeRules = {
  group: 'sequence',
  sequence: { prefix: 'SQ', digits: 3, step: 10 },
  shot: { prefix: 'SH', digits: 4, step: 10 },
}

export const PROJECT_TEMPLATES: Record<ProjectTemplateId, ProjectTemplate> = {
  film: {
    id: 'film',
    format: { fps: 24, width: 2048, height: 858, aspectRatio: '2.39:1', startFrame: 1001 },
    codeRules: DEFAULT_CODE_RULES,
    taskTypes: [
      { name: 'Layout', shortName: 'lay', color: '#8d6e63', department: 'Layout' },
      { name: 'Keyframe', shortName: 'key', color: '#42a5f5', department: 'Keyframe' },
      { name: 'Animation', shortName: 'anm', color: '#66bb6a', department: 'Animation' },
      { name: 'Lighting', shortName: 'lgt', color: '#ffca28', department: 'Lighting' },
      { name: 'Comp', shortName: 'cmp', color: '#ab47bc', department: 'Comp' },
    ],
    customFields: [
      { key: 'lens_mm', name: 'Lens (mm)', type: 'number', choices: [], clientVisible: false },
      { key: 'scene', name: 'Scene', type: 'text', choices: [], clientVisible: true },
    ],
    namingTemplates: {},
  },
  series: {
    id: 'series',
    format: { fps: 23.976, width: 1920, height: 1080, aspectRatio: '16:9', startFrame: 1001 },
    // Episodes are the grouping level: EP01, EP02… each holding its shots.
    codeRules: {
      group: 'episode',
      sequence: { prefix: 'EP', digits: 2, step: 1 },
      shot: { prefix: 'SH', digits: 4, step: 10 },
    },
    taskTypes: [
      { name: 'Storyboard', shortName: 'stb', color: '#8d6e63', department: 'Story' },
      { name: 'Layout', shortName: 'lay', color: '#78909c', department: 'Layout' },
      { name: 'Keyframe', shortName: 'key', color: '#42a5f5', department: 'Keyframe' },
      { name: 'Animation', shortName: 'anm', color: '#66bb6a', department: 'Animation' },
      { name: 'Comp', shortName: 'cmp', color: '#ab47bc', department: 'Comp' },
    ],
    customFields: [
      { key: 'air_date', name: 'Air date', type: 'date', choices: [], clientVisible: true },
      { key: 'scene', name: 'Scene', type: 'text', choices: [], clientVisible: true },
    ],
    namingTemplates: { versionFile: '{project}_{sequence}_{shot}_{task}_{@version}<_{comment}>.{ext}' },
  },
  commercial: {
    id: 'commercial',
    format: { fps: 25, width: 1920, height: 1080, aspectRatio: '16:9', startFrame: 1001 },
    // Spots are the grouping level: SP01 (the 30-second cut), SP02 (the 15-second cut)…
    codeRules: {
      group: 'spot',
      sequence: { prefix: 'SP', digits: 2, step: 1 },
      shot: { prefix: 'SH', digits: 3, step: 10 },
    },
    taskTypes: [
      { name: 'Concept', shortName: 'cpt', color: '#8d6e63', department: 'Story' },
      { name: 'Keyframe', shortName: 'key', color: '#42a5f5', department: 'Keyframe' },
      { name: 'Animation', shortName: 'anm', color: '#66bb6a', department: 'Animation' },
      { name: 'Comp', shortName: 'cmp', color: '#ab47bc', department: 'Comp' },
      { name: 'Grade', shortName: 'grd', color: '#ff7043', department: 'Post' },
    ],
    customFields: [
      {
        key: 'deliverable',
        name: 'Deliverable',
        type: 'tags',
        choices: ['16:9', '9:16', '1:1', '4:5'],
        clientVisible: true,
      },
      {
        key: 'duration_s',
        name: 'Spot length (s)',
        type: 'list',
        choices: ['6', '15', '30', '60'],
        clientVisible: true,
      },
    ],
    namingTemplates: {},
  },
}

/** A code of a level: prefix and the number padded, e.g. SH0010. */
export function formatCode(rule: CodeRule, n: number): string {
  return `${rule.prefix}${String(n).padStart(rule.digits, '0')}`
}

/** The number of a code written under the rule (SH0010 → 10); undefined for other codes. */
export function codeNumber(rule: CodeRule, code: string): number | undefined {
  if (!code.startsWith(rule.prefix)) return undefined
  const digits = code.slice(rule.prefix.length)
  return /^\d+$/.test(digits) ? Number(digits) : undefined
}

/**
 * The next `count` codes after the highest one already used under the rule, one step apart
 * and on the step grid (after SH0015 with step 10 comes SH0020). Codes that do not follow
 * the rule are ignored; a code already taken is never returned.
 */
export function nextCodes(rule: CodeRule, existing: readonly string[], count: number): string[] {
  const used = existing.map((c) => codeNumber(rule, c)).filter((n): n is number => n !== undefined)
  const highest = used.length === 0 ? 0 : Math.max(...used)
  const first = (Math.floor(highest / rule.step) + 1) * rule.step
  return Array.from({ length: count }, (_, i) => formatCode(rule, first + i * rule.step))
}
