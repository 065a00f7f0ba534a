import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'

interface SectionPlaceholderProps {
  title: string
  description: string
  badge: string
  children?: ReactNode
}

/**
 * The honest state of a section that is not built yet: what it will hold, no sample data
 * and no buttons that do nothing.
 */
export function SectionPlaceholder({ title, description, badge, children }: SectionPlaceholderProps) {
  return (
    <Stack gap="lg" maw={880}>
      <Group gap="sm" align="center">
        <Title order={2}>{title}</Title>
        <Badge variant="outline" color="gray">
          {badge}
        </Badge>
      </Group>
      <Paper withBorder p="xl" style={{ borderStyle: 'dashed' }}>
        <Text c="dimmed">{description}</Text>
      </Paper>
      {children}
    </Stack>
  )
}
