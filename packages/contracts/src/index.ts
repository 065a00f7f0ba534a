export * from './agents/index'
export * from './auth/account.contract'
export * from './auth/auth.contract'
export * from './cpe'
export * from './dashboards/dashboard.contract'
export * from './farm'
export * from './farm-agent/index'
export * from './http/base64'
export * from './http/error-body'
export * from './http/json-depth'
export * from './http/route'
export * from './llm/index'
export * from './production/index'
export * from './realtime/realtime.contract'
export * from './reports/index'
export * from './review/index'
export * from './system/system.contract'

import { agentRoutes } from './agents/index'
import { accountRoutes } from './auth/account.contract'
import { authRoutes } from './auth/auth.contract'
import { cpeRoutes } from './cpe'
import { dashboardRoutes } from './dashboards/dashboard.contract'
import { farmRoutes } from './farm'
import { farmAgentRoutes } from './farm-agent/index'
import { llmRoutes } from './llm/index'
import { productionRoutes } from './production/index'
import { reportRoutes } from './reports/index'
import { annotationRoutes, guestLinkRoutes, playlistRoutes, reviewProxyRoutes } from './review/index'
import { systemRoutes } from './system/system.contract'

/** Every HTTP route of the API; the server binds exactly these (the matrix test checks). */
export const apiRoutes = {
  ...systemRoutes,
  ...authRoutes,
  ...accountRoutes,
  ...productionRoutes,
  ...dashboardRoutes,
  ...cpeRoutes,
  ...llmRoutes,
  ...agentRoutes,
  ...farmRoutes,
  ...farmAgentRoutes,
  ...reportRoutes,
  ...reviewProxyRoutes,
  ...playlistRoutes,
  ...annotationRoutes,
  ...guestLinkRoutes,
}
