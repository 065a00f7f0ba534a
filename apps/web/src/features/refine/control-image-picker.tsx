// Guide's control image: another version of the shot, an uploaded picture (picked or dropped,
// stored content-addressed as a `control` input), or a control map a preprocessor job makes
// from the source version (pose, depth, canny), followed until done and then picked. Below it
// the strength and the part of the steps the control applies to.
import { type ControlMap, Preprocessor } from '@aipipeline/contracts'
import { RenderJobState } from '@aipipeline/domain'
import {
  Badge,
  Button,
  Group,
  Paper,
  Progress,
  RangeSlider,
  SegmentedControl,
  Select,
  Slider,
  Stack,
  Text,
} from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ShotVersion } from '../projects/shot-page/version-files'
import { ControlUpload } from './control-upload'
import type { ControlDraft } from './derive-draft'
import { deriveErrorText } from './derive-error'
import { controlMapRunning, useControlMaps, useCreateControlMap } from './refine-queries'

type From = 'version' | 'upload' | 'preprocessor'

export function ControlImagePicker(props: {
  projectId: string
  source: ShotVersion
  /** Pictures of the shot to pick as the control image. */
  versions: readonly ShotVersion[]
  label: (v: ShotVersion) => string
  value: ControlDraft
  onChange(next: ControlDraft): void
}) {
  const { t } = useTranslation()
  const [from, setFrom] = useState<From>('preprocessor')
  const { value, onChange } = props
  const chosen = value.source
  return (
    <Paper withBorder p="sm" data-testid="control-picker">
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={600} size="sm">
            {t('refine.control.title')}
          </Text>
          <SegmentedControl
            size="xs"
            value={from}
            onChange={(v) => setFrom(v === 'version' || v === 'upload' ? v : 'preprocessor')}
            data={(['preprocessor', 'version', 'upload'] as const).map((f) => ({
              value: f,
              label: t(`refine.control.from.${f}`),
            }))}
            data-testid="control-from"
          />
        </Group>
        {from === 'version' && (
          <Select
            label={t('refine.control.version')}
            placeholder={t('refine.control.versionPlaceholder')}
            data={props.versions.map((v) => ({ value: v.id, label: props.label(v) }))}
            value={chosen?.kind === 'version' ? chosen.versionId : null}
            onChange={(id) => onChange({ ...value, source: id === null ? null : { kind: 'version', versionId: id } })}
            data-testid="control-version"
          />
        )}
        {from === 'upload' && (
          <ControlUpload
            projectId={props.projectId}
            onUploaded={(inputId) => onChange({ ...value, source: { kind: 'input', inputId } })}
          />
        )}
        {from === 'preprocessor' && (
          <ControlMaps
            versionId={props.source.id}
            chosenInputId={chosen?.kind === 'input' ? chosen.inputId : null}
            onPick={(inputId) => onChange({ ...value, source: { kind: 'input', inputId } })}
          />
        )}
        <Group grow align="flex-start">
          <div>
            <Text size="sm" mb={6}>
              {t('refine.control.strength')}: {value.strength.toFixed(2)}
            </Text>
            <Slider
              min={0}
              max={2}
              step={0.05}
              value={value.strength}
              onChange={(strength) => onChange({ ...value, strength })}
              aria-label={t('refine.control.strength')}
              data-testid="control-strength"
            />
          </div>
          <div>
            <Text size="sm" mb={6}>
              {t('refine.control.range', {
                start: Math.round(value.startPercent * 100),
                end: Math.round(value.endPercent * 100),
              })}
            </Text>
            <RangeSlider
              min={0}
              max={100}
              minRange={0}
              value={[Math.round(value.startPercent * 100), Math.round(value.endPercent * 100)]}
              onChange={([start, end]) => onChange({ ...value, startPercent: start / 100, endPercent: end / 100 })}
              label={(v) => `${v}%`}
              thumbFromLabel={t('refine.control.rangeLabel')}
              data-testid="control-range"
            />
          </div>
        </Group>
      </Stack>
    </Paper>
  )
}

function ControlMaps(props: { versionId: string; chosenInputId: string | null; onPick(inputId: string): void }) {
  const { t } = useTranslation()
  const [preprocessor, setPreprocessor] = useState<Preprocessor>('pose')
  const maps = useControlMaps(props.versionId)
  const create = useCreateControlMap(props.versionId)
  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="xs">
        <Select
          label={t('refine.control.preprocessor')}
          data={Preprocessor.options.map((p) => ({ value: p, label: t(`refine.control.preprocessors.${p}`) }))}
          value={preprocessor}
          onChange={(v) => setPreprocessor(Preprocessor.safeParse(v).data ?? 'pose')}
          allowDeselect={false}
          w={180}
          data-testid="control-preprocessor"
        />
        <Button
          variant="light"
          onClick={() => create.mutate(preprocessor)}
          loading={create.isPending}
          data-testid="control-run"
        >
          {t('refine.control.run')}
        </Button>
      </Group>
      {create.error && (
        <Text size="xs" c="red" role="alert">
          {deriveErrorText(create.error, t)}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {t('refine.control.maps')}
      </Text>
      {(maps.data ?? []).length === 0 && (
        <Text size="sm" c="dimmed">
          {t('refine.control.noMaps')}
        </Text>
      )}
      {(maps.data ?? []).map((map) => (
        <ControlMapRow
          key={map.jobId}
          map={map}
          chosen={map.input !== null && map.input.id === props.chosenInputId}
          onPick={props.onPick}
        />
      ))}
    </Stack>
  )
}

function ControlMapRow({ map, chosen, onPick }: { map: ControlMap; chosen: boolean; onPick(inputId: string): void }) {
  const { t } = useTranslation()
  const running = controlMapRunning(map)
  const input = map.input
  const parsed = RenderJobState.safeParse(map.state)
  const state = parsed.success ? t(`farm.jobState.${parsed.data}`) : map.state
  return (
    <Group gap="xs" wrap="nowrap" data-testid="control-map" data-state={map.state} data-preprocessor={map.preprocessor}>
      <Badge variant="light" w={110}>
        {t(`refine.control.preprocessors.${map.preprocessor}`)}
      </Badge>
      {running ? (
        <Progress value={map.progress} style={{ flex: 1 }} aria-label={state} animated />
      ) : (
        <Text size="sm" style={{ flex: 1 }} c={input ? undefined : 'red'}>
          {input ? t('refine.control.mapSize', { width: input.width, height: input.height }) : (map.error ?? state)}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {state}
      </Text>
      {input && (
        <Button
          size="compact-sm"
          variant={chosen ? 'filled' : 'default'}
          onClick={() => onPick(input.id)}
          data-testid="control-map-use"
        >
          {chosen ? t('refine.control.inUse') : t('refine.control.use')}
        </Button>
      )}
    </Group>
  )
}
