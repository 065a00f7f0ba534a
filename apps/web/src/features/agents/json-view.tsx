import { Code, ScrollArea, Text } from '@mantine/core'

/** A step's input or output as indented JSON; long values scroll inside a fixed height. */
export function JsonView({ label, value }: { label: string; value: unknown }) {
  const text = value === undefined ? '—' : JSON.stringify(value, null, 2)
  return (
    <div>
      <Text size="xs" fw={600} c="dimmed" mb={2}>
        {label}
      </Text>
      <ScrollArea.Autosize mah={280} type="auto">
        <Code block fz="xs" data-testid="json-view">
          {text}
        </Code>
      </ScrollArea.Autosize>
    </div>
  )
}
