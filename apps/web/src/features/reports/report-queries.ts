// Reads and writes of project reports through the typed client. The list polls while a
// report is being generated, so its progress moves without a reload.
import { type Report, type ReportSchedule, reportRoutes } from '@aipipeline/contracts'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import { useApi } from '../../api/api-context'

export type ReportItem = z.infer<typeof Report>
export type Schedule = z.infer<typeof ReportSchedule>

export const reportKeys = {
  list: (projectId: string) => ['project', projectId, 'reports'] as const,
  schedule: (projectId: string) => ['project', projectId, 'report-schedule'] as const,
}

const POLL_MS = 1000

export function useReports(projectId: string, options: { enabled: boolean }) {
  const api = useApi()
  return useQuery({
    queryKey: reportKeys.list(projectId),
    queryFn: async () => (await api.call(reportRoutes.listReports, { params: { projectId } })).items,
    // Roles the server refuses never ask (no 403 in their console).
    enabled: options.enabled,
    refetchInterval: (q) =>
      (q.state.data ?? []).some((r) => r.status === 'queued' || r.status === 'running') ? POLL_MS : false,
  })
}

export function useGenerateReport(projectId: string) {
  const api = useApi()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: { kind: ReportItem['kind']; locale: ReportItem['locale'] }) =>
      api.call(reportRoutes.generateReport, { params: { projectId }, body }),
    onSuccess: (report) =>
      queryClient.setQueryData<ReportItem[]>(reportKeys.list(projectId), (cur) => [
        report,
        ...(cur ?? []).filter((r) => r.id !== report.id),
      ]),
  })
}

export function useReportSchedule(projectId: string) {
  const api = useApi()
  return useQuery({
    queryKey: reportKeys.schedule(projectId),
    queryFn: () => api.call(reportRoutes.getReportSchedule, { params: { projectId } }),
  })
}

export function useSaveReportSchedule(projectId: string) {
  const api = useApi()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: Schedule) => api.call(reportRoutes.updateReportSchedule, { params: { projectId }, body }),
    onSuccess: (saved) => queryClient.setQueryData(reportKeys.schedule(projectId), saved),
  })
}

/** Paths of a report's files (fetched with the session's token). */
export function reportFilePath(r: Pick<ReportItem, 'projectId' | 'id'>, format: 'html' | 'pdf'): string {
  return `/api/projects/${encodeURIComponent(r.projectId)}/reports/${encodeURIComponent(r.id)}/${format}`
}

/** Roles that read and generate reports (the server's rule). */
export function readsReports(role: string | undefined): boolean {
  return role === 'admin' || role === 'manager' || role === 'supervisor'
}
