// A comment's text box with @mention suggestions (the team's people and departments): the shot
// page's comments and the review page's notes use this one box, so a mention means the same on
// both. Ctrl/Cmd+Enter submits; keys typed here never reach the page (the player's shortcuts).
import { Paper, Text, Textarea, UnstyledButton } from '@mantine/core'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { activeMention, insertMention, type MentionOption, mentionOptions } from './mention-suggest'

interface Props {
  value: string
  onChange(value: string): void
  options: readonly MentionOption[]
  onSubmit(): void
  label: string
  placeholder: string
  minRows?: number
  maxRows?: number
  testId?: string
}

export function MentionTextBox({ value, onChange, options, onSubmit, label, placeholder, ...shape }: Props) {
  const { t } = useTranslation()
  const box = useRef<HTMLTextAreaElement>(null)
  const [caret, setCaret] = useState(0)
  const [highlight, setHighlight] = useState(0)
  const mention = activeMention(value, caret)
  const suggestions = mention ? mentionOptions(mention.query, options) : []

  const pick = (option: MentionOption) => {
    if (!mention) return
    const next = insertMention(value, mention.start, caret, option.name)
    onChange(next.text)
    setCaret(next.caret)
    setHighlight(0)
    requestAnimationFrame(() => {
      box.current?.focus()
      box.current?.setSelectionRange(next.caret, next.caret)
    })
  }

  return (
    <div style={{ position: 'relative' }}>
      <Textarea
        ref={box}
        aria-label={label}
        placeholder={placeholder}
        value={value}
        autosize
        minRows={shape.minRows ?? 3}
        maxRows={shape.maxRows}
        data-testid={shape.testId}
        onChange={(e) => {
          onChange(e.currentTarget.value)
          setCaret(e.currentTarget.selectionStart)
          setHighlight(0)
        }}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
        onKeyDown={(e) => {
          // The page's keys (the player's space and arrows, N/P) must not fire while typing. Not
          // in the capture phase: that would stop the browser's event before this handler runs.
          e.stopPropagation()
          if (suggestions.length === 0) {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) onSubmit()
            return
          }
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault()
            const step = e.key === 'ArrowDown' ? 1 : suggestions.length - 1
            setHighlight((h) => (h + step) % suggestions.length)
          } else if (e.key === 'Enter' || e.key === 'Tab') {
            const option = suggestions[highlight]
            if (option) {
              e.preventDefault()
              pick(option)
            }
          }
        }}
      />
      {suggestions.length > 0 && (
        <Paper
          withBorder
          shadow="md"
          p={4}
          role="listbox"
          aria-label={t('projects.comments.mentions')}
          style={{ position: 'absolute', zIndex: 10, left: 0, right: 0 }}
        >
          {suggestions.map((o, i) => (
            <UnstyledButton
              key={`${o.kind}-${o.name}`}
              role="option"
              aria-selected={i === highlight}
              onMouseDown={(e) => {
                e.preventDefault()
                pick(o)
              }}
              p={4}
              w="100%"
              style={{ borderRadius: 4, background: i === highlight ? 'var(--mantine-color-blue-light)' : undefined }}
            >
              <Text size="sm">
                @{o.name}{' '}
                <Text span size="xs" c="dimmed">
                  {o.kind === 'department' ? t('projects.comments.department') : o.detail}
                </Text>
              </Text>
            </UnstyledButton>
          ))}
        </Paper>
      )}
    </div>
  )
}
