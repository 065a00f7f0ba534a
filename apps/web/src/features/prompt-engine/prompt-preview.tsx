// The prompt each target model gets, with copy buttons, its parameters and what had to be left
// out to fit the model's budget.
import { Alert, Badge, Button, Code, CopyButton, Group, List, Stack, Tabs, Text, Title } from '@mantine/core'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type ModelPrompt, promptsFor } from './cpe-analysis'
import { usePanel } from './cpe-panel-context'

export function PromptPreview() {
  const { t } = useTranslation()
  const { analysis, catalog } = usePanel()
  const prompts = useMemo(() => promptsFor(analysis.config, catalog), [analysis.config, catalog])
  const [model, setModel] = useState<string>(prompts[0]?.model ?? 'flux-dev')

  return (
    <Stack gap="xs">
      <Title order={4}>{t('promptEngine.preview.title')}</Title>
      <Tabs value={model} onChange={(v) => v !== null && setModel(v)} variant="pills" keepMounted={false}>
        <Tabs.List>
          {prompts.map((p) => (
            <Tabs.Tab key={p.model} value={p.model} size="xs">
              {p.name}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {prompts.map((p) => (
          <Tabs.Panel key={p.model} value={p.model} pt="sm">
            <ModelPromptView prompt={p} invalid={analysis.status === 'invalid'} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  )
}

function CopyText({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation()
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Button
          size="compact-xs"
          variant={copied ? 'filled' : 'light'}
          color={copied ? 'teal' : undefined}
          onClick={copy}
          aria-label={label}
        >
          {copied ? t('promptEngine.preview.copied') : t('promptEngine.preview.copy')}
        </Button>
      )}
    </CopyButton>
  )
}

function ModelPromptView({ prompt: p, invalid }: { prompt: ModelPrompt; invalid: boolean }) {
  const { t } = useTranslation()
  const params = p.parameters
  return (
    <Stack gap="sm">
      {invalid && (
        <Text size="xs" c="red">
          {t('promptEngine.preview.invalidNote')}
        </Text>
      )}
      <Group justify="space-between">
        <Text size="sm" fw={600}>
          {t('promptEngine.preview.prompt')}
        </Text>
        <CopyText value={p.prompt} label={t('promptEngine.preview.copyPrompt', { model: p.name })} />
      </Group>
      <Code block data-testid="cpe-prompt" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {p.prompt || t('promptEngine.preview.empty')}
      </Code>
      <Group justify="space-between">
        <Text size="sm" fw={600}>
          {t('promptEngine.preview.negative')}
        </Text>
        {p.negativePrompt !== undefined && (
          <CopyText value={p.negativePrompt} label={t('promptEngine.preview.copyNegative', { model: p.name })} />
        )}
      </Group>
      {p.negativePrompt === undefined ? (
        <Text size="xs" c="dimmed">
          {t('promptEngine.preview.noNegative', { model: p.name })}
        </Text>
      ) : (
        <Code block data-testid="cpe-negative-prompt" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
          {p.negativePrompt}
        </Code>
      )}
      <Group gap={6} aria-label={t('promptEngine.preview.parameters')}>
        <Badge variant="outline" color="gray">
          {t(`promptEngine.preview.output.${p.output}`)}
        </Badge>
        <Badge variant="outline" color="gray">
          {params.aspectRatio}
        </Badge>
        {params.width > 0 && (
          <Badge variant="outline" color="gray">
            {params.width} × {params.height}
          </Badge>
        )}
        {params.frames !== undefined && (
          <Badge variant="outline" color="gray">
            {t('promptEngine.preview.frames', { frames: params.frames })}
          </Badge>
        )}
        {params.fps !== undefined && (
          <Badge variant="outline" color="gray">
            {t('promptEngine.units.fps', { value: params.fps })}
          </Badge>
        )}
        {params.steps !== undefined && (
          <Badge variant="outline" color="gray">
            {t('promptEngine.preview.steps', { steps: params.steps })}
          </Badge>
        )}
        {params.guidance !== undefined && (
          <Badge variant="outline" color="gray">
            {t('promptEngine.preview.guidance', { guidance: params.guidance })}
          </Badge>
        )}
        {params.arguments !== undefined && (
          <Badge variant="outline" color="gray" tt="none">
            {params.arguments}
          </Badge>
        )}
      </Group>
      {p.warnings.length > 0 && (
        <Alert
          color="yellow"
          variant="light"
          title={t('promptEngine.preview.warnings', { model: p.name })}
          data-testid="cpe-prompt-warnings"
        >
          <List size="xs" spacing={2}>
            {p.warnings.map((w) => (
              <List.Item key={w}>{w}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  )
}
