// The farm studio fixture (farm-studio.fixture.ts) as a child process, for the chaos test.
import { fileURLToPath } from 'node:url'
import {
  type StudioProcess,
  type StudioProcessOptions,
  startStudioProcess as start,
} from '@aipipeline/testing/studio-process'

export type { StudioProcess }

/** Absolute path of the studio entry script, for runners outside the server (bench/). */
export const FARM_STUDIO_ENTRY = fileURLToPath(new URL('./farm-studio.fixture.ts', import.meta.url))

/** Starts a farm studio process and signs in as its bootstrap admin. */
export function startStudioProcess(o: Omit<StudioProcessOptions, 'entry'>): Promise<StudioProcess> {
  return start({ ...o, entry: FARM_STUDIO_ENTRY })
}
