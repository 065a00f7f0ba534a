import { CreateLlmDeploymentRequest, UpdateLlmDeploymentRequest } from '@aipipeline/contracts'
import { describe, expect, it } from 'vitest'
import { createBody, emptyForm, formOf, keyStatus, updateBody } from './deployment-form'
import { deployment } from './llm-fixtures.test-support'

const filled = { ...emptyForm(), name: 'fake', modelId: 'gpt-4o-mini', baseUrl: 'http://127.0.0.1:9/v1' }

describe('deployment dialog', () => {
  it('sends a typed key on create and nothing when the field is empty', () => {
    const withKey = createBody({ ...filled, apiKey: ' sk-secret ' })
    expect(withKey.ok && withKey.body.apiKey).toBe('sk-secret')
    const without = createBody(filled)
    expect(without.ok && 'apiKey' in without.body).toBe(false)
    if (withKey.ok) expect(CreateLlmDeploymentRequest.safeParse(withKey.body).success).toBe(true)
  })

  it('keeps the stored key when editing with an empty key field', () => {
    const body = updateBody(formOf(deployment()))
    expect(body.ok && 'apiKey' in body.body).toBe(false)
    if (body.ok) expect(UpdateLlmDeploymentRequest.safeParse(body.body).success).toBe(true)
  })

  it('replaces the key when one is typed and removes it only on the explicit choice', () => {
    const replaced = updateBody({ ...formOf(deployment()), apiKey: 'sk-new' })
    expect(replaced.ok && replaced.body.apiKey).toBe('sk-new')
    const removed = updateBody({ ...formOf(deployment()), apiKey: 'ignored', removeKey: true })
    expect(removed.ok && removed.body.apiKey).toBeNull()
  })

  it('never puts the stored key into the edit form', () => {
    expect(formOf(deployment({ keyHint: 'wxyz' })).apiKey).toBe('')
  })

  it('turns price overrides into micro-dollars and names unreadable prices', () => {
    const ok = updateBody({ ...filled, priceOverride: true, inputPrice: '0.15', outputPrice: '$0.60' })
    expect(ok.ok && ok.body.priceOverride).toEqual({ inputMicrosPerMillion: 150_000, outputMicrosPerMillion: 600_000 })
    const bad = updateBody({ ...filled, priceOverride: true, inputPrice: 'cheap', outputPrice: '1' })
    expect(bad).toEqual({ ok: false, problems: ['inputPrice'] })
  })

  it('refuses a deployment that serves no task class or has a malformed base URL', () => {
    expect(createBody({ ...filled, taskClasses: [], baseUrl: 'not a url' })).toEqual({
      ok: false,
      problems: ['taskClasses', 'baseUrl'],
    })
  })

  it('shows a key only as its last four characters', () => {
    expect(keyStatus({ hasKey: true, keyHint: 'abcd' })).toEqual({ set: true, hint: '…abcd' })
    expect(keyStatus({ hasKey: false, keyHint: null })).toEqual({ set: false, hint: null })
  })
})
