// The whole database as Kysely sees it: one interface per area, merged here.
import type { AgentsTables } from './agents.tables'
import type { AuthTables } from './auth.tables'
import type { FarmTables } from './farm.tables'
import type { FarmAgentTables } from './farm-agent.tables'
import type { JobsTables } from './jobs.tables'
import type { LlmTables } from './llm.tables'
import type { ProductionTables } from './production.tables'
import type { ReportsTables } from './reports.tables'
import type { ReviewTables } from './review.tables'
import type { ReviewGuestTables } from './review-guests.tables'
import type { ReviewProxiesTables } from './review-proxies.tables'

export interface DatabaseSchema
  extends AuthTables,
    JobsTables,
    FarmTables,
    ProductionTables,
    LlmTables,
    AgentsTables,
    FarmAgentTables,
    ReportsTables,
    ReviewProxiesTables,
    ReviewTables,
    ReviewGuestTables {}
