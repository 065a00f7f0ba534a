// A digest as PDF, made in-process with pdfkit (pure JS). Hangul needs a TrueType font with
// Korean glyphs: it is loaded from a configurable path (fonts-nanum by default); without one
// the PDF uses Helvetica and says on its first page that Korean may not show.
import { existsSync } from 'node:fs'
import type { Sentence } from '@aipipeline/domain'
import PDFDocument from 'pdfkit'
import type { DigestTaskLine, ReportDigest } from './report-digest'
import { dateTimeIn } from './report-period'
import { reportWords } from './report-text'

export interface PdfFonts {
  regular: string
  bold: string
  /** False when no font with Korean glyphs was found. */
  korean: boolean
}

/** The fonts at `fontPath` (and its Bold sibling), or the built-in Helvetica when it is missing. */
export function resolvePdfFonts(fontPath: string): PdfFonts {
  if (!existsSync(fontPath)) return { regular: 'Helvetica', bold: 'Helvetica-Bold', korean: false }
  const bold = fontPath.replace(/(\.[ot]tf)$/i, 'Bold$1')
  return { regular: fontPath, bold: bold !== fontPath && existsSync(bold) ? bold : fontPath, korean: true }
}

const sentenceText = (s: Sentence) => s.map((p) => p.text).join('')
const money = (micros: number) => (micros / 1_000_000).toFixed(2)

/** Renders the digest; resolves to the PDF bytes and its page count. */
export function renderReportPdf(d: ReportDigest, fonts: PdfFonts): Promise<{ data: Buffer; pages: number }> {
  const w = reportWords(d.locale)
  const title = `${w.title[d.kind]} — ${d.project.code} ${d.project.name}`
  const doc = new PDFDocument({ size: 'A4', margin: 50, bufferPages: true, info: { Title: title } })
  doc.registerFont('regular', fonts.regular)
  doc.registerFont('bold', fonts.bold)
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })

  const heading = (text: string) => doc.moveDown(0.8).font('bold').fontSize(14).text(text).moveDown(0.3)
  const sub = (text: string) => doc.moveDown(0.3).font('bold').fontSize(11).text(text)
  const line = (text: string, opts: { muted?: boolean; indent?: number } = {}) =>
    doc
      .font('regular')
      .fontSize(9.5)
      .fillColor(opts.muted ? '#59636e' : '#1f2328')
      .text(text, { indent: opts.indent ?? 0 })
      .fillColor('#1f2328')
  const stats = (pairs: [string, string | number][]) => line(pairs.map(([k, v]) => `${k}: ${v}`).join('   ·   '))
  const tasks = (items: DigestTaskLine[], total: number) => {
    for (const t of items) {
      const version = t.latestVersion === null ? '' : ` · v${String(t.latestVersion).padStart(3, '0')}`
      const due = t.dueDate === null ? '' : ` · ${w.columns.due} ${t.dueDate}`
      line(
        `• ${t.shotCode} ${t.taskTypeName} — ${t.statusName}${due} · ${t.assignees.join(', ') || w.nobody}${version}`,
      )
    }
    if (total > items.length) line(w.more(total - items.length), { muted: true })
  }

  doc.font('bold').fontSize(18).text(title)
  line(
    `${w.period}: ${dateTimeIn(d.timezone, d.periodStart)} – ${dateTimeIn(d.timezone, d.periodEnd)} (${d.timezone}) · ${w.generated}: ${dateTimeIn(d.timezone, d.generatedAt)}`,
    { muted: true },
  )
  if (!fonts.korean) line(w.noFont, { muted: true })

  heading(w.summary)
  stats([
    [w.stats.changes, d.summary.changes],
    [w.stats.late, d.summary.late],
    [w.stats.review, d.summary.review],
    [w.stats.gpuHours, d.farm.gpuHours.toFixed(2)],
    [w.stats.llmCost, money(d.llm.costMicros)],
  ])

  heading(w.changes)
  if (d.changes.groups.length === 0) line(w.noChanges, { muted: true })
  for (const g of d.changes.groups) {
    sub(w.groups[g.group])
    for (const e of g.entries) line(`${dateTimeIn(d.timezone, e.at)}  ${sentenceText(e.sentence)}`)
    if (g.more > 0) line(w.more(g.more), { muted: true })
  }

  heading(w.late)
  if (d.late.total === 0) line(w.noLate, { muted: true })
  else {
    line(w.lateShots(d.late.shots))
    tasks(d.late.items, d.late.total)
  }

  heading(w.review)
  if (d.review.total === 0) line(w.noReview, { muted: true })
  else tasks(d.review.items, d.review.total)

  heading(w.farm)
  stats([
    [w.stats.gpuHours, d.farm.gpuHours.toFixed(2)],
    [w.stats.attempts, d.farm.attempts],
    [w.stats.succeeded, d.farm.succeeded],
    [w.stats.failed, d.farm.failed],
  ])
  if (d.farm.byBackend.length > 0) {
    sub(w.byBackend)
    for (const b of d.farm.byBackend.slice(0, 30)) line(`• ${b.name}: ${b.hours.toFixed(2)}`)
  }

  heading(w.llm)
  stats([
    [w.stats.llmCost, money(d.llm.costMicros)],
    [w.stats.calls, d.llm.calls],
    [w.stats.tokens, d.llm.tokens],
  ])

  // Page numbers, written into the bottom margin of every buffered page.
  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    const bottom = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    doc
      .font('regular')
      .fontSize(8)
      .fillColor('#59636e')
      .text(`${d.project.code} · ${i + 1} / ${range.count}`, 50, doc.page.height - 30, {
        width: doc.page.width - 100,
        align: 'right',
        lineBreak: false,
      })
    doc.page.margins.bottom = bottom
  }
  doc.end()
  return done.then((data) => ({ data, pages: range.count }))
}
