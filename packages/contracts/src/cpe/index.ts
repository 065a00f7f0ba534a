export * from './cpe-catalog.contract'
export * from './cpe-engine.contract'

import { cpeCatalogRoutes } from './cpe-catalog.contract'
import { cpeEngineRoutes } from './cpe-engine.contract'

/** Every route of the Cinematic Prompt Engine API. */
export const cpeRoutes = { ...cpeEngineRoutes, ...cpeCatalogRoutes }
