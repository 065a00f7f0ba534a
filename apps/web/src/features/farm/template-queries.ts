// Calls of the workflow template library: compatibility and revisions of one template, and
// importing a workflow (inspect, then save).
import {
  type CreateWorkflowTemplateRequest,
  farmRoutes,
  type InspectWorkflowTemplateRequest,
} from '@aipipeline/contracts'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import { useApi } from '../../api/api-context'
import { farmKeys } from './farm-queries'

export function useTemplateCompatibility(id: string, enabled: boolean) {
  const api = useApi()
  return useQuery({
    queryKey: ['farm', 'template', id, 'compatibility'],
    queryFn: () => api.call(farmRoutes.getWorkflowTemplateCompatibility, { params: { id } }),
    enabled,
  })
}

export function useTemplateRevisions(id: string, enabled: boolean) {
  const api = useApi()
  return useQuery({
    queryKey: ['farm', 'template', id, 'revisions'],
    queryFn: () => api.call(farmRoutes.listWorkflowTemplateRevisions, { params: { id } }),
    enabled,
  })
}

export function useInspectTemplate() {
  const api = useApi()
  return useMutation({
    mutationFn: (body: z.input<typeof InspectWorkflowTemplateRequest>) =>
      api.call(farmRoutes.inspectWorkflowTemplate, { body }),
  })
}

export function useCreateTemplate(onCreated: () => void) {
  const api = useApi()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: z.input<typeof CreateWorkflowTemplateRequest>) =>
      api.call(farmRoutes.createWorkflowTemplate, { body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: farmKeys.templates })
      onCreated()
    },
  })
}
