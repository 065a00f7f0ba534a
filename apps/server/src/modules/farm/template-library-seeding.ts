// Seeds the shipped template library at studio start. Idempotent: an entry already at its
// shipped revision is left as it is; a newer shipped revision replaces a built-in copy nobody
// edited (the old state is kept as a revision); a copy a user edited is kept as the user left it.
import { isUniqueViolation, type WorkflowTemplateRepository } from '@aipipeline/db'
import type { LibraryTemplate } from './template-library/template-library'

export interface SeedReport {
  inserted: string[]
  updated: string[]
  /** Newer shipped revisions not applied because a user edited the template. */
  keptEdited: string[]
}

function fields(t: LibraryTemplate) {
  return {
    description: t.description,
    prompt: t.prompt,
    parameters: t.parameters,
    modelFamily: t.modelFamily,
    category: t.category,
    outputs: t.outputs,
    requirements: t.requirements,
  }
}

async function insert(repo: WorkflowTemplateRepository, t: LibraryTemplate, name: string): Promise<void> {
  await repo.insert({
    ...fields(t),
    name,
    createdBy: null,
    builtIn: true,
    libraryKey: t.key,
    libraryRevision: t.revision,
  })
}

/** Writes the library into the database; safe to run on every start and from several processes. */
export async function seedTemplateLibrary(
  repo: WorkflowTemplateRepository,
  library: readonly LibraryTemplate[],
): Promise<SeedReport> {
  const report: SeedReport = { inserted: [], updated: [], keptEdited: [] }
  for (const t of library) {
    const existing = await repo.getByLibraryKey(t.key)
    if (existing === null) {
      try {
        await insert(repo, t, t.name)
      } catch (err) {
        if (!isUniqueViolation(err)) throw err
        // Another process seeded it first, or a user template already has this name.
        if ((await repo.getByLibraryKey(t.key)) !== null) continue
        await insert(repo, t, `${t.name} (library)`)
      }
      report.inserted.push(t.key)
      continue
    }
    if ((existing.libraryRevision ?? 0) >= t.revision) continue
    if (existing.userEdited) {
      report.keptEdited.push(t.key)
      continue
    }
    await repo.edit(existing.id, { ...fields(t), libraryRevision: t.revision }, { editedBy: null, byUser: false })
    report.updated.push(t.key)
  }
  return report
}
