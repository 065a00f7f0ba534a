// Users of the studio. Managers read the list (the API's rule); admins invite, create, change
// roles, deactivate and issue password-reset links. Other roles never see the page in the nav.
import { access, roleSatisfies } from '@aipipeline/domain'
import { Alert, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSession } from '../../api/api-context'
import { apiErrorText } from '../../api/error-text'
import { NotForRole } from '../../components/not-for-role'
import { type IssuedLink, LinkDialog } from './link-dialog'
import { useIssueLink, useUpdateUser, useUsers } from './people-queries'
import { UserFormDialog, type UserFormMode } from './user-form-dialog'
import { UsersTable } from './users-table'

export function UsersPage() {
  const { t } = useTranslation()
  const session = useSession()
  const role = session?.user.role
  const canRead = roleSatisfies(access.atLeast('manager'), role)
  const canEdit = role === 'admin'
  const users = useUsers(canRead)
  const update = useUpdateUser()
  const issue = useIssueLink()
  const [form, setForm] = useState<UserFormMode | null>(null)
  const [issued, setIssued] = useState<IssuedLink | null>(null)
  if (!canRead) return <NotForRole />
  const failure = update.error ?? issue.error

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('people.users.title')}</Title>
          <Text c="dimmed" size="sm">
            {canEdit ? t('people.users.subtitle') : t('people.users.readOnly')}
          </Text>
        </div>
        {canEdit && (
          <Group gap="sm">
            <Button variant="default" onClick={() => setForm('create')}>
              {t('people.users.create')}
            </Button>
            <Button onClick={() => setForm('invite')}>{t('people.users.invite')}</Button>
          </Group>
        )}
      </Group>
      {failure && (
        <Alert color="red" variant="light" role="alert">
          {t('people.users.changeFailed', { message: apiErrorText(failure, t) })}
        </Alert>
      )}
      <Card withBorder padding="md">
        {users.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
        {users.isError && (
          <Alert color="red" variant="light">
            {t('people.users.loadFailed', { message: apiErrorText(users.error, t) })}
          </Alert>
        )}
        {users.data?.length === 0 && <Text c="dimmed">{t('people.users.empty')}</Text>}
        {users.data && users.data.length > 0 && (
          <UsersTable
            users={users.data}
            selfId={session?.user.id}
            canEdit={canEdit}
            busy={update.isPending || issue.isPending}
            onRole={(u, r) => update.mutate({ id: u.id, patch: { role: r } })}
            onActive={(u, active) => update.mutate({ id: u.id, patch: { active } })}
            onLink={(u) => issue.mutate(u.id, { onSuccess: (link) => setIssued({ link, user: u }) })}
          />
        )}
      </Card>
      <UserFormDialog mode={form} onClose={() => setForm(null)} onInvited={(link, user) => setIssued({ link, user })} />
      <LinkDialog issued={issued} onClose={() => setIssued(null)} />
    </Stack>
  )
}
