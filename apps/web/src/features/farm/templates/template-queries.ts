// Query keys and calls of the Templates page, through the typed client built from the contracts.
import { farmRoutes, type RouteContract, type WorkflowTemplateInspection } from '@aipipeline/contracts'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import { useApi } from '../../../api/api-context'
import { farmKeys } from '../farm-queries'

export const templateKeys = {
  all: farmKeys.templates,
  one: (id: string) => [...farmKeys.templates, id] as const,
  revisions: (id: string) => [...farmKeys.templates, id, 'revisions'] as const,
  compatibility: (id: string) => [...farmKeys.templates, id, 'compatibility'] as const,
}

/** Every template of the library, shipped and saved. */
export function useTemplateList() {
  const api = useApi()
  return useQuery({
    queryKey: templateKeys.all,
    queryFn: async () => (await api.call(farmRoutes.listWorkflowTemplates)).items,
  })
}

export function useTemplate(id: string) {
  const api = useApi()
  return useQuery({
    queryKey: templateKeys.one(id),
    queryFn: () => api.call(farmRoutes.getWorkflowTemplate, { params: { id } }),
  })
}

export function useTemplateRevisions(id: string) {
  const api = useApi()
  return useQuery({
    queryKey: templateKeys.revisions(id),
    queryFn: async () => (await api.call(farmRoutes.listWorkflowTemplateRevisions, { params: { id } })).items,
  })
}

/** Which backends can run a template; backends come and go, so it is checked again now and then. */
export function useTemplateCompatibility(id: string) {
  const api = useApi()
  return useQuery({
    queryKey: templateKeys.compatibility(id),
    queryFn: async () => (await api.call(farmRoutes.getWorkflowTemplateCompatibility, { params: { id } })).backends,
    staleTime: 30_000,
  })
}

/** What the server read from a workflow file: prompt with placeholders, parameters, traits, graph. */
export type Inspection = z.output<typeof WorkflowTemplateInspection>

/** The request body a route's contract accepts. */
type BodyOf<R> = R extends RouteContract<z.ZodType, z.ZodType, infer B> ? z.input<B> : never
type UpdateBody = BodyOf<typeof farmRoutes.updateWorkflowTemplate>

/** Edits a template; the list, the template and its revisions are read again afterwards. */
export function useUpdateTemplate(id: string) {
  const api = useApi()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: UpdateBody) => api.call(farmRoutes.updateWorkflowTemplate, { params: { id }, body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(templateKeys.one(id), saved)
      void queryClient.invalidateQueries({ queryKey: templateKeys.all })
    },
  })
}

export function useDeleteTemplate() {
  const api = useApi()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => api.callNoContent(farmRoutes.deleteWorkflowTemplate, { params: { id } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: templateKeys.all }),
  })
}

/** Reads a workflow or a file on the server without saving anything. */
export function useInspectWorkflow() {
  const api = useApi()
  return useMutation({
    mutationFn: (body: BodyOf<typeof farmRoutes.inspectWorkflowTemplate>) =>
      api.call(farmRoutes.inspectWorkflowTemplate, { body }),
  })
}

export function useCreateTemplate() {
  const api = useApi()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: BodyOf<typeof farmRoutes.createWorkflowTemplate>) =>
      api.call(farmRoutes.createWorkflowTemplate, { body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: templateKeys.all }),
  })
}
