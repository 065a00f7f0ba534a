export * from './agent-events.contract'
export * from './agent-run.contract'
export * from './prompt-enhancement.contract'
export * from './script-analysis.contract'

import { agentRunRoutes } from './agent-run.contract'
import { promptEnhancementRoutes } from './prompt-enhancement.contract'
import { scriptAnalysisRoutes } from './script-analysis.contract'

/** Every agents HTTP route. */
export const agentRoutes = { ...agentRunRoutes, ...scriptAnalysisRoutes, ...promptEnhancementRoutes }
