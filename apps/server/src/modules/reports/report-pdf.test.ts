// The PDF of a digest: Korean text through the configured font, a graceful Helvetica fallback
// with a notice when the font is missing, and capped lists that say how many more there are.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ReportDigest } from './report-digest'
import { renderReportPdf, resolvePdfFonts } from './report-pdf'

const NANUM = '/usr/share/fonts/truetype/nanum/NanumGothic.ttf'

function digest(locale: 'en' | 'ko'): ReportDigest {
  const task = {
    taskId: 't1',
    shotId: 's1',
    shotCode: 'SH0030',
    taskTypeName: '키프레임',
    statusName: '리테이크',
    statusRole: 'retake',
    dueDate: '2026-01-01',
    assigneeIds: ['u1'],
    assignees: ['민아'],
    latestVersion: 3,
  }
  return {
    projectId: 'p1',
    project: { code: 'NEON', name: '네온' },
    kind: 'weekly',
    locale,
    timezone: 'Asia/Seoul',
    periodStart: '2026-11-30T00:00:00.000Z',
    periodEnd: '2026-12-07T00:00:00.000Z',
    generatedAt: '2026-12-07T00:00:00.000Z',
    changes: {
      total: 120,
      groups: [
        {
          group: 'review',
          entries: [
            {
              at: '2026-12-06T00:00:00.000Z',
              sentence: [{ kind: 'text', text: "민아님이 SH0030 상태를 변경했습니다: '부드럽게'" }],
            },
          ],
          more: 119,
        },
      ],
    },
    late: { total: 60, shots: 40, items: [task] },
    review: { total: 0, items: [] },
    farm: { attempts: 2, succeeded: 1, failed: 1, gpuHours: 1.5, byBackend: [{ name: 'gpu-a', hours: 1.5 }] },
    llm: { calls: 3, costMicros: 1_250_000, tokens: 4000 },
    summary: { changes: 120, late: 60, review: 0, gpuHours: 1.5, llmCostMicros: 1_250_000 },
  }
}

function textOf(data: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'report-pdf-test-')), 'r.pdf')
  writeFileSync(file, data)
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })
}

describe('report PDF', () => {
  it('writes Korean with the configured font, with "and N more" where lists are capped', async () => {
    const fonts = resolvePdfFonts(NANUM)
    expect(fonts.korean).toBe(true)
    const pdf = await renderReportPdf(digest('ko'), fonts)
    expect(pdf.pages).toBeGreaterThanOrEqual(1)
    const text = textOf(pdf.data)
    expect(text).toContain('주간 리포트')
    expect(text).toContain('부드럽게')
    expect(text).toContain('외 119건')
    expect(text).toContain('외 59건')
  })

  it('falls back to Helvetica with a notice when the font file is missing', async () => {
    const fonts = resolvePdfFonts('/nonexistent/font.ttf')
    expect(fonts).toEqual({ regular: 'Helvetica', bold: 'Helvetica-Bold', korean: false })
    const pdf = await renderReportPdf(digest('en'), fonts)
    expect(pdf.data.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const text = textOf(pdf.data)
    expect(text).toContain('Weekly report')
    expect(text).toContain('A font with Korean characters was not found')
  })
})
