// The production module as the app wires it: services built once, routes registered over them,
// the realtime room policy handed to the hub. Services live in production.services.ts so the
// routes can take their type without importing this file back.
import type { FastifyInstance } from 'fastify'
import type { RoomPolicy } from '../../realtime/realtime-hub'
import type { TokenService } from '../auth'
import { registerProductionRoutes } from './production.routes'
import { createProductionServices, type ProductionModuleDeps, type ProductionServices } from './production.services'

export interface ProductionModule {
  services: ProductionServices
  /** Room policy for the realtime hub: project rooms need membership (staff roles). */
  roomPolicy(fallback: RoomPolicy): RoomPolicy
}

/** Builds the services and registers the routes. */
export function registerProductionModule(
  app: FastifyInstance,
  tokens: TokenService,
  deps: ProductionModuleDeps,
): ProductionModule {
  const services = createProductionServices(deps)
  registerProductionRoutes(app, tokens, services)
  return { services, roomPolicy: (fallback) => services.access.roomPolicy(fallback) }
}
