// A digest as one self-contained HTML page (inline styles, no scripts, no remote content).
// Every value goes through the escaping `html` template. Links point at the studio's shot
// pages, relative to wherever the studio is served.
import type { Sentence } from '@aipipeline/domain'
import type { DigestTaskLine, ReportDigest } from './report-digest'
import { dateTimeIn } from './report-period'
import { reportWords } from './report-text'
import { html, type SafeHtml } from './safe-html'

const STYLE = `
body{font-family:"NanumGothic","Nanum Gothic","Noto Sans KR","Apple SD Gothic Neo","Malgun Gothic",sans-serif;margin:2rem auto;max-width:60rem;color:#1f2328;padding:0 1rem}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;border-bottom:1px solid #d0d7de;padding-bottom:.2rem;margin-top:2rem}
h3{font-size:1rem;margin-bottom:.3rem}.muted{color:#59636e}table{border-collapse:collapse;width:100%;font-size:.9rem}
td,th{border-bottom:1px solid #eaeef2;text-align:left;padding:.3rem .4rem}.stats{display:flex;gap:1rem;flex-wrap:wrap}
.stat{border:1px solid #d0d7de;border-radius:6px;padding:.5rem .8rem;min-width:8rem}.stat b{display:block;font-size:1.3rem}
ul{padding-left:1.2rem}li{margin:.15rem 0}a{color:#0969da}.when{color:#59636e;font-size:.8rem;margin-right:.4rem}`

function sentenceHtml(projectId: string, sentence: Sentence): SafeHtml {
  return html`${sentence.map((p) =>
    p.kind === 'link'
      ? html`<a href="/projects/${encodeURIComponent(projectId)}/shots/${encodeURIComponent(p.shotId)}" target="_blank" rel="noopener">${p.text}</a>`
      : p.kind === 'person'
        ? html`<b>${p.text}</b>`
        : html`${p.text}`,
  )}`
}

function taskTable(d: ReportDigest, items: DigestTaskLine[], total: number, testId: string): SafeHtml {
  const w = reportWords(d.locale)
  const more = total - items.length
  return html`<table data-testid="${testId}"><thead><tr><th>${w.columns.task}</th><th>${w.columns.status}</th><th>${w.columns.due}</th><th>${w.columns.people}</th><th>${w.columns.version}</th></tr></thead><tbody>
${items.map(
  (t) =>
    html`<tr><td><a href="/projects/${encodeURIComponent(d.projectId)}/shots/${encodeURIComponent(t.shotId)}" target="_blank" rel="noopener">${t.shotCode} ${t.taskTypeName}</a></td><td>${t.statusName}</td><td>${t.dueDate ?? '—'}</td><td>${t.assignees.join(', ') || w.nobody}</td><td>${t.latestVersion === null ? '—' : `v${String(t.latestVersion).padStart(3, '0')}`}</td></tr>\n`,
)}</tbody></table>${more > 0 ? html`<p class="muted">${w.more(more)}</p>` : ''}`
}

const money = (micros: number) => (micros / 1_000_000).toFixed(2)

/** The digest as a complete HTML document. */
export function renderReportHtml(d: ReportDigest): string {
  const w = reportWords(d.locale)
  const stat = (label: string, value: string | number) => html`<div class="stat"><b>${value}</b>${label}</div>`
  const title = `${w.title[d.kind]} — ${d.project.code} ${d.project.name}`
  return html`<!doctype html>
<html lang="${d.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${title}</title><style>${STYLE}</style></head>
<body>
<h1>${title}</h1>
<p class="muted">${w.period}: ${dateTimeIn(d.timezone, d.periodStart)} – ${dateTimeIn(d.timezone, d.periodEnd)} (${d.timezone}) · ${w.generated}: ${dateTimeIn(d.timezone, d.generatedAt)}</p>
<h2>${w.summary}</h2>
<div class="stats">${stat(w.stats.changes, d.summary.changes)}${stat(w.stats.late, d.summary.late)}${stat(w.stats.review, d.summary.review)}${stat(w.stats.gpuHours, d.farm.gpuHours.toFixed(2))}${stat(w.stats.llmCost, money(d.llm.costMicros))}</div>
<h2>${w.changes}</h2>
${d.changes.groups.length === 0 ? html`<p class="muted">${w.noChanges}</p>` : ''}
${d.changes.groups.map(
  (g) => html`<h3>${w.groups[g.group]}</h3><ul data-testid="report-changes">
${g.entries.map((e) => html`<li><span class="when">${dateTimeIn(d.timezone, e.at)}</span>${sentenceHtml(d.projectId, e.sentence)}</li>\n`)}
${g.more > 0 ? html`<li class="muted">${w.more(g.more)}</li>` : ''}</ul>`,
)}
<h2>${w.late}</h2>
${d.late.total === 0 ? html`<p class="muted">${w.noLate}</p>` : html`<p>${w.lateShots(d.late.shots)}</p>${taskTable(d, d.late.items, d.late.total, 'report-late')}`}
<h2>${w.review}</h2>
${d.review.total === 0 ? html`<p class="muted">${w.noReview}</p>` : taskTable(d, d.review.items, d.review.total, 'report-review')}
<h2>${w.farm}</h2>
<div class="stats">${stat(w.stats.gpuHours, d.farm.gpuHours.toFixed(2))}${stat(w.stats.attempts, d.farm.attempts)}${stat(w.stats.succeeded, d.farm.succeeded)}${stat(w.stats.failed, d.farm.failed)}</div>
${d.farm.byBackend.length > 0 ? html`<h3>${w.byBackend}</h3><ul>${d.farm.byBackend.map((b) => html`<li>${b.name}: ${b.hours.toFixed(2)}</li>`)}</ul>` : ''}
<h2>${w.llm}</h2>
<div class="stats">${stat(w.stats.llmCost, money(d.llm.costMicros))}${stat(w.stats.calls, d.llm.calls)}${stat(w.stats.tokens, d.llm.tokens)}</div>
</body></html>
`.value
}
