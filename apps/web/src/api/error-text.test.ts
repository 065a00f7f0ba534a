import { INVALID_BASE64_MESSAGE } from '@aipipeline/contracts'
import i18next from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import { resources } from '../i18n/i18n'
import { ApiError, type ApiFailure } from './api-error'
import { apiErrorText } from './error-text'

const http = (code: string, extra: Partial<Extract<ApiFailure, { kind: 'http' }>> = {}) =>
  new ApiError({ kind: 'http', status: 400, code, message: `server says ${code}`, ...extra })

describe('translated API errors', () => {
  const i18n = i18next.createInstance()
  beforeAll(async () => {
    await i18n.init({ resources, lng: 'en', fallbackLng: 'en', interpolation: { escapeValue: false } })
  })

  it('names the count and the limit of a refused sweep, in English and Korean', async () => {
    const error = http('sweep_too_large', { status: 422, details: { combinations: 1200, limit: 1000 } })
    await i18n.changeLanguage('en')
    expect(apiErrorText(error, i18n.t)).toBe('This sweep would create 1200 jobs; the limit is 1000. Use fewer values.')
    await i18n.changeLanguage('ko')
    expect(apiErrorText(error, i18n.t)).toContain('1200')
    expect(apiErrorText(error, i18n.t)).toContain('한도는 1000개')
  })

  it('lists what each backend lacks when no backend can run a job, in English and Korean', async () => {
    const backends = [
      {
        backendId: 'b1',
        name: 'gpu-a',
        ok: false,
        missingNodeClasses: ['WanImageToVideo'],
        missingModels: [{ folder: 'diffusion_models', name: 'wan2.2_i2v_high_noise_14B_fp8_scaled.safetensors' }],
      },
    ]
    const error = http('no_backend_can_run', { status: 422, details: { backends } })
    await i18n.changeLanguage('en')
    expect(apiErrorText(error, i18n.t)).toContain(
      'Missing — gpu-a: WanImageToVideo, wan2.2_i2v_high_noise_14B_fp8_scaled.safetensors.',
    )
    await i18n.changeLanguage('ko')
    expect(apiErrorText(error, i18n.t)).toContain('온라인 렌더 백엔드가 없습니다')
    expect(apiErrorText(error, i18n.t)).toContain('gpu-a: WanImageToVideo')
  })

  it('names the field of too-deep JSON, bad base64 and a bad naming template without the request part', async () => {
    await i18n.changeLanguage('en')
    expect(
      apiErrorText(http('json_too_deep', { details: { path: 'body.cpeSettings.a', maxDepth: 64 } }), i18n.t),
    ).toMatch(/^cpeSettings\.a is nested more than 64 levels deep/)
    const base64 = http('validation_failed', {
      issues: [{ path: 'body.contentBase64', message: INVALID_BASE64_MESSAGE }],
    })
    expect(apiErrorText(base64, i18n.t)).toBe('The file could not be read: contentBase64 is not valid base64.')
    const naming = http('naming_template_invalid', {
      details: { path: 'body.namingTemplates.shotFolder', position: 4 },
    })
    expect(apiErrorText(naming, i18n.t)).toContain('namingTemplates.shotFolder has a control character at position 4')
  })

  it("keeps the server's message for codes it has no sentence for", () => {
    expect(apiErrorText(http('conflict'), i18n.t)).toBe('server says conflict')
    expect(apiErrorText(new Error('boom'), i18n.t)).toBe('boom')
  })

  it('explains people and team refusals in the user language, never with the server text', async () => {
    await i18n.changeLanguage('en')
    const lastManager = http('rule_violation', { status: 422, details: { rule: 'last_manager' } })
    expect(apiErrorText(lastManager, i18n.t)).toMatch(/^A project needs at least one manager/)
    const expired = http('account_link_invalid', { status: 410, details: { reason: 'expired' } })
    expect(apiErrorText(expired, i18n.t)).toMatch(/^This link has expired/)
    await i18n.changeLanguage('ko')
    expect(apiErrorText(lastManager, i18n.t)).toMatch(/매니저가 한 명 이상/)
    expect(apiErrorText(http('conflict', { details: { rule: 'email_taken' } }), i18n.t)).toBe(
      '이 이메일을 쓰는 사용자가 이미 있습니다.',
    )
    expect(apiErrorText(http('rule_violation', { details: { rule: 'current_password_wrong' } }), i18n.t)).toBe(
      '현재 비밀번호가 맞지 않습니다.',
    )
    // A rule the web app does not know keeps the server's sentence rather than showing nothing.
    expect(apiErrorText(http('rule_violation', { details: { rule: 'new_rule' } }), i18n.t)).toBe(
      'server says rule_violation',
    )
    await i18n.changeLanguage('en')
  })

  it('explains a broken project rule by its reason in English and Korean, keeping the server text for unknown ones', async () => {
    const inUse = http('rule_violation', { status: 422, details: { reason: 'status_in_use', tasks: 3, comments: 1 } })
    await i18n.changeLanguage('en')
    expect(apiErrorText(inUse, i18n.t)).toBe('This status is still used by 3 task(s) and 1 comment(s) of task history.')
    expect(apiErrorText(http('rule_violation', { details: { reason: 'brand_new' } }), i18n.t)).toBe(
      'server says rule_violation',
    )
    await i18n.changeLanguage('ko')
    expect(apiErrorText(inUse, i18n.t)).toContain('태스크 3개')
    expect(apiErrorText(http('rule_violation', { details: { reason: 'project_archived' } }), i18n.t)).toContain('보관')
  })

  it('words refusals, missing things, server failures and an unfinished report in the user language, not the server text', async () => {
    await i18n.changeLanguage('ko')
    for (const code of ['forbidden', 'not_found', 'internal', 'payload_too_large']) {
      const text = apiErrorText(http(code), i18n.t)
      expect(text).not.toContain('server says')
      expect(text).toMatch(/[가-힣]/)
    }
    const notReady = http('conflict', { status: 409, details: { rule: 'report_not_ready' } })
    expect(apiErrorText(notReady, i18n.t)).toContain('리포트')
    await i18n.changeLanguage('en')
    expect(apiErrorText(notReady, i18n.t)).toBe('The report is still being generated. Try again when it is ready.')
  })
})
