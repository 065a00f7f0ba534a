// Code-based route tree: /login outside the shell, every section inside the signed-in layout.
import { createRootRouteWithContext, createRoute, createRouter, Outlet, redirect } from '@tanstack/react-router'
import type { ApiClient } from '../api/api-client'
import { PageLoader } from '../components/page-loader'
import { AgentsPage } from '../features/agents/agents-page'
import { RunDetailPage } from '../features/agents/run-detail-page'
import { type ImportSearch, ImportWizardPage } from '../features/agents/script-import/import-wizard-page'
import { LoginPage } from '../features/auth/login-page'
import { ProjectDashboardRoute } from '../features/dashboards/dashboard-routes'
import { StudioDashboardPage } from '../features/dashboards/studio-dashboard-page'
import { parseDrillSearch } from '../features/dashboards/use-dashboard-drill'
import { FarmPage } from '../features/farm/farm-page'
import { JobDetailPage } from '../features/farm/job-detail-page'
import { RenderGroupPage } from '../features/farm/render/render-group-page'
import { TemplateImportPage } from '../features/farm/templates/import/template-import-page'
import { TemplateDetailPage } from '../features/farm/templates/template-detail-page'
import { TemplatesPage } from '../features/farm/templates/templates-page'
import { AccountLinkPage } from '../features/people/account-link-page'
import { AccountPage } from '../features/people/account-page'
import { UsersPage } from '../features/people/users-page'
import {
  AssetRoute,
  BoardRoute,
  BreakdownRoute,
  CharacterRoute,
  ProjectReportsRoute,
  ProjectSettingsRoute,
  ShotRoute,
  type ShotSearch,
  ShotTableRoute,
  type ShotTableSearch,
} from '../features/projects/project-routes'
import { ProjectView } from '../features/projects/project-view'
import { ProjectsPage } from '../features/projects/projects-page'
import { PromptEnginePage } from '../features/prompt-engine/prompt-engine-page'
import { GuestShell } from '../features/review/guests/guest-shell'
import { GuestStartPage } from '../features/review/guests/guest-start-page'
import { parseReviewSearch, type ReviewSearch } from '../features/review/playlists/playlists-section'
import { ReviewPage } from '../features/review/review-page'
import { ReviewSessionRoute } from '../features/review/session/review-session-page'
import { SettingsPage } from '../features/settings/settings-page'
import { AppLayout } from './app-layout'
import { NotFoundPage } from './not-found-page'

export interface RouterContext {
  api: ApiClient
  /** Settles when the stored refresh token has been tried; guards wait for it. */
  restored: Promise<unknown>
}

export interface LoginSearch {
  redirect?: string
  expired?: boolean
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
})

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (search: Record<string, unknown>): LoginSearch => ({
    // Only same-origin paths: a crafted link must not send a fresh sign-in to another site.
    ...(typeof search.redirect === 'string' && /^\/(?!\/)/.test(search.redirect) ? { redirect: search.redirect } : {}),
    ...(search.expired === true ? { expired: true } : {}),
  }),
  beforeLoad: async ({ context }) => {
    await context.restored
    if (context.api.getSession()) throw redirect({ to: '/projects' })
  },
  component: LoginPage,
})

// Invitation and password-reset links: open to anyone holding one, signed in or not.
const accountLinkRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/account-link',
  component: AccountLinkPage,
})

// Review guest links: outside the signed-in shell, and never a sign-in (see api/guest-session.ts).
const guestStartRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/guest/$token',
  component: GuestStartPage,
})
const guestReviewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/guest/review/$playlistId',
  component: GuestShell,
})

const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'signed-in',
  beforeLoad: async ({ context, location }) => {
    // A review guest's playlist opens in the guest shell, never in the signed-in one.
    const guest = context.api.guests.current()
    if (guest !== null && location.pathname === `/review/${guest.session.playlistId}`) {
      throw redirect({ to: '/guest/review/$playlistId', params: { playlistId: guest.session.playlistId } })
    }
    await context.restored
    if (!context.api.getSession()) {
      throw redirect({ to: '/login', search: location.pathname === '/' ? {} : { redirect: location.href } })
    }
  },
  component: AppLayout,
})

const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/projects' })
  },
})

