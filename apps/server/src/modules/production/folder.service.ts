// Folders under the project's naming templates: a shot's folder tree appears when one of its
// tasks enters the project's folder status (e.g. the shot is confirmed); each version gets
// its own folder with a JSON sidecar (template, token values, provenance, checksums).
import type { ParsePathResponse } from '@aipipeline/contracts'
import type { ProductionRepositories, ProjectRecord, ShotRecord } from '@aipipeline/db'
import {
  NAMING_TEMPLATE_NAMES,
  type NamingTemplateName,
  NotFound,
  namingTemplate,
  parsePath,
  renderTemplate,
  resolveTemplates,
  type TokenValues,
} from '@aipipeline/domain'
import type { z } from 'zod'
import type { Principal } from '../auth'
import type { ProductionAccessService } from './production-access.service'
import type { ProductionContext } from './production-context'
import { makeFolder, writeFileAtomic } from './storage-path'

/** The token values of a shot (and optionally a task type and version). */
export async function shotTokens(
  repos: Pick<ProductionRepositories, 'projects'>,
  project: ProjectRecord,
  shot: ShotRecord,
): Promise<TokenValues> {
  const sequence = (await repos.projects.sequences(project.id)).find((s) => s.id === shot.sequenceId)
  return { project: project.code, sequence: sequence?.code, shot: shot.code }
}

export function createFolderService(ctx: ProductionContext, access: ProductionAccessService) {
  function render(project: ProjectRecord, name: NamingTemplateName, values: TokenValues): string {
    return renderTemplate(namingTemplate(resolveTemplates(project.namingTemplates), name), values)
  }

  return {
    render,

    /**
     * Creates each shot's task folders once; later calls for the same shot do nothing. Runs
     * inside the caller's transaction (`r`): a path that cannot be made rolls back the change
     * that opened the folders. Folders made before a later failure stay, empty and harmless,
     * and are reused when the change is made again.
     */
    async createShotFolders(
      r: ProductionRepositories,
      projectId: string,
      shotIds: readonly string[],
    ): Promise<string[]> {
      const project = await r.projects.findById(projectId)
      if (!project) throw new NotFound('project', projectId)
      const taskTypes = await r.projects.taskTypes(projectId)
      const created: string[] = []
      for (const shot of await r.shots.findByIds([...new Set(shotIds)])) {
        if (shot.foldersCreatedAt !== null) continue
        const tokens = await shotTokens(r, project, shot)
        // Every path is rendered (and checked) before the first folder is made.
        const paths = taskTypes.map((t) => render(project, 'taskFolder', { ...tokens, task: t.name }))
        for (const path of paths) {
          await makeFolder(ctx.storageRoot, path)
          created.push(path)
        }
        await r.shots.update(shot.id, { foldersCreatedAt: new Date().toISOString() })
      }
      return created
    },

    /** Writes a version folder's sidecar atomically; returns its root-relative path. */
    async writeSidecar(folderPath: string, sidecar: Record<string, unknown>): Promise<string> {
      const path = `${folderPath}/version.json`
      await writeFileAtomic(ctx.storageRoot, path, `${JSON.stringify(sidecar, null, 2)}\n`)
      return path
    },

    /** Which of the project's templates a path matches, with its token values. */
    async parse(principal: Principal, projectId: string, path: string): Promise<z.input<typeof ParsePathResponse>> {
      await access.resolve(principal, projectId)
      const project = await ctx.repos.projects.findById(projectId)
      if (!project) throw new NotFound('project', projectId)
      const set = resolveTemplates(project.namingTemplates)
      const matches = NAMING_TEMPLATE_NAMES.flatMap((name) => {
        const tokens = parsePath(namingTemplate(set, name), path)
        return tokens ? [{ template: name, tokens }] : []
      })
      return { matches }
    },
  }
}
export type FolderService = ReturnType<typeof createFolderService>
