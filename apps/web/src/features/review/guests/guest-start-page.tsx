// /guest/$token: the page a guest link opens. The playlist is not known before the session
// starts, so it only asks for the guest's name; Continue exchanges the link for a guest
// session (kept in this tab only, never a sign-in) and opens the playlist in the guest shell.
import { StartGuestSessionRequest } from '@aipipeline/contracts'
import { Alert, Box, Button, Center, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { useParams, useRouter } from '@tanstack/react-router'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../../api/api-context'
import { ApiError } from '../../../api/api-error'
import { LanguageSwitch } from '../../../components/language-switch'
import { ThemeToggle } from '../../../components/theme-toggle'
import { GuestLinkEnded } from './guest-link-ended'

export function GuestStartPage() {
  const { t } = useTranslation()
  const api = useApi()
  const router = useRouter()
  const { token } = useParams({ from: '/guest/$token' })
  const [name, setName] = useState('')
  const [nameMissing, setNameMissing] = useState(false)

  const start = useMutation({
    mutationFn: () => api.guests.begin(token, name.trim()),
    // Replace, so the link's secret does not stay in this tab's history.
    onSuccess: (session) =>
      router.navigate({ to: '/guest/review/$playlistId', params: { playlistId: session.playlistId }, replace: true }),
  })

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const valid = StartGuestSessionRequest.shape.name.safeParse(name).success
    setNameMissing(!valid)
    if (valid) start.mutate()
  }

  const error = start.error instanceof ApiError ? start.error : null
  // Unknown, expired and revoked links get one answer from the server (404), as does a link
  // too short or long to be one (400).
  if (error?.status === 404 || error?.status === 400) return <GuestLinkEnded reason="ended" />
  const failure = start.isError
    ? error?.status === 429
      ? t('reviewGuests.start.rateLimited', {
          seconds: error.failure.kind === 'http' ? (error.failure.retryAfterSeconds ?? 60) : 60,
        })
      : t('reviewGuests.start.failed')
    : null

  return (
    <Box mih="100vh" bg="var(--mantine-color-body)">
      <Group justify="flex-end" p="md" gap="sm">
        <LanguageSwitch />
        <ThemeToggle />
      </Group>
      <Center px="md" pb="15vh" pt="6vh">
        <Paper withBorder shadow="sm" p="xl" w="100%" maw={440}>
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <Text fw={700} size="lg">
                {t('app.name')}
              </Text>
              <Title order={2}>{t('reviewGuests.start.title')}</Title>
              <Text size="sm" c="dimmed">
                {t('reviewGuests.start.intro')}
              </Text>
              {failure && (
                <Alert color="red" variant="light" role="alert">
                  {failure}
                </Alert>
              )}
              <TextInput
                label={t('reviewGuests.start.name')}
                placeholder={t('reviewGuests.start.namePlaceholder')}
                autoComplete="name"
                autoFocus
                maxLength={80}
                value={name}
                onChange={(e) => {
                  setName(e.currentTarget.value)
                  setNameMissing(false)
                }}
                error={nameMissing ? t('reviewGuests.start.nameRequired') : undefined}
              />
              <Button type="submit" loading={start.isPending} fullWidth>
                {t('reviewGuests.start.continue')}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Center>
    </Box>
  )
}
