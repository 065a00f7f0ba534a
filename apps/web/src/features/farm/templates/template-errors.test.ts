import i18next from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import { ApiError, type ApiFailure } from '../../../api/api-error'
import { resources } from '../../../i18n/i18n'
import { templateErrorText } from './template-errors'

const http = (code: string, extra: Partial<Extract<ApiFailure, { kind: 'http' }>> = {}) =>
  new ApiError({ kind: 'http', status: 400, code, message: `server says ${code}`, ...extra })

describe('what a failed template call says', () => {
  const i18n = i18next.createInstance()
  beforeAll(async () => {
    await i18n.init({ resources, lng: 'en', fallbackLng: 'en', interpolation: { escapeValue: false } })
  })

  it('says a name is taken, in English and Korean, without the server sentence', async () => {
    const taken = http('conflict', { status: 409 })
    await i18n.changeLanguage('en')
    expect(templateErrorText(taken, i18n.t)).toBe('A template with this name already exists. Choose another name.')
    await i18n.changeLanguage('ko')
    expect(templateErrorText(taken, i18n.t)).toContain('같은 이름의 템플릿')
  })

  it('tells the user what to do with a file that holds no workflow', async () => {
    await i18n.changeLanguage('en')
    const unreadable = http('validation_failed', {
      issues: [{ path: 'body.file', message: 'no ComfyUI workflow in the PNG text chunks' }],
    })
    expect(templateErrorText(unreadable, i18n.t)).toMatch(/^This file holds no ComfyUI workflow/)
    expect(templateErrorText(unreadable, i18n.t)).not.toContain('text chunks')
  })

  it('keeps the node the server names when a workflow cannot run', async () => {
    await i18n.changeLanguage('ko')
    const text = templateErrorText(
      http('rule_violation', { status: 422, message: 'node 3 (KSampler): unknown class' }),
      i18n.t,
    )
    expect(text).toBe('이 워크플로우는 그대로 쓸 수 없습니다: node 3 (KSampler): unknown class')
  })

  it('says the server cannot be reached when the network fails', async () => {
    await i18n.changeLanguage('en')
    expect(templateErrorText(new ApiError({ kind: 'network', message: 'Failed to fetch' }), i18n.t)).toMatch(
      /^Cannot reach the server/,
    )
  })
})
