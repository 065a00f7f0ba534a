import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { requireSharedFixtures } from '@aipipeline/testing'
import { ObjectInfo } from './object-info.schema'

// The ComfyUI fixtures are GPL/MIT data kept outside the package (../shared); tests read them by path.
const root = new URL('../../../../../shared/fixtures/comfyui/', import.meta.url)

/** Absolute path of a file under the shared ComfyUI fixtures folder. */
export function fixturePath(relative: string): string {
  return fileURLToPath(new URL(relative, root))
}

/** Whether the shared fixtures are present (they are in CI and in the development checkout). */
export const fixturesPresent = existsSync(fixturePath('README.md'))

/** Whether fixture tests run here: a printed notice when absent, a failure under CI=true. */
export const fixturesAvailable = fixturesPresent || requireSharedFixtures('ComfyUI fixture tests')

/** Parsed JSON of a fixture file. */
export function readFixture(relative: string): unknown {
  return JSON.parse(readFileSync(fixturePath(relative), 'utf8'))
}

/** File names in a fixture folder, sorted; none when the shared fixtures are absent (a fresh clone). */
export function listFixtures(folder: string): string[] {
  return fixturesPresent ? readdirSync(fixturePath(folder)).sort() : []
}

const objectInfoCache = new Map<string, ObjectInfo>()

/** An object_info dump by stem, parsed with the production schema (and cached: the full dumps are 1–2 MB). */
export function loadObjectInfo(stem: string): ObjectInfo {
  const cached = objectInfoCache.get(stem)
  if (cached !== undefined) return cached
  const parsed = ObjectInfo.parse(readFixture(`object_info/${stem}.object_info.json`))
  objectInfoCache.set(stem, parsed)
  return parsed
}
