// Route component of the project dashboard tab.
import { useParams } from '@tanstack/react-router'
import { ProjectDashboardPage } from './project-dashboard-page'

/** /projects/$projectId/dashboard */
export function ProjectDashboardRoute() {
  const { projectId } = useParams({ from: '/signed-in/projects/$projectId/dashboard' })
  return <ProjectDashboardPage projectId={projectId} />
}
