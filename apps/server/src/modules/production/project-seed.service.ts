// Where a new project's configuration comes from: a project template (product data in the
// domain), another project the caller belongs to (its statuses, task types, custom fields,
// naming templates and code rules — never its shots), or the defaults.
import type { CreateProjectRequest } from '@aipipeline/contracts'
import { defaultSeed, type ProjectSeed } from '@aipipeline/db'
import { type CodeRules, DEFAULT_STATUSES, NotFound, PROJECT_TEMPLATES } from '@aipipeline/domain'
import type { z } from 'zod'
import type { Principal } from '../auth'
import type { ProductionAccessService } from './production-access.service'
import type { ProductionContext } from './production-context'

export interface ProjectStart {
  seed: ProjectSeed
  namingTemplates: Record<string, string>
  codeRules: CodeRules | undefined
}

/** The configuration a project created with `input` starts with. */
export async function projectStart(
  ctx: ProductionContext,
  access: ProductionAccessService,
  principal: Principal,
  input: z.output<typeof CreateProjectRequest>,
): Promise<ProjectStart> {
  if (input.template !== undefined) {
    const template = PROJECT_TEMPLATES[input.template]
    const wip = DEFAULT_STATUSES.findIndex((s) => s.isWip)
    return {
      seed: {
        statuses: DEFAULT_STATUSES,
        taskTypes: template.taskTypes,
        customFields: template.customFields,
        folderStatusIndex: wip < 0 ? null : wip,
      },
      namingTemplates: { ...template.namingTemplates, ...input.namingTemplates },
      codeRules: input.codeRules ?? template.codeRules,
    }
  }
  if (input.copyFromProjectId !== undefined) return copiedStart(ctx, access, principal, input)
  return { seed: defaultSeed(), namingTemplates: input.namingTemplates, codeRules: input.codeRules }
}

/** Another project's configuration; a project the caller may not see does not exist for them. */
async function copiedStart(
  ctx: ProductionContext,
  access: ProductionAccessService,
  principal: Principal,
  input: z.output<typeof CreateProjectRequest> & { copyFromProjectId?: string },
): Promise<ProjectStart> {
  const sourceId = input.copyFromProjectId ?? ''
  await access.resolve(principal, sourceId)
  const { projects } = ctx.repos
  const source = await projects.findById(sourceId)
  if (!source) throw new NotFound('project', sourceId)
  const [statuses, taskTypes, customFields] = await Promise.all([
    projects.statuses(sourceId),
    projects.taskTypes(sourceId),
    projects.customFields(sourceId),
  ])
  const folder = statuses.findIndex((s) => s.id === source.folderStatusId)
  return {
    seed: {
      statuses,
      taskTypes: taskTypes.map(({ name, shortName, color, department }) => ({ name, shortName, color, department })),
      customFields: customFields.map(({ key, name, type, choices, clientVisible }) => ({
        key,
        name,
        type,
        choices,
        clientVisible,
      })),
      folderStatusIndex: folder < 0 ? null : folder,
    },
    namingTemplates: { ...source.namingTemplates, ...input.namingTemplates },
    codeRules: input.codeRules ?? source.codeRules,
  }
}
