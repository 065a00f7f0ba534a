// Renders comment text as markdown with react-markdown: raw HTML is dropped, the tree is
// sanitised (rehype-sanitize, GitHub's schema) and only web links become clickable, so comment
// text can never inject markup or scripts. Mentions (@name) are highlighted like on the server.
import { Anchor, Code, List, Text, Title } from '@mantine/core'
import { Children, type ReactNode } from 'react'
import Markdown, { type Components } from 'react-markdown'
import rehypeSanitize from 'rehype-sanitize'

// A mention needs a boundary before it (start, space or "("), as on the server.
const MENTION = /(^|[\s(])(@[\p{L}\p{N}_.-]+)/gu

/** Splits plain-text children so each @mention is its own highlighted element. */
export function withMentions(children: ReactNode): ReactNode {
  return Children.map(children, (child) => {
    if (typeof child !== 'string') return child
    const parts: ReactNode[] = []
    let last = 0
    for (const m of child.matchAll(MENTION)) {
      const at = (m.index ?? 0) + (m[1]?.length ?? 0)
      const mention = m[2] ?? ''
      if (at > last) parts.push(child.slice(last, at))
      parts.push(
        <Text key={at} span c="blue" fw={600} data-mention="">
          {mention}
        </Text>,
      )
      last = at + mention.length
    }
    if (last < child.length) parts.push(child.slice(last))
    return parts
  })
}

// Comments are typed in a text box: a single line break means a new line, as people expect
// (markdown would fold it into the paragraph). Two trailing spaces make it a hard break.
function keepLineBreaks(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/([^\n])\n(?=[^\n])/g, '$1  \n')
}

const COMPONENTS: Components = {
  h1: ({ children }) => <Title order={4}>{withMentions(children)}</Title>,
  h2: ({ children }) => <Title order={5}>{withMentions(children)}</Title>,
  h3: ({ children }) => <Title order={6}>{withMentions(children)}</Title>,
  h4: ({ children }) => <Title order={6}>{withMentions(children)}</Title>,
  h5: ({ children }) => <Title order={6}>{withMentions(children)}</Title>,
  h6: ({ children }) => <Title order={6}>{withMentions(children)}</Title>,
  p: ({ children }) => (
    <Text size="sm" mb={4}>
      {withMentions(children)}
    </Text>
  ),
  ul: ({ children }) => <List size="sm">{children}</List>,
  ol: ({ children }) => (
    <List type="ordered" size="sm">
      {children}
    </List>
  ),
  li: ({ children }) => <List.Item>{withMentions(children)}</List.Item>,
  strong: ({ children }) => <strong>{withMentions(children)}</strong>,
  em: ({ children }) => <em>{withMentions(children)}</em>,
  code: ({ children }) => <Code>{children}</Code>,
  // Only web links are clickable; anything else (mailto:, relative paths) stays text.
  a: ({ href, children }) =>
    href !== undefined && /^https?:\/\//i.test(href) ? (
      <Anchor href={href} target="_blank" rel="noopener noreferrer">
        {children}
      </Anchor>
    ) : (
      <span>{children}</span>
    ),
  // No remote images in comments (they would load from anywhere): show the alt text.
  img: ({ alt }) => <span>{alt ?? ''}</span>,
}

/** Comment text as formatted content. */
export function MarkdownView({ text }: { text: string }) {
  return (
    <div>
      <Markdown skipHtml rehypePlugins={[rehypeSanitize]} components={COMPONENTS}>
        {keepLineBreaks(text)}
      </Markdown>
    </div>
  )
}
