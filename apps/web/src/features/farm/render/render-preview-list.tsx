// The Prompts tab: each shot's final prompt (and negative, where the model takes one) as the
// Prompt Engine wrote it for the template's model, editable before the render; its frame size,
// clip length, HARD rule violations and formatter notes beside it.
import type { RenderPreviewItem } from '@aipipeline/contracts'
import { Alert, Anchor, Badge, Card, Group, List, Stack, Text, Textarea } from '@mantine/core'
import { useTranslation } from 'react-i18next'

export type PromptEdits = Record<string, { prompt?: string; negative?: string }>

export function RenderPreviewList({
  items,
  edits,
  onEdit,
}: {
  items: readonly RenderPreviewItem[]
  edits: PromptEdits
  onEdit(edits: PromptEdits): void
}) {
  return (
    <Stack gap="sm" data-testid="render-preview">
      {items.map((item) => (
        <PreviewCard
          key={item.taskId}
          item={item}
          edit={edits[item.taskId] ?? {}}
          onEdit={(patch) => {
            const next = { ...(edits[item.taskId] ?? {}), ...patch }
            const { [item.taskId]: _old, ...rest } = edits
            const empty = next.prompt === undefined && next.negative === undefined
            onEdit(empty ? rest : { ...rest, [item.taskId]: next })
          }}
        />
      ))}
    </Stack>
  )
}

function PreviewCard({
  item,
  edit,
  onEdit,
}: {
  item: RenderPreviewItem
  edit: { prompt?: string; negative?: string }
  onEdit(patch: { prompt?: string | undefined; negative?: string | undefined }): void
}) {
  const { t, i18n } = useTranslation()
  const korean = i18n.language.startsWith('ko')
  const edited = edit.prompt !== undefined || edit.negative !== undefined
  return (
    <Card withBorder padding="sm" data-testid={`preview-${item.shotCode}`}>
      <Group justify="space-between" mb={6}>
        <Group gap="xs">
          <Text fw={600}>{item.shotCode}</Text>
          <Text size="sm" c="dimmed">
            {item.taskTypeName}
          </Text>
          {edited && (
            <Badge size="xs" variant="light">
              {t('render.preview.edited')}
            </Badge>
          )}
          {!item.mayRender && (
            <Badge size="xs" variant="light" color="gray">
              {t('render.preview.notYours')}
            </Badge>
          )}
        </Group>
        <Group gap={6}>
          {item.width !== null && item.height !== null && (
            <Badge variant="light" color="gray">
              {t('render.preview.size', { width: item.width, height: item.height })}
            </Badge>
          )}
          {item.frames !== null && item.fps !== null && (
            <Badge variant="light" color="grape">
              {t('render.preview.clip', { frames: item.frames, fps: item.fps })}
            </Badge>
          )}
        </Group>
      </Group>
      <Textarea
        label={t('render.preview.prompt')}
        value={edit.prompt ?? item.prompt}
        onChange={(e) => onEdit({ prompt: e.currentTarget.value })}
        disabled={!item.mayRender}
        autosize
        minRows={2}
        maxRows={8}
      />
      {item.negative !== null && (
        <Textarea
          mt={6}
          label={t('render.preview.negative')}
          value={edit.negative ?? item.negative}
          onChange={(e) => onEdit({ negative: e.currentTarget.value })}
          disabled={!item.mayRender}
          autosize
          minRows={1}
          maxRows={4}
        />
      )}
      {edited && (
        <Anchor
          component="button"
          type="button"
          size="xs"
          mt={4}
          onClick={() => onEdit({ prompt: undefined, negative: undefined })}
        >
          {t('render.preview.reset')}
        </Anchor>
      )}
      {item.warnings.length > 0 && (
        <Alert color="orange" variant="light" mt="xs" p="xs" title={t('render.preview.warnings')}>
          <List size="xs">
            {item.warnings.map((w) => (
              <List.Item key={w.ruleId}>{korean ? w.message.ko : w.message.en}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {item.notes.length > 0 && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('render.preview.notes')}: {item.notes.join(' · ')}
        </Text>
      )}
    </Card>
  )
}
