// Route components of the Projects area: they read the path parameters and render the page.
import { useNavigate, useParams, useSearch } from '@tanstack/react-router'
import type { DrillSearch } from '../dashboards/use-dashboard-drill'
import { ReportsPage } from '../reports/reports-page'
import { BoardPage } from './board/board-page'
import { BreakdownPage } from './breakdown/breakdown-page'
import { AssetPage, CharacterPage } from './breakdown/entry-pages'
import { ProjectSettingsPage } from './project-settings-page'
import { ShotPage } from './shot-page/shot-page'
import { ShotTablePage } from './shot-table/shot-table-page'

/** /projects/$projectId/shots */
export function ShotTableRoute() {
  const { projectId } = useParams({ from: '/signed-in/projects/$projectId/shots' })
  const { drill } = useSearch({ from: '/signed-in/projects/$projectId/shots' })
  return <ShotTablePage projectId={projectId} drill={drill} />
}

/** The shot table's search: the dashboard drill whose shots it shows. */
export interface ShotTableSearch {
  drill?: DrillSearch
}

/** /projects/$projectId/board */
export function BoardRoute() {
  const { projectId } = useParams({ from: '/signed-in/projects/$projectId/board' })
  return <BoardPage projectId={projectId} />
}

/** /projects/$projectId/shots/$shotId */
export function ShotRoute() {
  const { projectId, shotId } = useParams({ from: '/signed-in/projects/$projectId/shots/$shotId' })
  const { version } = useSearch({ from: '/signed-in/projects/$projectId/shots/$shotId' })
  const navigate = useNavigate()
  const selectVersion = (versionId: string) =>
    void navigate({
      to: '/projects/$projectId/shots/$shotId',
      params: { projectId, shotId },
      search: { version: versionId },
      replace: true,
    })
  // Keyed by shot so moving between shots starts each page fresh (composer, CPE panel).
  return (
    <ShotPage
      key={shotId}
      projectId={projectId}
      shotId={shotId}
      versionId={version ?? null}
      onSelectVersion={selectVersion}
    />
  )
}

/** The shot page's search: the version it shows. */
export interface ShotSearch {
  version?: string
}

/** /projects/$projectId/settings */
export function ProjectSettingsRoute() {
  const { projectId } = useParams({ from: '/signed-in/projects/$projectId/settings' })
  return <ProjectSettingsPage projectId={projectId} />
}

/** /projects/$projectId/reports */
export function ProjectReportsRoute() {
  const { projectId } = useParams({ from: '/signed-in/projects/$projectId/reports' })
  return <ReportsPage projectId={projectId} />
}

/** /projects/$projectId/breakdown */
export function BreakdownRoute() {
  const { projectId } = useParams({ from: '/signed-in/projects/$projectId/breakdown' })
  return <BreakdownPage projectId={projectId} />
}

/** /projects/$projectId/characters/$characterId */
export function CharacterRoute() {
  const { projectId, characterId } = useParams({ from: '/signed-in/projects/$projectId/characters/$characterId' })
  return <CharacterPage key={characterId} projectId={projectId} characterId={characterId} />
}

/** /projects/$projectId/assets/$assetId */
export function AssetRoute() {
  const { projectId, assetId } = useParams({ from: '/signed-in/projects/$projectId/assets/$assetId' })
  return <AssetPage key={assetId} projectId={projectId} assetId={assetId} />
}
