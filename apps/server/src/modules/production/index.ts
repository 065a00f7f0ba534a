export type { BreakdownItems, BreakdownResult, BreakdownService } from './breakdown.service'
export { type ProductionModule, registerProductionModule } from './production.module'
export type { ProductionServices } from './production.services'
export type { RenderOutput, RenderOutputFile, VersionService } from './version.service'
