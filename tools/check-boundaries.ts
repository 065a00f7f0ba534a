// `npm run boundaries`: fails when code imports across the architecture's boundaries.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { checkFile, findCycles, importsOf, type SourceFile } from './boundaries'

const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts', '*.tsx'], {
  encoding: 'utf8',
})
  .split('\n')
  .filter((f) => f.length > 0 && !f.includes('node_modules/'))

const sources: SourceFile[] = files.flatMap((path) => {
  try {
    return [{ path, imports: importsOf(readFileSync(path, 'utf8')) }]
  } catch {
    return [] // listed by git but deleted in the working tree
  }
})
const violations = [...sources.flatMap(checkFile), ...findCycles(sources)]

if (violations.length > 0) {
  for (const v of violations) console.error(`${v.file}: "${v.specifier}" — ${v.rule}`)
  console.error(`\n${violations.length} boundary violation(s) in ${files.length} files`)
  process.exit(1)
}
console.log(`boundaries: ${files.length} files, no violations`)
