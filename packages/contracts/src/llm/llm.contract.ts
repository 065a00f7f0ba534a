// Routes of Settings → Models: deployments (keys write-only), prices, budgets, usage, the
// test call and the pre-call estimate. Deployments and prices are admin-edited and readable
// by managers; budgets are set by managers (the override flag by admins only, checked in
// the service); usage is for managers and up.
import { access } from '@aipipeline/domain'
import { z } from 'zod'
import { defineRoute } from '../http/route'
import {
  CreateLlmDeploymentRequest,
  LlmBudget,
  LlmBudgetQuery,
  LlmDeployment,
  LlmEstimate,
  LlmEstimateRequest,
  LlmIdParams,
  LlmPrice,
  LlmPriceList,
  LlmTestCallRequest,
  LlmTestCallResult,
  LlmUsageAggregate,
  LlmUsageAggregateQuery,
  LlmUsageEntry,
  LlmUsageQuery,
  UpdateLlmDeploymentRequest,
  UpsertLlmBudgetRequest,
  UpsertLlmPriceRequest,
} from './llm.schemas'

const tags = ['llm'] as const
const readers = access.atLeast('manager')
const admins = access.only('admin')

export const llmRoutes = {
  listLlmDeployments: defineRoute({
    method: 'GET',
    path: '/api/llm/deployments',
    summary: 'Model deployments with key status (never the key) and breaker health',
    tags,
    access: readers,
    response: z.object({ items: z.array(LlmDeployment) }),
  }),
  createLlmDeployment: defineRoute({
    method: 'POST',
    path: '/api/llm/deployments',
    summary: 'Add a model deployment; the API key is stored encrypted and never returned',
    tags,
    access: admins,
    body: CreateLlmDeploymentRequest,
    response: LlmDeployment,
    status: 201,
  }),
  updateLlmDeployment: defineRoute({
    method: 'PATCH',
    path: '/api/llm/deployments/:id',
    summary: 'Change a deployment; apiKey replaces (string) or removes (null) the stored key',
    tags,
    access: admins,
    params: LlmIdParams,
    body: UpdateLlmDeploymentRequest,
    response: LlmDeployment,
  }),
  deleteLlmDeployment: defineRoute({
    method: 'DELETE',
    path: '/api/llm/deployments/:id',
    summary: 'Remove a deployment and its stored key',
    tags,
    access: admins,
    params: LlmIdParams,
    response: null,
    status: 204,
  }),
  testLlmDeployment: defineRoute({
    method: 'POST',
    path: '/api/llm/deployments/:id/test',
    summary: 'Run a small prompt through the router against this deployment only',
    tags,
    access: admins,
    params: LlmIdParams,
    body: LlmTestCallRequest,
    response: LlmTestCallResult,
  }),
  listLlmPrices: defineRoute({
    method: 'GET',
    path: '/api/llm/prices',
    summary: 'The price table (per million tokens, micro-dollars), seed rows dated',
    tags,
    access: readers,
    response: LlmPriceList,
  }),
  upsertLlmPrice: defineRoute({
    method: 'PUT',
    path: '/api/llm/prices',
    summary: "Set a model's price per million tokens",
    tags,
    access: admins,
    body: UpsertLlmPriceRequest,
    response: LlmPrice,
  }),
  listLlmBudgets: defineRoute({
    method: 'GET',
    path: '/api/llm/budgets',
    summary: 'Monthly LLM budgets per project with spend and state',
    tags,
    access: readers,
    query: LlmBudgetQuery,
    response: z.object({ items: z.array(LlmBudget) }),
  }),
  upsertLlmBudget: defineRoute({
    method: 'PUT',
    path: '/api/llm/budgets',
    summary: "Set a project's monthly budget (the override flag is for admins)",
    tags,
    access: readers,
    body: UpsertLlmBudgetRequest,
    response: LlmBudget,
  }),
  listLlmUsage: defineRoute({
    method: 'GET',
    path: '/api/llm/usage',
    summary: 'Usage ledger: one row per provider attempt, newest first',
    tags,
    access: readers,
    query: LlmUsageQuery,
    response: z.object({ items: z.array(LlmUsageEntry) }),
  }),
  aggregateLlmUsage: defineRoute({
    method: 'GET',
    path: '/api/llm/usage/summary',
    summary: 'Spend and tokens grouped by day, model, project or deployment (charts)',
    tags,
    access: readers,
    query: LlmUsageAggregateQuery,
    response: LlmUsageAggregate,
  }),
  estimateLlmCall: defineRoute({
    method: 'POST',
    path: '/api/llm/estimate',
    summary: 'Tokens per prompt part, candidate deployments and worst-case cost, without calling a model',
    tags,
    access: readers,
    body: LlmEstimateRequest,
    response: LlmEstimate,
  }),
}
