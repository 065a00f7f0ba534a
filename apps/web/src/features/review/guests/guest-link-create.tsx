// Making a guest link: a label and an expiry preset; the full URL is shown once, to copy.
import { type CreatedGuestLink, CreateGuestLinkRequest, guestLinkRoutes } from '@aipipeline/contracts'
import { Alert, Button, CopyButton, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { useApi } from '../../../api/api-context'
import { ApiError } from '../../../api/api-error'
import { apiErrorText } from '../../../api/error-text'

/** Expiry presets, in hours (the contract allows 1 hour to 30 days). */
const PRESETS = [
  { hours: 24, key: 'hours24' },
  { hours: 72, key: 'hours72' },
  { hours: 24 * 7, key: 'days7' },
  { hours: 24 * 30, key: 'days30' },
] as const

type Created = z.infer<typeof CreatedGuestLink>

export function GuestLinkCreate({ playlistId, onCreated }: { playlistId: string; onCreated(): void }) {
  const { t } = useTranslation()
  const api = useApi()
  const [label, setLabel] = useState('')
  const [hours, setHours] = useState('72')
  const [labelMissing, setLabelMissing] = useState(false)
  const [created, setCreated] = useState<Created | null>(null)

  const create = useMutation({
    mutationFn: () =>
      api.call(guestLinkRoutes.createGuestLink, {
        params: { playlistId },
        body: { label: label.trim(), expiresInHours: Number(hours) },
      }),
    onSuccess: (result) => {
      setCreated(result)
      setLabel('')
      onCreated()
    },
  })

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const valid = CreateGuestLinkRequest.shape.label.safeParse(label).success
    setLabelMissing(!valid)
    if (valid) create.mutate()
  }

  if (created !== null) {
    const url = `${window.location.origin}${created.url}`
    return (
      <Alert
        color="teal"
        variant="light"
        title={t('reviewGuests.dialog.createdTitle')}
        data-testid="guest-link-created"
      >
        <Stack gap="xs">
          <Text size="sm">{t('reviewGuests.dialog.createdBody')}</Text>
          <Group gap="xs" wrap="nowrap">
            <TextInput value={url} readOnly style={{ flex: 1 }} onFocus={(e) => e.currentTarget.select()} />
            <CopyButton value={url}>
              {({ copied, copy }) => (
                <Button variant="light" onClick={copy}>
                  {copied ? t('reviewGuests.dialog.copied') : t('reviewGuests.dialog.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Group justify="flex-end">
            <Button variant="default" size="xs" onClick={() => setCreated(null)}>
              {t('reviewGuests.dialog.done')}
            </Button>
          </Group>
        </Stack>
      </Alert>
    )
  }

  const error = create.error
  const failure =
    error === null
      ? null
      : error instanceof ApiError &&
          error.failure.kind === 'http' &&
          error.failure.details?.rule === 'playlist_not_for_clients'
        ? t('reviewGuests.dialog.notForClients')
        : apiErrorText(error, t)

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        {failure && (
          <Alert color="red" variant="light" role="alert">
            {failure}
          </Alert>
        )}
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('reviewGuests.dialog.label')}
            placeholder={t('reviewGuests.dialog.labelPlaceholder')}
            maxLength={120}
            value={label}
            onChange={(e) => {
              setLabel(e.currentTarget.value)
              setLabelMissing(false)
            }}
            error={labelMissing ? t('reviewGuests.dialog.labelRequired') : undefined}
            style={{ flex: 1, minWidth: 200 }}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('reviewGuests.dialog.expiresIn')}
            </Text>
            <SegmentedControl
              value={hours}
              onChange={setHours}
              data={PRESETS.map((p) => ({ value: String(p.hours), label: t(`reviewGuests.dialog.${p.key}`) }))}
            />
          </Stack>
          <Button type="submit" loading={create.isPending}>
            {t('reviewGuests.dialog.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
