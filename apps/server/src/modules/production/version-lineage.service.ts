// A shot's versions as a lineage tree: every version of the shot's visible tasks, the versions
// they were made from (a parent may sit on another shot), and the links between them. A parent
// whose row was deleted stays in the tree as `gone` with its links (version_inputs keeps them:
// `input_version_id` has no foreign key, so deleting a parent never cascades to its children).
import { DeriveMode, type LineageNode, type VersionLineage } from '@aipipeline/contracts'
import type { VersionInputRecord, VersionRecord } from '@aipipeline/db'
import { canSeeTask, NotFound } from '@aipipeline/domain'
import type { Principal } from '../auth'
import type { ProductionAccessService } from './production-access.service'
import type { ProductionContext } from './production-context'
import { loadProjectView, type ProjectView } from './project-view'
import { showsGenerationDetails } from './version.service'

/**
 * How a version was made from its parents. The render that made it records its mode in its
 * parameters (`deriveMode`, written by the derive route); renders from before that are read
 * from the roles of their inputs: a mask means inpaint, a control image guide, an image refine.
 */
export function lineageMode(
  provenance: Pick<VersionRecord['provenance'], 'parameters'>,
  roles: readonly string[],
): DeriveMode | null {
  const recorded = DeriveMode.safeParse(provenance.parameters.deriveMode)
  if (recorded.success) return recorded.data
  if (roles.includes('mask')) return 'inpaint'
  if (roles.includes('control')) return 'guide'
  if (roles.includes('image')) return 'refine'
  return null
}

export function createVersionLineageService(ctx: ProductionContext, access: ProductionAccessService) {
  const { repos } = ctx

  /** The tasks of a shot the caller may see, with their task type's name and approved version. */
  async function visibleTasks(view: ProjectView, shotId: string) {
    const projectId = view.access.projectId
    const [tasks, pairs] = await Promise.all([
      repos.tasks.findByIds((await repos.lists.tasks(projectId, [shotId])).map((t) => t.id)),
      repos.lists.assignees(projectId, [shotId]),
    ])
    return tasks.filter((t) => {
      const assigneeIds = pairs.filter((p) => p.taskId === t.id).map((p) => p.userId)
      return view.v.statusVisible(t.statusId) && canSeeTask(view.access, { assigneeIds, department: null })
    })
  }

  /** Whether a parent version on another task may be shown to the caller (else it is left out). */
  async function parentVisible(view: ProjectView, parent: VersionRecord): Promise<boolean> {
    if (parent.projectId !== view.access.projectId) return false
    const task = await repos.tasks.findById(parent.taskId)
    if (!task) return false
    const assigneeIds = (await repos.tasks.assigneesOf([task.id])).get(task.id) ?? []
    return view.v.statusVisible(task.statusId) && canSeeTask(view.access, { assigneeIds, department: null })
  }

  return {
    async lineage(principal: Principal, shotId: string): Promise<VersionLineage> {
      const shot = await repos.shots.findById(shotId)
      if (!shot) throw new NotFound('shot', shotId)
      const view = await loadProjectView(repos, access, principal, shot.projectId).catch((err: unknown) => {
        throw err instanceof NotFound ? new NotFound('shot', shotId) : err
      })
      const tasks = await visibleTasks(view, shotId)
      if (tasks.length === 0 && view.access.role === 'vendor') throw new NotFound('shot', shotId)
      const versions = await repos.tasks.versions(tasks.map((t) => t.id))
      // How versions were made is generation detail: clients see it only where the project shows it.
      const generation = await showsGenerationDetails(repos, view.access)
      const inputs = generation ? await repos.tasks.versionInputs(versions.map((v) => v.id)) : []
      const own = new Set(versions.map((v) => v.id))
      const outside = [...new Set(inputs.map((i) => i.inputVersionId).filter((id) => !own.has(id)))]
      const found = await repos.tasks.findVersionsByIds(outside)
      const parents: VersionRecord[] = []
      for (const p of found) if (await parentVisible(view, p)) parents.push(p)
      const hidden = new Set(found.filter((p) => !parents.includes(p)).map((p) => p.id))
      const gone = outside.filter((id) => !found.some((p) => p.id === id))
      const links = inputs.filter((i) => !hidden.has(i.inputVersionId))

      const allTasks = new Map(tasks.map((t) => [t.id, t]))
      for (const t of await repos.tasks.findByIds(parents.map((p) => p.taskId))) allTasks.set(t.id, t)
      const typeName = new Map(view.taskTypes.map((t) => [t.id, t.name]))
      const files = await repos.tasks.versionFiles([...versions, ...parents].map((v) => v.id))
      const rolesOf = (id: string) => links.filter((l) => l.versionId === id).map((l) => l.role)
      const node = (v: VersionRecord): LineageNode => {
        const task = allTasks.get(v.taskId)
        return {
          versionId: v.id,
          gone: false,
          taskId: v.taskId,
          taskTypeName: task ? (typeName.get(task.taskTypeId) ?? null) : null,
          number: v.number,
          kind: v.kind === 'video' ? 'video' : 'image',
          thumbnailFileId: files.find((f) => f.versionId === v.id && f.role === 'thumbnail')?.id ?? null,
          mode: generation ? lineageMode(v.provenance, rolesOf(v.id)) : null,
          approved: task?.approvedVersionId === v.id,
          createdAt: v.createdAt,
        }
      }
      return {
        shotId,
        nodes: [
          ...[...versions, ...parents].sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1)).map(node),
          ...gone.map(goneNode),
        ],
        edges: links.map(edge),
      }
    },
  }
}
export type VersionLineageService = ReturnType<typeof createVersionLineageService>

function goneNode(versionId: string): LineageNode {
  return {
    versionId,
    gone: true,
    taskId: null,
    taskTypeName: null,
    number: null,
    kind: null,
    thumbnailFileId: null,
    mode: null,
    approved: false,
    createdAt: null,
  }
}

const edge = (i: VersionInputRecord) => ({
  parentId: i.inputVersionId,
  childId: i.versionId,
  role: i.role,
  parameter: i.parameter,
})
