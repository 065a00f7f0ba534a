// The sign-in page of an empty studio: instead of asking for credentials nobody has yet, it
// creates the first admin and signs them in. The server refuses once any user exists (409),
// so a second browser racing this one is told to sign in instead.
import { authRoutes, LoginRequest } from '@aipipeline/contracts'
import { Alert, Button, Stack, Text, TextInput, Title } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { useRouter } from '@tanstack/react-router'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../api/api-context'
import { ApiError } from '../../api/api-error'
import { apiErrorText } from '../../api/error-text'
import { NewPasswordFields, newPasswordProblem } from '../people/new-password-fields'

export function FirstAdminForm({ onTaken }: { onTaken: () => void }) {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const router = useRouter()
  const [email, setEmail] = useState('')
  const [displayName, setDisplayName] = useState('')
  const [password, setPassword] = useState({ password: '', confirm: '' })
  const [touched, setTouched] = useState(false)
  const emailValid = LoginRequest.shape.email.safeParse(email.trim()).success
  const create = useMutation({
    mutationFn: () =>
      api.replaceSession(authRoutes.createFirstAdmin, {
        body: {
          email: email.trim(),
          displayName: displayName.trim(),
          password: password.password,
          locale: i18n.language === 'ko' ? 'ko' : 'en',
        },
      }),
    onSuccess: () => router.history.replace('/projects'),
    onError: (error) => {
      if (error instanceof ApiError && error.failure.kind === 'http' && error.failure.status === 409) onTaken()
    },
  })

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setTouched(true)
    if (!emailValid || displayName.trim() === '' || newPasswordProblem(password) !== null) return
    create.mutate()
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Title order={2}>{t('firstRun.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('firstRun.intro')}
        </Text>
        {create.isError && (
          <Alert color="red" variant="light" role="alert">
            {apiErrorText(create.error, t)}
          </Alert>
        )}
        <TextInput
          label={t('firstRun.name')}
          autoComplete="name"
          autoFocus
          value={displayName}
          onChange={(e) => setDisplayName(e.currentTarget.value)}
          error={touched && displayName.trim() === '' ? t('firstRun.nameRequired') : undefined}
        />
        <TextInput
          label={t('login.email')}
          placeholder={t('login.emailPlaceholder')}
          type="email"
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={touched && !emailValid ? t('login.errors.emailInvalid') : undefined}
        />
        <NewPasswordFields
          value={password}
          onChange={setPassword}
          touched={touched}
          labels={{ password: t('login.password'), confirm: t('firstRun.confirm') }}
        />
        <Button type="submit" loading={create.isPending} fullWidth>
          {t('firstRun.submit')}
        </Button>
      </Stack>
    </form>
  )
}
