// Where a report's HTML and PDF live: `<reports dir>/<projectId>/<reportId>.{html,pdf}`,
// stored in the database relative to the reports dir. Written to a temporary name and
// renamed, so a reader never sees half a file.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname, join, relative, resolve, sep } from 'node:path'

export function createReportFiles(root: string) {
  const base = resolve(root)
  const absolute = (rel: string) => {
    const path = resolve(base, rel)
    if (path !== base && !path.startsWith(base + sep)) throw new Error(`report path outside the reports folder: ${rel}`)
    return path
  }
  return {
    /** Writes `data` and answers its path relative to the reports dir. */
    async write(projectId: string, name: string, data: string | Buffer): Promise<string> {
      const path = join(base, projectId, name)
      await mkdir(dirname(path), { recursive: true })
      const tmp = `${path}.${process.pid}.tmp`
      await writeFile(tmp, data)
      await rename(tmp, path)
      return relative(base, path).split(sep).join('/')
    },
    read: (rel: string) => readFile(absolute(rel)),
  }
}
export type ReportFiles = ReturnType<typeof createReportFiles>
