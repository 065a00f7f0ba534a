import { MantineProvider } from '@mantine/core'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { MarkdownView } from './markdown-view'

const render = (text: string) =>
  renderToStaticMarkup(createElement(MantineProvider, null, createElement(MarkdownView, { text })))

describe('comment markdown', () => {
  it('renders bold, italic, code, web links and mentions', () => {
    const html = render('**Nice** *lighting* on `v003`, see [ref](https://x.org) @Post')
    expect(html).toContain('<strong>Nice</strong>')
    expect(html).toContain('<em>lighting</em>')
    expect(html).toMatch(/<code[^>]*>v003<\/code>/)
    expect(html).toMatch(
      /<a[^>]*href="https:\/\/x.org"[^>]*target="_blank"[^>]*rel="noopener noreferrer"[^>]*>ref<\/a>/,
    )
    expect(html).toMatch(/<span[^>]*data-mention=""[^>]*>@Post<\/span>/)
  })

  it('highlights a mention only after a boundary, not inside an email address', () => {
    const html = render('mail me at me@x.org (@Keyframe)')
    expect(html).toMatch(/data-mention=""[^>]*>@Keyframe</)
    expect(html).not.toMatch(/data-mention=""[^>]*>@x/)
  })

  it('never makes a javascript: or data: link clickable', () => {
    for (const text of [
      '[x](javascript:alert(1))',
      '[x](data:text/html,<script>alert(1)</script>)',
      '<javascript:alert(1)>',
    ]) {
      const html = render(text)
      expect(html).not.toMatch(/href="(javascript|data):/i)
      expect(html).not.toContain('<script')
    }
  })

  it('drops raw HTML, so comment text cannot inject elements or event handlers', () => {
    const html = render(
      '<img src=x onerror="alert(1)"> <script>alert(2)</script> <b onclick="x()">hi</b>\n\n<iframe src="https://evil"></iframe>',
    )
    expect(html).not.toMatch(/<(img|script|iframe|b)\b/i)
    expect(html).not.toMatch(/\son(error|click)=/i)
  })

  it('keeps headings, lists and line breaks as people type them', () => {
    const html = render('# Notes\nfirst line\nsecond line\n\n- one\n- two')
    expect(html).toMatch(/<h4[^>]*>Notes<\/h4>/)
    expect(html).toMatch(/first line<br\/>\s*second line/)
    expect(html).toMatch(/<ul[^>]*>.*one.*two.*<\/ul>/s)
  })

  it('renders the markdown writers also use: numbered lists, nested emphasis, quotes and escapes', () => {
    const html = render('1. first\n2. **bold and *italic***\n\n> quoted\n\n\\*not italic\\*')
    expect(html).toMatch(/<ol[^>]*>.*first.*<\/ol>/s)
    expect(html).toContain('<strong>bold and <em>italic</em></strong>')
    expect(html).toMatch(/<blockquote>.*quoted.*<\/blockquote>/s)
    expect(html).toContain('*not italic*')
  })
})
