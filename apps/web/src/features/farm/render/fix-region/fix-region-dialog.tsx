// The Fix region dialog, opened from a version: inpaint paints a mask over the version's image
// (the mask editor), outpaint grows the canvas by chosen paddings. Either runs a template of
// its category with the version's prompt (editable), a denoise for inpaint and a number of
// variations; the submitted render group then shows its progress here, with a link to it.
import type { Project, WorkflowTemplate } from '@aipipeline/contracts'
import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  Modal,
  NumberInput,
  Progress,
  SegmentedControl,
  Select,
  Slider,
  Stack,
  Text,
  Textarea,
} from '@mantine/core'
import { Link } from '@tanstack/react-router'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MaskCanvas } from '../../../../components/media/mask-editor/mask-canvas'
import { MaskEditor } from '../../../../components/media/mask-editor/mask-editor'
import { outputFile, type ShotVersion, useVersionFileUrl } from '../../../projects/shot-page/version-files'
import { useTemplates } from '../../farm-queries'
import { useRenderGroup, useRenderGroupLive } from '../render-queries'
import { type FixMode, hasPadding, NO_PADDING, type Padding, templatesFor } from './fix-region-plan'
import { fixRegionErrorText, useFixRegion } from './fix-region-queries'
import { OutpaintPanel } from './outpaint-panel'

interface Props {
  project: Project
  version: ShotVersion
  label: string
  onClose(): void
}

export function FixRegionDialog(props: Props) {
  const { t } = useTranslation()
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={t('fixRegion.title', { version: props.label })}
      size="min(1400px, 96vw)"
      data-testid="fix-region-dialog"
    >
      <FixRegionForm {...props} />
    </Modal>
  )
}

/** The natural size of an image URL once it has loaded. */
function useImageSize(src: string | null) {
  const [size, setSize] = useState<{ width: number; height: number } | null>(null)
  useEffect(() => {
    setSize(null)
    if (src === null) return
    const img = new Image()
    img.onload = () => setSize({ width: img.naturalWidth, height: img.naturalHeight })
    img.src = src
    return () => {
      img.onload = null
    }
  }, [src])
  return size
}

