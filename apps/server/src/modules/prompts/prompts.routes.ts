import { cpeCatalogRoutes, cpeEngineRoutes } from '@aipipeline/contracts'
import type { FastifyInstance } from 'fastify'
import { bindRoute } from '../../http/route-binder'
import type { TokenService } from '../auth'
import type { CpeCatalogService } from './cpe-catalog.service'
import type { CpeEngineService } from './cpe-engine.service'

/** HTTP routes of the Cinematic Prompt Engine; each handler is one service call. */
export function registerCpeRoutes(
  app: FastifyInstance,
  tokens: TokenService,
  engine: CpeEngineService,
  catalog: CpeCatalogService,
): void {
  const r = cpeEngineRoutes
  bindRoute(app, tokens, r.validateCpeConfig, async ({ body }) => engine.validate(body.config))
  bindRoute(app, tokens, r.cpeOptions, async ({ body }) => engine.options(body.config, body.fields))
  bindRoute(app, tokens, r.generateCpePrompt, async ({ body }) => engine.generatePrompts(body.config, body.model))
  bindRoute(app, tokens, r.applyCpePreset, async ({ body }) => engine.applyPreset(body.config, body.presetId))

  const c = cpeCatalogRoutes
  bindRoute(app, tokens, c.listCpeCameras, async ({ query }) => catalog.cameras(query))
  bindRoute(app, tokens, c.listCpeLenses, async ({ query }) => catalog.lenses(query))
  bindRoute(app, tokens, c.listCpeStocks, async ({ query }) => catalog.stocks(query))
  bindRoute(app, tokens, c.listCpeLights, async ({ query }) => catalog.lights(query))
  bindRoute(app, tokens, c.listCpeSupports, async ({ query }) => catalog.supports(query))
  bindRoute(app, tokens, c.listCpeAspectRatios, async ({ query }) => catalog.aspectRatios(query))
  bindRoute(app, tokens, c.listCpeFormats, async ({ query }) => catalog.formats(query))
  bindRoute(app, tokens, c.listCpeRules, async ({ query }) => catalog.rules(query))
  bindRoute(app, tokens, c.listCpePresets, async ({ query }) => catalog.presets(query))
  bindRoute(app, tokens, c.getCpePreset, async ({ params }) => catalog.preset(params.id))
}
