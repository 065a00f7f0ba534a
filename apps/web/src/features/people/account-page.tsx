// The signed-in user's own account: who they are and a password change. Changing the
// password signs out every other device; this tab continues with the fresh session.
import { accountRoutes } from '@aipipeline/contracts'
import { Alert, Button, Card, Group, PasswordInput, Stack, Text, Title } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi, useSession } from '../../api/api-context'
import { apiErrorText } from '../../api/error-text'
import { NewPasswordFields, newPasswordProblem } from './new-password-fields'

export function AccountPage() {
  const { t } = useTranslation()
  const api = useApi()
  const session = useSession()
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState({ password: '', confirm: '' })
  const [touched, setTouched] = useState(false)
  const change = useMutation({
    mutationFn: () =>
      api.replaceSession(accountRoutes.changeMyPassword, {
        body: { currentPassword: current, newPassword: next.password },
      }),
    onSuccess: () => {
      setCurrent('')
      setNext({ password: '', confirm: '' })
      setTouched(false)
    },
  })
  if (!session) return null
  const { user } = session

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setTouched(true)
    if (current === '' || newPasswordProblem(next) !== null) return
    change.mutate()
  }

  return (
    <Stack gap="lg" maw={560}>
      <div>
        <Title order={2}>{t('people.account.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('people.account.subtitle')}
        </Text>
      </div>
      <Card withBorder>
        <Stack gap={4}>
          <Title order={4}>{t('people.account.profile')}</Title>
          <Text fw={600}>{user.displayName}</Text>
          <Text size="sm">{user.email}</Text>
          <Text size="sm" c="dimmed">
            {t('people.account.role')}: {t(`roles.${user.role}`)}
          </Text>
        </Stack>
      </Card>
      <Card withBorder>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Title order={4}>{t('people.account.passwordTitle')}</Title>
            <Text size="sm" c="dimmed">
              {t('people.account.passwordHint')}
            </Text>
            {change.isSuccess && (
              <Alert color="teal" variant="light" role="status" data-testid="password-changed">
                {t('people.account.changed')}
              </Alert>
            )}
            {change.error && (
              <Alert color="red" variant="light" role="alert">
                {apiErrorText(change.error, t)}
              </Alert>
            )}
            <PasswordInput
              label={t('people.account.current')}
              autoComplete="current-password"
              value={current}
              onChange={(e) => setCurrent(e.currentTarget.value)}
              error={touched && current === '' ? t('login.errors.passwordRequired') : undefined}
            />
            <NewPasswordFields
              value={next}
              onChange={setNext}
              touched={touched}
              labels={{ password: t('people.account.new'), confirm: t('people.account.confirm') }}
            />
            <Group justify="flex-end">
              <Button type="submit" loading={change.isPending}>
                {t('people.account.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Stack>
  )
}
