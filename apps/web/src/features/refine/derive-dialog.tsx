// The dialog that renders from a version: refine (image-to-image), guide (ControlNet), upscale
// or interpolate. It opens with the version as the input, its prompt and parameters pre-filled
// from its provenance, and the templates of the mode's category; submitting makes one job group
// and follows it on the group page.
import type { Project, WorkflowTemplate } from '@aipipeline/contracts'
import { Alert, Button, Group, Image, Modal, Select, Stack, Text } from '@mantine/core'
import { useNavigate } from '@tanstack/react-router'
import type { TFunction } from 'i18next'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useTemplates } from '../farm/farm-queries'
import { useVersion } from '../projects/project-queries'
import { type ShotVersion, useVersionFileUrl } from '../projects/shot-page/version-files'
import { ControlImagePicker } from './control-image-picker'
import { type DeriveDraft, type DraftProblem, deriveBody, initialDraft } from './derive-draft'
import { deriveErrorText } from './derive-error'
import { DeriveFields } from './derive-fields'
import { type DialogMode, templatesForMode } from './derive-modes'
import { useDeriveRender } from './refine-queries'

export interface DeriveDialogProps {
  mode: DialogMode
  project: Project
  version: ShotVersion
  /** The shot's versions, for picking a control image. */
  versions: readonly ShotVersion[]
  label: (v: ShotVersion) => string
  onClose(): void
}

export function DeriveDialog(props: DeriveDialogProps) {
  const { t } = useTranslation()
  return (
    <Modal
      opened
      onClose={props.onClose}
      size="xl"
      title={t(`refine.dialog.title.${props.mode}`, { label: props.label(props.version) })}
      data-testid="derive-dialog"
      data-mode={props.mode}
    >
      <DeriveForm {...props} />
    </Modal>
  )
}

function DeriveForm(props: DeriveDialogProps) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { mode, version } = props
  // The detail route is the one that answers with what the caller may see of the provenance.
  const provenance = useVersion(version.id).data?.provenance ?? version.provenance
  const templates = templatesForMode(useTemplates(true).data ?? [], mode)
  const [draft, setDraft] = useState<DeriveDraft>(() => initialDraft(mode, provenance, null))
  const [opened, setOpened] = useState<DeriveDraft>(draft)
  const [tried, setTried] = useState(false)
  const template = templates.find((tpl) => tpl.id === draft.templateId) ?? null
  const derive = useDeriveRender(version.id)

  // Picking a template re-fills its parameters; prompts, seed and control stay as edited.
  const pickTemplate = (tpl: WorkflowTemplate | null) => {
    const fresh = initialDraft(mode, provenance, tpl)
    setOpened(fresh)
    setDraft((d) => ({ ...d, templateId: fresh.templateId, parameters: fresh.parameters, denoise: fresh.denoise }))
  }
  // The first template of the kind is picked for the user (the library has one of each).
  const first = templates[0]
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the list first arrives
  useEffect(() => {
    if (first && draft.templateId === null) pickTemplate(first)
  }, [first?.id])

  const result = deriveBody(draft, opened, template)
  const submit = () => {
    setTried(true)
    if (!result.ok) return
    derive.mutate(result.body, {
      onSuccess: (res) => {
        props.onClose()
        void navigate({ to: '/farm/groups/$groupId', params: { groupId: res.groupId } })
      },
    })
  }

  return (
    <Stack gap="md">
      <Group align="flex-start" wrap="nowrap">
        <SourceThumbnail version={version} label={props.label(version)} />
        <Stack gap="xs" style={{ flex: 1 }}>
          <Select
            label={t('refine.dialog.template')}
            placeholder={t('refine.dialog.templatePlaceholder')}
            data={templates.map((tpl) => ({ value: tpl.id, label: tpl.name }))}
            value={draft.templateId}
            onChange={(id) => pickTemplate(templates.find((tpl) => tpl.id === id) ?? null)}
            allowDeselect={false}
            searchable
            data-testid="derive-template"
          />
          {templates.length === 0 && (
            <Alert color="gray" variant="light">
              {t('refine.dialog.noTemplates')}
            </Alert>
          )}
          <Text size="xs" c="dimmed">
            {t(`refine.actions.hint.${mode}`)}
          </Text>
        </Stack>
      </Group>
      <DeriveFields draft={draft} template={template} seed={provenance.seed} onChange={setDraft} />
      {mode === 'guide' && (
        <ControlImagePicker
          projectId={props.project.id}
          source={version}
          versions={props.versions.filter((v) => v.kind === 'image')}
          label={props.label}
          value={draft.control}
          onChange={(control) => setDraft((d) => ({ ...d, control }))}
        />
      )}
      {tried && !result.ok && (
        <Alert color="orange" variant="light" role="alert" data-testid="derive-problems">
          {result.problems.map((p) => (
            <Text key={problemKey(p)} size="sm">
              {problemText(p, t)}
            </Text>
          ))}
        </Alert>
      )}
      {derive.error && (
        <Alert color="red" variant="light" role="alert" data-testid="derive-error">
          {t('refine.dialog.failed', { message: deriveErrorText(derive.error, t) })}
        </Alert>
      )}
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={props.onClose}>
          {t('refine.dialog.cancel')}
        </Button>
        <Button onClick={submit} loading={derive.isPending} data-testid="derive-submit">
          {t(`refine.dialog.submit.${mode}`)}
        </Button>
      </Group>
    </Stack>
  )
}

function SourceThumbnail({ version, label }: { version: ShotVersion; label: string }) {
  const { t } = useTranslation()
  const url = useVersionFileUrl(version.thumbnailFileId)
  return (
    <Stack gap={2} align="center" data-testid="derive-input">
      <Text size="xs" c="dimmed">
        {t('refine.dialog.input')}
      </Text>
      {url ? (
        <Image src={url} w={160} h={90} fit="contain" bg="dark.8" radius="sm" alt={label} />
      ) : (
        <div style={{ width: 160, height: 90, background: 'var(--mantine-color-default-hover)' }} />
      )}
      <Text size="xs">{label}</Text>
    </Stack>
  )
}

const problemKey = (p: DraftProblem) => (p.kind === 'parameter' ? `parameter-${p.name}` : p.kind)

function problemText(p: DraftProblem, t: TFunction): string {
  switch (p.kind) {
    case 'no-template':
      return t('refine.dialog.problems.noTemplate')
    case 'no-control':
      return t('refine.dialog.problems.noControl')
    case 'control-range':
      return t('refine.dialog.problems.controlRange')
    case 'parameter':
      return t('refine.dialog.problems.parameter', {
        name: p.name,
        problem: t(`refine.dialog.parameterProblem.${p.problem}`),
      })
  }
}
