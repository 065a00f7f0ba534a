// Renders parsed comment markdown as React elements (no HTML strings).
import { Anchor, Code, List, Text, Title } from '@mantine/core'
import { type Inline, parseMarkdown } from './markdown'

function InlineView({ parts }: { parts: Inline[] }) {
  return (
    <>
      {parts.map((p, i) => {
        const key = `${i}-${p.kind}`
        switch (p.kind) {
          case 'strong':
            return <strong key={key}>{p.text}</strong>
          case 'em':
            return <em key={key}>{p.text}</em>
          case 'code':
            return <Code key={key}>{p.text}</Code>
          case 'link':
            return (
              <Anchor key={key} href={p.href} target="_blank" rel="noopener noreferrer">
                {p.text}
              </Anchor>
            )
          case 'mention':
            return (
              <Text key={key} span c="blue" fw={600}>
                {p.text}
              </Text>
            )
          default:
            return <span key={key}>{p.text}</span>
        }
      })}
    </>
  )
}

/** Comment text as formatted content. */
export function MarkdownView({ text }: { text: string }) {
  return (
    <div>
      {parseMarkdown(text).map((block, i) => {
        const key = `${i}-${block.kind}`
        if (block.kind === 'heading')
          return (
            <Title key={key} order={block.level + 3 > 6 ? 6 : ((block.level + 3) as 4 | 5 | 6)}>
              <InlineView parts={block.inline} />
            </Title>
          )
        if (block.kind === 'list')
          return (
            <List key={key} size="sm">
              {block.items.map((item, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: list items have no identity beyond position
                <List.Item key={j}>
                  <InlineView parts={item} />
                </List.Item>
              ))}
            </List>
          )
        return (
          <Text key={key} size="sm" mb={4}>
            {block.lines.map((line, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity beyond position
              <span key={j}>
                {j > 0 && <br />}
                <InlineView parts={line} />
              </span>
            ))}
          </Text>
        )
      })}
    </div>
  )
}
