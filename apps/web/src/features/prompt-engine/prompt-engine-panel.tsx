// The Cinematic Prompt Engine panel: preset, gear, lighting, framing and content on the left,
// the live rule check and the prompt per model on the right. Controlled through value/onChange,
// so the Prompt Engine page and a shot's page embed the same component.
import { type Catalog, type CpeConfig, defaultCatalog } from '@aipipeline/cpe'
import { Alert, Box, Grid, Paper, Stack, Switch, Title } from '@mantine/core'
import { type ReactNode, useCallback, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { AnimationSection } from './animation-section'
import { ContentSection } from './content-section'
import { analyseConfig } from './cpe-analysis'
import { PanelProvider, type PanelState } from './cpe-panel-context'
import { FramingSection } from './framing-section'
import { GearSection } from './gear-section'
import { LightingSection } from './lighting-section'
import { PresetSection } from './preset-section'
import { PromptPreview } from './prompt-preview'
import { ViolationsPanel } from './violations-panel'

export interface PromptEnginePanelProps {
  /** The shot's CPE settings as stored (anything; a malformed value is reported, not guessed). */
  value: unknown
  /** Called with the full config after every change. */
  onChange: (next: CpeConfig) => void
  /** The reference data; the shipped catalog by default (tests pass a small one). */
  catalog?: Catalog
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Title order={4} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  )
}

/** Preset, gear, lighting, framing and content pickers with live validation and prompt preview. */
export function PromptEnginePanel({ value, onChange, catalog: given }: PromptEnginePanelProps) {
  const { t, i18n } = useTranslation()
  const catalog = useMemo(() => given ?? defaultCatalog(), [given])
  const analysis = useMemo(() => analyseConfig(value, catalog), [value, catalog])
  const edit = useCallback(
    (change: (config: CpeConfig) => CpeConfig) => onChange(change(analysis.config)),
    [analysis.config, onChange],
  )
  const locale = i18n.language === 'ko' ? 'ko' : 'en'
  const [allowExcluded, setAllowExcluded] = useState(false)
  const state: PanelState = useMemo(
    () => ({ analysis, catalog, locale, edit, allowExcluded }),
    [analysis, catalog, locale, edit, allowExcluded],
  )
  const animation = analysis.config.kind === 'animation'

  return (
    <PanelProvider value={state}>
      <Grid gap="lg" align="flex-start">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            {analysis.malformed !== null && (
              <Alert color="red" variant="light">
                {t('promptEngine.malformed', { message: analysis.malformed })}
              </Alert>
            )}
            <Switch
              label={t('promptEngine.allowExcluded')}
              description={t('promptEngine.allowExcludedHint')}
              checked={allowExcluded}
              onChange={(e) => setAllowExcluded(e.currentTarget.checked)}
            />
            <Section title={t('promptEngine.sections.preset')}>
              <PresetSection />
            </Section>
            {animation && (
              <Section title={t('promptEngine.sections.animation')}>
                <AnimationSection />
              </Section>
            )}
            <Section title={t('promptEngine.sections.gear')}>
              <GearSection />
            </Section>
            <Section title={t('promptEngine.sections.lighting')}>
              <LightingSection />
            </Section>
            <Section title={t('promptEngine.sections.framing')}>
              <FramingSection />
            </Section>
            <Section title={t('promptEngine.sections.content')}>
              <ContentSection />
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          {/* Sticky so the rule check and prompt stay in view while picking further down. */}
          <Box style={{ position: 'sticky', top: 72 }}>
            <Stack gap="md">
              <Paper withBorder p="md">
                <ViolationsPanel />
              </Paper>
              <Paper withBorder p="md">
                <PromptPreview />
              </Paper>
            </Stack>
          </Box>
        </Grid.Col>
      </Grid>
    </PanelProvider>
  )
}