const projectsRoute = createRoute({ getParentRoute: () => appRoute, path: '/projects', component: ProjectsPage })
const projectRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/projects/$projectId',
  component: ProjectView,
})
const projectIndexRoute = createRoute({
  getParentRoute: () => projectRoute,
  path: '/',
  beforeLoad: ({ params }) => {
    throw redirect({ to: '/projects/$projectId/shots', params })
  },
})
const shotTableRoute = createRoute({
  getParentRoute: () => projectRoute,
  path: 'shots',
  // `drill`: the shots behind a dashboard chart's bar (see features/dashboards).
  validateSearch: (search: Record<string, unknown>): ShotTableSearch => {
    const drill = parseDrillSearch(search.drill)
    return drill ? { drill } : {}
  },
  component: ShotTableRoute,
})
const projectDashboardRoute = createRoute({
  getParentRoute: () => projectRoute,
  path: 'dashboard',
  component: ProjectDashboardRoute,
})
const studioDashboardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/dashboard',
  component: StudioDashboardPage,
})
const boardRoute = createRoute({ getParentRoute: () => projectRoute, path: 'board', component: BoardRoute })
const breakdownRoute = createRoute({ getParentRoute: () => projectRoute, path: 'breakdown', component: BreakdownRoute })
const characterRoute = createRoute({
  getParentRoute: () => projectRoute,
  path: 'characters/$characterId',
  component: CharacterRoute,
})
const assetRoute = createRoute({ getParentRoute: () => projectRoute, path: 'assets/$assetId', component: AssetRoute })
const projectSettingsRoute = createRoute({
  getParentRoute: () => projectRoute,
  path: 'settings',
  component: ProjectSettingsRoute,
})
const projectReportsRoute = createRoute({
  getParentRoute: () => projectRoute,
  path: 'reports',
  component: ProjectReportsRoute,
})
const shotRoute = createRoute({
  getParentRoute: () => projectRoute,
  path: 'shots/$shotId',
  // `version` opens the shot on that version (links from the farm, review, notifications).
  validateSearch: (search: Record<string, unknown>): ShotSearch =>
    typeof search.version === 'string' && search.version !== '' ? { version: search.version } : {},
  component: ShotRoute,
})
const farmRoute = createRoute({ getParentRoute: () => appRoute, path: '/farm', component: FarmPage })
const farmJobRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/farm/jobs/$jobId',
  component: JobDetailPage,
})
const templatesRoute = createRoute({ getParentRoute: () => appRoute, path: '/templates', component: TemplatesPage })
const templateImportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/templates/import',
  component: TemplateImportPage,
})
const templateRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/templates/$templateId',
  component: TemplateDetailPage,
})
const renderGroupRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/farm/groups/$groupId',
  component: RenderGroupPage,
})
const reviewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/review',
  // `project` opens the section on that project's playlists (links from a project's page).
  validateSearch: (search: Record<string, unknown>): ReviewSearch => parseReviewSearch(search),
  component: ReviewPage,
})
const reviewSessionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/review/$playlistId',
  component: ReviewSessionRoute,
})
const promptEngineRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/prompt-engine',
  component: PromptEnginePage,
})
const agentsRoute = createRoute({ getParentRoute: () => appRoute, path: '/agents', component: AgentsPage })
const agentRunRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/agents/runs/$runId',
  component: RunDetailPage,
})
const agentImportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/agents/import',
  // A finished run's id reopens the wizard at its review.
  validateSearch: (search: Record<string, unknown>): ImportSearch =>
    typeof search.runId === 'string' && search.runId !== '' ? { runId: search.runId } : {},
  component: ImportWizardPage,
})
const settingsRoute = createRoute({ getParentRoute: () => appRoute, path: '/settings', component: SettingsPage })
const usersRoute = createRoute({ getParentRoute: () => appRoute, path: '/users', component: UsersPage })
const accountRoute = createRoute({ getParentRoute: () => appRoute, path: '/account', component: AccountPage })

const routeTree = rootRoute.addChildren([
  loginRoute,
  accountLinkRoute,
  guestStartRoute,
  guestReviewRoute,
  appRoute.addChildren([
    indexRoute,
    projectsRoute,
    projectRoute.addChildren([
      projectIndexRoute,
      shotTableRoute,
      boardRoute,
      shotRoute,
      projectSettingsRoute,
      projectReportsRoute,
      breakdownRoute,
      characterRoute,
      assetRoute,
      projectDashboardRoute,
    ]),
    studioDashboardRoute,
    farmRoute,
    farmJobRoute,
    templatesRoute,
    templateImportRoute,
    templateRoute,
    renderGroupRoute,
    reviewRoute,
    reviewSessionRoute,
    promptEngineRoute,
    agentsRoute,
    agentRunRoute,
    agentImportRoute,
    settingsRoute,
    usersRoute,
    accountRoute,
  ]),
])

export function createAppRouter(context: RouterContext) {
  return createRouter({
    routeTree,
    context,
    defaultPendingComponent: PageLoader,
    // Show the loader only when restoring the session actually takes a moment.
    defaultPendingMs: 150,
  })
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>
  }
}
