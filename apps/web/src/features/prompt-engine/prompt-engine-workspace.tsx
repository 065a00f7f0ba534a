// The Prompt Engine page's content: one config kept in this browser, edited with the panel.
// Loaded lazily (see prompt-engine-page.tsx) because the engine brings its whole catalog.
import { CpeConfig } from '@aipipeline/cpe'
import { Button, Group, Stack, Text, Title } from '@mantine/core'
import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PromptEnginePanel } from './prompt-engine-panel'

const STORAGE_KEY = 'aipipeline.promptEngine.config'

/** The config saved in this browser, if it still parses (the schema may have moved on). */
function loadStored(): CpeConfig {
  try {
    const raw = localStorage.getItem(STORAGE_KEY)
    const parsed = CpeConfig.safeParse(raw === null ? {} : JSON.parse(raw))
    return parsed.success ? parsed.data : CpeConfig.parse({})
  } catch {
    return CpeConfig.parse({})
  }
}

function store(config: CpeConfig): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(config))
  } catch {
    // Private mode or quota: the page still works for this visit.
  }
}

export default function PromptEngineWorkspace() {
  const { t } = useTranslation()
  const [config, setConfig] = useState<CpeConfig>(loadStored)
  const change = useCallback((next: CpeConfig) => {
    setConfig(next)
    store(next)
  }, [])
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Title order={2}>{t('promptEngine.title')}</Title>
          <Text c="dimmed" size="sm" maw={720}>
            {t('promptEngine.intro')}
          </Text>
        </Stack>
        <Button variant="default" onClick={() => change(CpeConfig.parse({}))}>
          {t('promptEngine.reset')}
        </Button>
      </Group>
      <PromptEnginePanel value={config} onChange={change} />
    </Stack>
  )
}
