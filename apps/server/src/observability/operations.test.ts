// Operations endpoints: Prometheus metrics and the OpenAPI document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestStudio, type TestStudio } from '../../test-kits/test-studio'

describe('operations endpoints', () => {
  let studio: TestStudio
  beforeAll(async () => {
    studio = await createTestStudio('sqlite')
  })
  afterAll(async () => studio.close())

  it('exposes process and HTTP request metrics in Prometheus text format', async () => {
    await studio.app.inject({ method: 'GET', url: '/api/health' })
    await studio.app.inject({ method: 'GET', url: '/api/me' })
    const res = await studio.app.inject({ method: 'GET', url: '/metrics' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/text\/plain/)
    expect(res.body).toContain('aipipeline_process_cpu_seconds_total')
    expect(res.body).toMatch(
      /aipipeline_http_requests_total\{method="GET",route="\/api\/health",status_code="200"\} \d+/,
    )
    // Route patterns, not raw URLs, keep label cardinality bounded.
    expect(res.body).toMatch(/aipipeline_http_request_duration_seconds_bucket\{.*route="\/api\/me",status_code="401"/)
  })

  it('publishes an OpenAPI document covering every contract route, and a docs page', async () => {
    const doc = await studio.app.inject({ method: 'GET', url: '/api/docs/json' })
    expect(doc.statusCode).toBe(200)
    const spec = doc.json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>()
    expect(spec.openapi).toMatch(/^3\./)
    for (const route of studio.app.boundRoutes) {
      const path = route.path.replace(/:([A-Za-z]+)/g, '{$1}')
      expect(spec.paths[path]?.[route.method.toLowerCase()], `${route.method} ${route.path}`).toBeDefined()
    }
    const page = await studio.app.inject({ method: 'GET', url: '/api/docs/' })
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('<html')
  })
})
