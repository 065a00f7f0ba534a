export type { BreakdownItems, BreakdownResult, BreakdownService } from './breakdown.service'
export { type ProductionModule, type ProductionServices, registerProductionModule } from './production.module'
export type { RenderOutput, RenderOutputFile, VersionService } from './version.service'
