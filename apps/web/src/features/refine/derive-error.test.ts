import i18next from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import { ApiError, type ApiFailure } from '../../api/api-error'
import { resources } from '../../i18n/i18n'
import { deriveErrorText } from './derive-error'

const http = (status: number, code: string, extra: Partial<Extract<ApiFailure, { kind: 'http' }>> = {}) =>
  new ApiError({ kind: 'http', status, code, message: `server says ${code}`, ...extra })

describe('refused refine-loop calls', () => {
  const i18n = i18next.createInstance()
  beforeAll(async () => {
    await i18n.init({ resources, lng: 'en', fallbackLng: 'en', interpolation: { escapeValue: false } })
  })

  it('says a category mismatch in the user language, never in the server words', async () => {
    const error = http(422, 'rule_violation', { details: { reason: 'template_category_mismatch' } })
    await i18n.changeLanguage('en')
    expect(deriveErrorText(error, i18n.t)).toBe('This template is of another kind than the render asks for.')
    await i18n.changeLanguage('ko')
    expect(deriveErrorText(error, i18n.t)).toBe('이 템플릿은 요청한 렌더와 종류가 다릅니다.')
  })

  it('reads an unknown broken rule as a refusal of this render', async () => {
    await i18n.changeLanguage('en')
    const error = http(422, 'rule_violation', { details: { reason: 'something_new' } })
    expect(deriveErrorText(error, i18n.t)).toMatch(/^The server refused this render/)
    expect(deriveErrorText(error, i18n.t)).not.toContain('server says')
  })

  it('lists what backends lack when none can run the template', async () => {
    await i18n.changeLanguage('en')
    const backends = [{ name: 'gpu-a', missingNodeClasses: ['ControlNetApplyAdvanced'], missingModels: [] }]
    const error = http(422, 'no_backend_can_run', { details: { backends } })
    expect(deriveErrorText(error, i18n.t)).toContain('gpu-a: ControlNetApplyAdvanced')
  })

  it('has a sentence for refusals, missing things and oversized files', async () => {
    await i18n.changeLanguage('ko')
    expect(deriveErrorText(http(403, 'forbidden'), i18n.t)).toContain('배정된 태스크')
    expect(deriveErrorText(http(404, 'not_found'), i18n.t)).toContain('찾을 수 없습니다')
    expect(deriveErrorText(http(413, 'payload_too_large'), i18n.t)).toContain('64 MB')
  })
})
