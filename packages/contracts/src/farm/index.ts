export * from './backend-setup.contract'
export * from './farm.events'
export * from './farm-backend.contract'
export * from './render-job.contract'
export * from './shot-render.contract'
export * from './version-derive.contract'
export * from './workflow-template.contract'

import { backendSetupRoutes } from './backend-setup.contract'
import { farmBackendRoutes } from './farm-backend.contract'
import { renderJobRoutes } from './render-job.contract'
import { shotRenderRoutes } from './shot-render.contract'
import { versionDeriveRoutes } from './version-derive.contract'
import { workflowTemplateRoutes } from './workflow-template.contract'

/** Every route of the render farm API. */
export const farmRoutes = {
  ...farmBackendRoutes,
  ...renderJobRoutes,
  ...shotRenderRoutes,
  ...workflowTemplateRoutes,
  ...versionDeriveRoutes,
  ...backendSetupRoutes,
}
