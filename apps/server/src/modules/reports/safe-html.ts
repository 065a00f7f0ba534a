// A tagged template that escapes every interpolated value unless it is already SafeHtml, so
// names, comment text and codes from users can never become markup (no XSS in digests).
import escapeHtml from 'escape-html'

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value
  }
}

type Interpolated = SafeHtml | string | number | null | undefined | readonly Interpolated[]

function render(value: Interpolated): string {
  if (value === null || value === undefined) return ''
  if (value instanceof SafeHtml) return value.value
  if (Array.isArray(value)) return value.map(render).join('')
  return escapeHtml(String(value))
}

/** `html\`<p>${name}</p>\`` with `name` escaped; arrays of SafeHtml join as they are. */
export function html(strings: TemplateStringsArray, ...values: Interpolated[]): SafeHtml {
  let out = strings[0] ?? ''
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? '')
  })
  return new SafeHtml(out)
}
