import { type Catalog, defaultCatalog } from '@aipipeline/cpe'
import type { FastifyInstance } from 'fastify'
import type { TokenService } from '../auth'
import { createCpeCatalogService } from './cpe-catalog.service'
import { createCpeEngineService } from './cpe-engine.service'
import { registerCpeRoutes } from './prompts.routes'

export { type CpeCatalogService, createCpeCatalogService } from './cpe-catalog.service'
export { type CpeEngineService, createCpeEngineService } from './cpe-engine.service'
export { registerCpeRoutes } from './prompts.routes'
export { aspectRatioIdFor, aspectValue, promptParametersForShot, type ShotPromptParameters } from './shot-prompt'

/**
 * Registers the prompts module's routes. The shipped catalog is parsed on the first CPE request,
 * not at start-up, so a studio that never uses the engine never pays for it.
 */
export function registerPromptsModule(
  app: FastifyInstance,
  tokens: TokenService,
  catalog: () => Catalog = defaultCatalog,
): void {
  registerCpeRoutes(app, tokens, createCpeEngineService(catalog), createCpeCatalogService(catalog))
}