function FixRegionForm({ project, version }: Props) {
  const { t } = useTranslation()
  const url = useVersionFileUrl(outputFile(version)?.id ?? null)
  const size = useImageSize(url)
  const templates = useTemplates(true)
  const [mode, setMode] = useState<FixMode>('inpaint')
  const [templateId, setTemplateId] = useState<string | null>(null)
  const [prompt, setPrompt] = useState(version.provenance.prompt ?? '')
  const [negative, setNegative] = useState(version.provenance.negativePrompt ?? '')
  const [denoise, setDenoise] = useState(1)
  const [variations, setVariations] = useState(1)
  const [padding, setPadding] = useState<Padding>(NO_PADDING)
  const [maskEmpty, setMaskEmpty] = useState(true)
  const canvas = useRef<MaskCanvas | null>(null)
  const submit = useFixRegion(project.id, version.id)

  const usable = templatesFor(mode, templates.data ?? [])
  const template = usable.find((tpl) => tpl.id === templateId) ?? usable[0] ?? null
  const ready = template !== null && (mode === 'inpaint' ? !maskEmpty : hasPadding(padding))

  const send = () => {
    if (template === null) return
    const maskPng = mode === 'inpaint' ? (canvas.current?.exportPng() ?? null) : null
    submit.mutate({
      draft: { mode, templateId: template.id, prompt, negative, denoise, variations, padding },
      source: { prompt: version.provenance.prompt, negativePrompt: version.provenance.negativePrompt },
      maskPng,
    })
  }

  if (url === null || size === null) return <Loader size="sm" aria-label={t('app.loading')} />
  return (
    <Group align="flex-start" gap="lg" wrap="nowrap">
      <Stack style={{ flex: 1, minWidth: 0 }} gap="sm">
        <SegmentedControl
          value={mode}
          onChange={(m) => setMode(m === 'outpaint' ? 'outpaint' : 'inpaint')}
          data={[
            { value: 'inpaint', label: t('fixRegion.inpaint') },
            { value: 'outpaint', label: t('fixRegion.outpaint.title') },
          ]}
          data-testid="fix-region-mode"
        />
        {mode === 'inpaint' ? (
          <MaskEditor
            src={url}
            width={size.width}
            height={size.height}
            onReady={(c) => {
              canvas.current = c
            }}
            onChange={() => setMaskEmpty(canvas.current?.isEmpty() ?? true)}
          />
        ) : (
          <OutpaintPanel src={url} image={size} padding={padding} onChange={setPadding} />
        )}
      </Stack>
      <Stack w={340} gap="sm">
        <TemplateSelect templates={usable} value={template?.id ?? null} onChange={setTemplateId} />
        {templates.data !== undefined && usable.length === 0 && (
          <Alert color="gray" variant="light">
            {t('fixRegion.noTemplates', { category: t(`fixRegion.category.${mode}`) })}
          </Alert>
        )}
        <Textarea
          label={t('fixRegion.prompt')}
          description={t('fixRegion.promptHint')}
          value={prompt}
          onChange={(e) => setPrompt(e.currentTarget.value)}
          autosize
          minRows={3}
          maxRows={8}
          data-testid="fix-region-prompt"
        />
        <Textarea
          label={t('fixRegion.negative')}
          value={negative}
          onChange={(e) => setNegative(e.currentTarget.value)}
          autosize
          minRows={1}
          maxRows={4}
        />
        {mode === 'inpaint' && (
          <div>
            <Text size="sm" fw={500}>
              {t('fixRegion.denoise', { value: denoise.toFixed(2) })}
            </Text>
            <Text size="xs" c="dimmed" mb={4}>
              {t('fixRegion.denoiseHint')}
            </Text>
            <Slider
              value={denoise}
              onChange={setDenoise}
              min={0}
              max={1}
              step={0.05}
              label={null}
              data-testid="fix-region-denoise"
            />
          </div>
        )}
        <NumberInput
          label={t('fixRegion.variations')}
          min={1}
          max={8}
          value={variations}
          onChange={(v) => setVariations(typeof v === 'number' ? Math.min(8, Math.max(1, v)) : 1)}
          data-testid="fix-region-variations"
        />
        {mode === 'inpaint' && maskEmpty && (
          <Text size="xs" c="dimmed" data-testid="fix-region-needs-mask">
            {t('fixRegion.needsMask')}
          </Text>
        )}
        {mode === 'outpaint' && !hasPadding(padding) && (
          <Text size="xs" c="dimmed">
            {t('fixRegion.needsPadding')}
          </Text>
        )}
        {submit.isError && (
          <Alert color="red" variant="light" data-testid="fix-region-error">
            {fixRegionErrorText(submit.error, t)}
          </Alert>
        )}
        <Button onClick={send} disabled={!ready} loading={submit.isPending} data-testid="fix-region-submit">
          {mode === 'inpaint' ? t('fixRegion.submitInpaint') : t('fixRegion.submitOutpaint')}
        </Button>
        {submit.data && <SubmittedGroup groupId={submit.data.groupId} />}
      </Stack>
    </Group>
  )
}

function TemplateSelect(props: {
  templates: WorkflowTemplate[]
  value: string | null
  onChange: (id: string | null) => void
}) {
  const { t } = useTranslation()
  return (
    <Select
      label={t('fixRegion.template')}
      data={props.templates.map((tpl) => ({ value: tpl.id, label: tpl.name }))}
      value={props.value}
      onChange={props.onChange}
      allowDeselect={false}
      data-testid="fix-region-template"
    />
  )
}

/** The submitted render group's live progress and a link to its page. */
function SubmittedGroup({ groupId }: { groupId: string }) {
  const { t } = useTranslation()
  const group = useRenderGroup(groupId)
  const live = useRenderGroupLive(groupId, group.data?.jobs.map((j) => j.id) ?? [])
  // Running jobs move the bar between refetches, as on the group page.
  const moving =
    group.data?.jobs.reduce(
      (sum, j) => (j.state === 'running' ? sum + Math.max(j.progress, (live[j.id] ?? 0) / 100) - j.progress : sum),
      0,
    ) ?? 0
  const percent = group.data ? Math.min(100, (group.data.progress + moving / Math.max(1, group.data.total)) * 100) : 0
  return (
    <Stack gap={4} data-testid="fix-region-submitted">
      <Text size="sm">{group.data?.finished ? t('fixRegion.finished') : t('fixRegion.submitted')}</Text>
      <Progress
        value={group.data?.finished ? 100 : percent}
        animated={!group.data?.finished}
        aria-label={t('fixRegion.progress')}
      />
      <Anchor
        renderRoot={(props) => <Link to="/farm/groups/$groupId" params={{ groupId }} {...props} />}
        size="sm"
        data-testid="fix-region-group-link"
      >
        {t('fixRegion.openGroup')}
      </Anchor>
    </Stack>
  )
}
