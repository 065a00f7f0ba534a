// Add or edit a backend: name, URL (fixed once registered), tags, in-flight limit and
// whether it takes work, with "Test connection" before saving. VRAM and models are read
// from the server itself, so they are shown by the test, not typed.
import type { FarmBackend } from '@aipipeline/contracts'
import { Button, Group, Modal, NumberInput, Stack, Switch, TagsInput, Text, TextInput } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { backendErrorText, EMPTY_BACKEND_FORM, formFromBackend, formProblems, invalidTags } from './backend-form'
import { useBackendSetup } from './backend-setup-queries'
import { ConnectionTestResult } from './connection-test-result'

interface Props {
  opened: boolean
  /** The backend to edit; null adds one. */
  backend: FarmBackend | null
  onClose: () => void
}

export function BackendFormDialog({ opened, backend, onClose }: Props) {
  const { t } = useTranslation()
  const { create, update, test } = useBackendSetup()
  const [form, setForm] = useState(EMPTY_BACKEND_FORM)
  const [touched, setTouched] = useState(false)
  const editing = backend !== null
  const mutation = editing ? update : create

  // Opening starts from the backend being edited, or from an empty form.
  useEffect(() => {
    if (!opened) return
    setForm(backend ? formFromBackend(backend) : EMPTY_BACKEND_FORM)
    setTouched(false)
    create.reset()
    update.reset()
    test.reset()
  }, [opened, backend, create.reset, update.reset, test.reset])

  const problems = formProblems(form)
  const problem = (field: keyof typeof problems) =>
    touched && problems[field]
      ? t(`farmSetup.form.${problems[field]}`, { tags: invalidTags(form.tags).join(', ') })
      : null

  const submit = () => {
    setTouched(true)
    if (Object.keys(problems).length > 0) return
    const common = { name: form.name.trim(), tags: form.tags, maxInFlight: form.maxInFlight, enabled: form.enabled }
    if (backend) update.mutate({ id: backend.id, body: common }, { onSuccess: onClose })
    else create.mutate({ ...common, url: form.url.trim() }, { onSuccess: onClose })
  }

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={editing ? t('farmSetup.form.editTitle', { name: backend.name }) : t('farmSetup.form.addTitle')}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault()
          submit()
        }}
        noValidate
      >
        <Stack gap="sm">
          <TextInput
            label={t('farmSetup.form.name')}
            placeholder="gpu-1"
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
            error={problem('name')}
            data-autofocus
            required
          />
          <Group align="flex-end" gap="sm" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              label={t('farmSetup.form.url')}
              description={editing ? t('farmSetup.form.urlFixed') : t('farmSetup.form.urlHint')}
              placeholder="http://gpu-1:8188"
              value={form.url}
              onChange={(e) => {
                setForm({ ...form, url: e.currentTarget.value })
                test.reset()
              }}
              error={problem('url')}
              disabled={editing}
              required
            />
            <Button
              variant="default"
              loading={test.isPending}
              disabled={formProblems({ ...form, name: 'x' }).url !== undefined}
              onClick={() => test.mutate(form.url.trim())}
            >
              {t('farmSetup.form.test')}
            </Button>
          </Group>
          {test.data && <ConnectionTestResult result={test.data} />}
          {test.error && (
            <Text size="sm" c="red" role="alert">
              {backendErrorText(test.error, t)}
            </Text>
          )}
          <TagsInput
            label={t('farmSetup.form.tags')}
            description={t('farmSetup.form.tagsHint')}
            value={form.tags}
            onChange={(tags) => setForm({ ...form, tags })}
            error={problem('tags')}
            maxTags={20}
          />
          <Group grow align="flex-start">
            <NumberInput
              label={t('farmSetup.form.maxInFlight')}
              description={t('farmSetup.form.maxInFlightHint')}
              value={form.maxInFlight}
              onChange={(v) => setForm({ ...form, maxInFlight: typeof v === 'number' ? v : Number.NaN })}
              min={1}
              max={8}
              allowDecimal={false}
              error={problem('maxInFlight')}
            />
            <Switch
              mt="xl"
              label={t('farmSetup.form.enabled')}
              checked={form.enabled}
              onChange={(e) => setForm({ ...form, enabled: e.currentTarget.checked })}
            />
          </Group>
          {mutation.error && (
            <Text size="sm" c="red" role="alert">
              {backendErrorText(mutation.error, t)}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('farmSetup.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {editing ? t('farmSetup.form.save') : t('farmSetup.form.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
