import { defineRoute } from '@aipipeline/contracts'
import { access } from '@aipipeline/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createTestStudio, type TestStudio } from '../../test-kits/test-studio'
import { bindRoute } from './route-binder'

describe('route binder', () => {
  let studio: TestStudio
  beforeAll(async () => {
    studio = await createTestStudio('sqlite', { config: { bodyLimitBytes: 2048 } })
  })
  afterAll(async () => studio.close())

  it('lets a file-taking route accept a larger body than the server-wide limit', async () => {
    // Routes must be added before the app is ready, so this test builds its own app instance.
    const { default: Fastify } = await import('fastify')
    const { serializerCompiler, validatorCompiler } = await import('fastify-type-provider-zod')
    const app = Fastify({ bodyLimit: 2048 })
    app.setValidatorCompiler(validatorCompiler)
    app.setSerializerCompiler(serializerCompiler)
    app.decorate('boundRoutes', [])
    app.decorateRequest('principal', undefined)
    const body = z.object({ text: z.string() })
    const response = z.object({ length: z.number() })
    const small = defineRoute({
      method: 'POST',
      path: '/small',
      summary: 's',
      tags: [],
      access: access.public,
      body,
      response,
    })
    const big = { ...small, path: '/big', bodyLimit: 1_000_000 }
    bindRoute(app, studio.tokens, small, async ({ body }) => ({ length: body.text.length }))
    bindRoute(app, studio.tokens, big, async ({ body }) => ({ length: body.text.length }))
    const payload = { text: 'x'.repeat(100_000) }
    expect((await app.inject({ method: 'POST', url: '/small', payload })).statusCode).toBe(413)
    const res = await app.inject({ method: 'POST', url: '/big', payload })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ length: 100_000 })
    await app.close()
  })
})
