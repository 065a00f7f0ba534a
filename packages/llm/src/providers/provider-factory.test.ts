import { type FakeLlmServer, makeDeployment, startFakeLlmServer } from '@aipipeline/testing'
import { generateText } from 'ai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLanguageModel } from './provider-factory'

describe('provider factory', () => {
  let fake: FakeLlmServer
  beforeAll(async () => {
    fake = await startFakeLlmServer()
  })
  afterAll(async () => fake.close())

  it('builds a model for every provider kind from a deployment record', () => {
    for (const provider of ['openai', 'anthropic', 'google', 'ollama', 'openai-compatible'] as const) {
      const model = createLanguageModel(makeDeployment({ provider, modelId: 'm', fakeUrl: fake.url }), 'k')
      expect(typeof model === 'string' ? model : model.modelId).toBe('m')
    }
  })

  it('talks to any OpenAI-compatible base URL, sending the key only when there is one', async () => {
    fake.enqueue({ kind: 'text', text: 'compatible' }, { kind: 'text', text: 'keyless' })
    const withKey = createLanguageModel(
      makeDeployment({ provider: 'openai-compatible', fakeUrl: fake.url }),
      'sk-local-1',
    )
    expect((await generateText({ model: withKey, prompt: 'hi', maxRetries: 0 })).text).toBe('compatible')
    expect(fake.requests.at(-1)?.headers.authorization).toBe('Bearer sk-local-1')
    const keyless = createLanguageModel(makeDeployment({ provider: 'openai-compatible', fakeUrl: fake.url }), undefined)
    expect((await generateText({ model: keyless, prompt: 'hi', maxRetries: 0 })).text).toBe('keyless')
    expect(fake.requests.at(-1)?.headers.authorization).toBeUndefined()
  })

  it('sends Ollama the whole context window as num_ctx and reads its token counts', async () => {
    fake.enqueue({ kind: 'text', text: 'local', usage: { input: 21, output: 3 } })
    const model = createLanguageModel(
      makeDeployment({ provider: 'ollama', contextWindow: 32_768, fakeUrl: fake.url }),
      undefined,
    )
    const result = await generateText({ model, prompt: 'hi', maxRetries: 0 })
    expect(result.text).toBe('local')
    expect(result.usage).toMatchObject({ inputTokens: 21, outputTokens: 3 })
    expect(fake.requests.at(-1)?.body).toMatchObject({ stream: false, options: { num_ctx: 32_768 } })
  })
})
