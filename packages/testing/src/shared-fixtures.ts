// Real public data for tests lives beside the repository in ../shared/fixtures (ComfyUI
// workflows and object_info dumps, screenplays, EDL/OTIO samples). CI always has it; a plain
// clone may not, so tests that read it skip with a notice there and fail under CI=true.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { requireService, type ServiceAvailability } from './services'

/** Absolute path of the shared fixtures folder (it may not exist). */
export const SHARED_FIXTURES_DIR = fileURLToPath(new URL('../../../../shared/fixtures/', import.meta.url))

export const sharedFixtures: ServiceAvailability = existsSync(SHARED_FIXTURES_DIR)
  ? { available: true, reason: '' }
  : { available: false, reason: `the shared fixtures folder ${SHARED_FIXTURES_DIR} is missing` }

/** True when tests needing the shared fixtures may run; a notice or (under CI) a failure otherwise. */
export function requireSharedFixtures(what: string): boolean {
  return requireService(sharedFixtures, what)
}

/** Absolute path of a file under the shared fixtures folder. */
export function sharedFixturePath(relative: string): string {
  return fileURLToPath(new URL(relative, `file://${SHARED_FIXTURES_DIR}`))
}
