import { randomBytes } from 'node:crypto'
import { createLlmDeploymentRepository } from '@aipipeline/db'
import { createCredentialVault } from '@aipipeline/llm'
import { describeEachEngine } from '@aipipeline/testing'
import { expect, it } from 'vitest'
import { openStudioVault, rotateVaultKey } from './llm-vault'

describeEachEngine('studio vault', (testDb) => {
  it('stops a start with a different master key, naming AIPIPELINE_SECRET_KEY, and rotates keys to a new one', async () => {
    const db = testDb().handle.db
    const first = randomBytes(32)
    const vault = await openStudioVault(db, first)
    const deployments = createLlmDeploymentRepository(db)
    const id = crypto.randomUUID()
    await deployments.insert(
      {
        name: `rotated ${id}`,
        provider: 'anthropic',
        modelId: 'claude-haiku-4-5',
        baseUrl: null,
        contextWindow: 200_000,
        maxOutputTokens: 4_096,
        inputMicrosPerMillion: null,
        outputMicrosPerMillion: null,
        capabilities: { structuredOutput: true, vision: true, embeddings: false },
        locality: 'cloud',
        latencyClass: 'standard',
        taskClasses: ['analysis'],
        priority: 0,
        fallbackIds: [],
        enabled: true,
      },
      { sealed: vault.seal('sk-ant-secret-0001', id), hint: '0001' },
      id,
    )
    await expect(openStudioVault(db, randomBytes(32))).rejects.toThrow(
      'the stored API keys were encrypted with a different AIPIPELINE_SECRET_KEY',
    )
    const second = randomBytes(32)
    expect(await rotateVaultKey(db, first, second)).toBeGreaterThanOrEqual(1)
    const reopened = await openStudioVault(db, second)
    expect(reopened.open((await deployments.sealedKey(id)) ?? '', id)).toBe('sk-ant-secret-0001')
    await expect(openStudioVault(db, first)).rejects.toThrow(/different AIPIPELINE_SECRET_KEY/)
    expect(createCredentialVault(second).keyId).toBe(reopened.keyId)
  })
})
