import { authRoutes, LoginRequest } from '@aipipeline/contracts'
import { Alert, Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useRouter, useSearch } from '@tanstack/react-router'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../api/api-context'
import { LanguageSwitch } from '../../components/language-switch'
import { ThemeToggle } from '../../components/theme-toggle'
import { FirstAdminForm } from './first-admin-form'
import { loginErrorMessage } from './login-error'

interface FieldErrors {
  email?: 'login.errors.emailInvalid'
  password?: 'login.errors.passwordRequired'
}

/** Checks the form against the login contract before anything is sent. */
function validate(email: string, password: string): FieldErrors {
  return {
    ...(LoginRequest.shape.email.safeParse(email).success ? {} : { email: 'login.errors.emailInvalid' }),
    ...(password.length > 0 ? {} : { password: 'login.errors.passwordRequired' }),
  }
}

export function LoginPage() {
  const { t } = useTranslation()
  const api = useApi()
  const router = useRouter()
  const search = useSearch({ from: '/login' })
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({})
  // An empty studio (no users yet) offers to create its first admin instead of signing in.
  const firstRun = useQuery({
    queryKey: ['auth', 'first-run'],
    queryFn: () => api.call(authRoutes.getFirstRun),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  })

  const login = useMutation({
    mutationFn: () => api.login(email.trim(), password),
    onSuccess: () => router.history.push(search.redirect ?? '/projects'),
  })

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const errors = validate(email.trim(), password)
    setFieldErrors(errors)
    if (errors.email || errors.password) return
    login.mutate()
  }

  const failure = login.isError ? loginErrorMessage(login.error) : null

  return (
    <Box mih="100vh" bg="var(--mantine-color-body)">
      <Group justify="flex-end" p="md" gap="sm">
        <LanguageSwitch />
        <ThemeToggle />
      </Group>
      <Center px="md" pb="15vh" pt="6vh">
        <Paper withBorder shadow="sm" p="xl" w="100%" maw={400}>
          {firstRun.data?.needsAdmin ? (
            <FirstAdminForm onTaken={() => void firstRun.refetch()} />
          ) : (
            <form onSubmit={submit} noValidate>
              <Stack gap="md">
                <div>
                  <Text fw={700} size="lg">
                    {t('app.name')}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t('app.tagline')}
                  </Text>
                </div>
                <Title order={2}>{t('login.title')}</Title>
                {search.expired && !failure && (
                  <Alert color="yellow" variant="light">
                    {t('login.sessionEnded')}
                  </Alert>
                )}
                {failure && (
                  <Alert color="red" variant="light" role="alert" data-testid="login-error">
                    {'values' in failure ? t(failure.key, failure.values) : t(failure.key)}
                  </Alert>
                )}
                <TextInput
                  label={t('login.email')}
                  placeholder={t('login.emailPlaceholder')}
                  type="email"
                  autoComplete="username"
                  autoFocus
                  value={email}
                  onChange={(e) => {
                    setEmail(e.currentTarget.value)
                    setFieldErrors(({ email: _, ...rest }) => rest)
                  }}
                  error={fieldErrors.email ? t(fieldErrors.email) : undefined}
                />
                <PasswordInput
                  label={t('login.password')}
                  autoComplete="current-password"
                  visibilityToggleButtonProps={{ 'aria-label': t('login.togglePassword') }}
                  value={password}
                  onChange={(e) => {
                    setPassword(e.currentTarget.value)
                    setFieldErrors(({ password: _, ...rest }) => rest)
                  }}
                  error={fieldErrors.password ? t(fieldErrors.password) : undefined}
                />
                <Button type="submit" loading={login.isPending} fullWidth>
                  {t('login.submit')}
                </Button>
              </Stack>
            </form>
          )}
        </Paper>
      </Center>
    </Box>
  )
}
