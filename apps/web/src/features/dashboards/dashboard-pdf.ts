// PDF export of a dashboard, made in the browser from the charts' own images. jsPDF's built-in
// fonts cover Latin only, so every text (title, filters, date, chart titles) is drawn into a
// canvas with the browser's fonts and placed as an image: Korean renders as on screen with no
// font embedded. A4 landscape, two charts per page.

import { revokeLater } from '../../api/authed-file'
import type { EChart as DashboardEChart } from '../../components/charts/echarts-setup'

export interface DashboardPdfInput {
  title: string
  /** Lines under the title: the filters and the date. */
  lines: string[]
  charts: { title: string; chart: DashboardEChart }[]
  /** Page and chart background (the theme's), and the text colour on it. */
  background: string
  textColor: string
  fileName: string
}

const PAGE = { width: 842, height: 595, margin: 28 }
const PIXEL_RATIO = 2

/** A block of text as a PNG, `width` points wide. */
function textImage(lines: { text: string; size: number; bold?: boolean }[], width: number, input: DashboardPdfInput) {
  const canvas = document.createElement('canvas')
  const lineHeights = lines.map((l) => Math.round(l.size * 1.5))
  canvas.width = width * PIXEL_RATIO
  canvas.height = lineHeights.reduce((a, b) => a + b, 0) * PIXEL_RATIO
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('no 2d canvas')
  ctx.scale(PIXEL_RATIO, PIXEL_RATIO)
  ctx.fillStyle = input.background
  ctx.fillRect(0, 0, width, canvas.height)
  ctx.fillStyle = input.textColor
  ctx.textBaseline = 'top'
  let y = 0
  lines.forEach((l, i) => {
    ctx.font = `${l.bold ? 'bold ' : ''}${l.size}px sans-serif`
    ctx.fillText(l.text, 0, y + 2, width)
    y += lineHeights[i] ?? 0
  })
  return { data: canvas.toDataURL('image/png'), height: canvas.height / PIXEL_RATIO }
}

/** Builds the PDF and returns it as bytes (the page saves it). */
export async function dashboardPdf(input: DashboardPdfInput): Promise<Blob> {
  const { jsPDF } = await import('jspdf')
  const doc = new jsPDF({ orientation: 'landscape', unit: 'pt', format: 'a4' })
  const inner = PAGE.width - 2 * PAGE.margin
  const paint = () => {
    doc.setFillColor(input.background)
    doc.rect(0, 0, PAGE.width, PAGE.height, 'F')
  }
  paint()
  const header = textImage(
    [{ text: input.title, size: 20, bold: true }, ...input.lines.map((text) => ({ text, size: 11 }))],
    inner,
    input,
  )
  doc.addImage(header.data, 'PNG', PAGE.margin, PAGE.margin, inner, header.height)
  let y = PAGE.margin + header.height + 8
  for (const { title, chart } of input.charts) {
    const caption = textImage([{ text: title, size: 13, bold: true }], inner, input)
    const ratio = chart.getHeight() / Math.max(1, chart.getWidth())
    const height = Math.min(inner * ratio, (PAGE.height - 2 * PAGE.margin) / 2 - caption.height - 8)
    const width = height / ratio
    if (y + caption.height + height > PAGE.height - PAGE.margin) {
      doc.addPage()
      paint()
      y = PAGE.margin
    }
    doc.addImage(caption.data, 'PNG', PAGE.margin, y, inner, caption.height)
    y += caption.height
    const image = chart.getDataURL({ type: 'png', pixelRatio: PIXEL_RATIO, backgroundColor: input.background })
    doc.addImage(image, 'PNG', PAGE.margin, y, width, height)
    y += height + 12
  }
  return doc.output('blob')
}

/** Saves bytes as a download named `fileName`. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  document.body.append(a)
  a.click()
  a.remove()
  revokeLater(url)
}
