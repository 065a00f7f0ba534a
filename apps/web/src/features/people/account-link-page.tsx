// Where an invitation or password-reset link lands (outside the signed-in shell): it shows
// whose link it is, takes a new password and signs the person in.
import { accountRoutes } from '@aipipeline/contracts'
import { Alert, Box, Button, Center, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import { useMutation, useQuery } from '@tanstack/react-query'
import { Link, useRouter, useRouterState } from '@tanstack/react-router'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi, useSession } from '../../api/api-context'
import { apiErrorText } from '../../api/error-text'
import { LanguageSwitch } from '../../components/language-switch'
import { ThemeToggle } from '../../components/theme-toggle'
import { NewPasswordFields, newPasswordProblem } from './new-password-fields'
import { tokenFromHash } from './people-queries'

export function AccountLinkPage() {
  const { t } = useTranslation()
  const api = useApi()
  const session = useSession()
  const router = useRouter()
  const hash = useRouterState({ select: (s) => s.location.hash })
  const token = tokenFromHash(hash.startsWith('#') ? hash : `#${hash}`)
  const [value, setValue] = useState({ password: '', confirm: '' })
  const [touched, setTouched] = useState(false)
  const info = useQuery({
    queryKey: ['account-link', token],
    queryFn: () => api.call(accountRoutes.inspectAccountLink, { body: { token: token ?? '' } }),
    enabled: token !== null,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  })
  const redeem = useMutation({
    mutationFn: () =>
      api.replaceSession(accountRoutes.redeemAccountLink, { body: { token: token ?? '', password: value.password } }),
    onSuccess: () => router.history.replace('/projects'),
  })

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setTouched(true)
    if (newPasswordProblem(value) === null) redeem.mutate()
  }

  const data = info.data
  return (
    <Box mih="100vh" bg="var(--mantine-color-body)">
      <Group justify="flex-end" p="md" gap="sm">
        <LanguageSwitch />
        <ThemeToggle />
      </Group>
      <Center px="md" pb="15vh" pt="6vh">
        <Paper withBorder shadow="sm" p="xl" w="100%" maw={440}>
          <Stack gap="md">
            <Text fw={700} size="lg">
              {t('app.name')}
            </Text>
            {token === null && <Alert color="yellow">{t('people.accept.noToken')}</Alert>}
            {info.isPending && token !== null && (
              <Group gap="xs">
                <Loader size="xs" />
                <Text size="sm">{t('people.accept.checking')}</Text>
              </Group>
            )}
            {(info.isError || token === null) && (
              <>
                {info.error && (
                  <Alert color="red" variant="light" role="alert">
                    {apiErrorText(info.error, t)}
                  </Alert>
                )}
                <Button component={Link} to="/login" variant="default">
                  {t('people.accept.toSignIn')}
                </Button>
              </>
            )}
            {data && (
              <form onSubmit={submit} noValidate>
                <Stack gap="md">
                  <Title order={2}>
                    {data.purpose === 'invite'
                      ? t('people.accept.inviteTitle', { app: t('app.name') })
                      : t('people.accept.resetTitle')}
                  </Title>
                  <Text size="sm">
                    {t(data.purpose === 'invite' ? 'people.accept.inviteIntro' : 'people.accept.resetIntro', {
                      name: data.displayName,
                      email: data.email,
                    })}
                  </Text>
                  {session && session.user.email !== data.email && (
                    <Alert color="yellow" variant="light">
                      {t('people.accept.otherSession', { current: session.user.email, email: data.email })}
                    </Alert>
                  )}
                  {redeem.error && (
                    <Alert color="red" variant="light" role="alert">
                      {apiErrorText(redeem.error, t)}
                    </Alert>
                  )}
                  <NewPasswordFields
                    value={value}
                    onChange={setValue}
                    touched={touched}
                    labels={{ password: t('people.accept.password'), confirm: t('people.accept.confirm') }}
                  />
                  <Button type="submit" loading={redeem.isPending} fullWidth>
                    {t('people.accept.submit')}
                  </Button>
                </Stack>
              </form>
            )}
          </Stack>
        </Paper>
      </Center>
    </Box>
  )
}
