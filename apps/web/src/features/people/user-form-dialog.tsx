// One dialog for adding a person: an invitation (they choose their password through a
// one-time link) or a user with a password the admin sets.
import { type AccountLink, PASSWORD_MIN_LENGTH } from '@aipipeline/contracts'
import { ROLES, Role } from '@aipipeline/domain'
import { Button, Group, Modal, PasswordInput, Select, Stack, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { apiErrorText } from '../../api/error-text'
import { useCreateUser, useInviteUser } from './people-queries'

export type UserFormMode = 'invite' | 'create'

interface Props {
  mode: UserFormMode | null
  onClose: () => void
  /** An invitation was created: show its link. */
  onInvited: (link: AccountLink, user: { displayName: string; email: string }) => void
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** Invite or create a user (admins). */
export function UserFormDialog({ mode, onClose, onInvited }: Props) {
  const { t } = useTranslation()
  const invite = useInviteUser()
  const create = useCreateUser()
  const [email, setEmail] = useState('')
  const [displayName, setDisplayName] = useState('')
  const [role, setRole] = useState<Role>('artist')
  const [locale, setLocale] = useState<'en' | 'ko'>('en')
  const [password, setPassword] = useState('')
  const [touched, setTouched] = useState(false)
  const mutation = mode === 'create' ? create : invite

  const errors = {
    email: EMAIL.test(email.trim()) ? null : t('people.form.emailInvalid'),
    displayName: displayName.trim() ? null : t('people.form.nameRequired'),
    password:
      mode === 'create' && password.length < PASSWORD_MIN_LENGTH
        ? t('people.form.passwordTooShort', { min: PASSWORD_MIN_LENGTH })
        : null,
  }
  const valid = !errors.email && !errors.displayName && !errors.password

  const close = () => {
    setEmail('')
    setDisplayName('')
    setPassword('')
    setTouched(false)
    invite.reset()
    create.reset()
    onClose()
  }

  const submit = () => {
    setTouched(true)
    if (!valid) return
    const base = { email: email.trim(), displayName: displayName.trim(), role, locale }
    if (mode === 'create') create.mutate({ ...base, password }, { onSuccess: close })
    else
      invite.mutate(base, {
        onSuccess: (result) => {
          close()
          onInvited(result.link, result.user)
        },
      })
  }

  return (
    <Modal
      opened={mode !== null}
      onClose={close}
      title={mode === 'create' ? t('people.form.createTitle') : t('people.form.inviteTitle')}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault()
          submit()
        }}
        noValidate
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {mode === 'create' ? t('people.form.createHint') : t('people.form.inviteHint')}
          </Text>
          <TextInput
            label={t('people.form.displayName')}
            value={displayName}
            onChange={(e) => setDisplayName(e.currentTarget.value)}
            error={touched && errors.displayName}
            data-autofocus
            required
          />
          <TextInput
            label={t('people.form.email')}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={touched && errors.email}
            required
          />
          <Group grow>
            <Select
              label={t('people.form.role')}
              data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              value={role}
              onChange={(v) => v && setRole(Role.parse(v))}
              allowDeselect={false}
            />
            <Select
              label={t('people.form.language')}
              data={[
                { value: 'en', label: t('language.en') },
                { value: 'ko', label: t('language.ko') },
              ]}
              value={locale}
              onChange={(v) => setLocale(v === 'ko' ? 'ko' : 'en')}
              allowDeselect={false}
            />
          </Group>
          {mode === 'create' && (
            <PasswordInput
              label={t('people.form.password')}
              description={t('people.form.passwordHint', { min: PASSWORD_MIN_LENGTH })}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={touched && errors.password}
              autoComplete="new-password"
              required
            />
          )}
          {mutation.error && (
            <Text size="sm" c="red" role="alert">
              {apiErrorText(mutation.error, t)}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('people.form.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {mode === 'create' ? t('people.form.submitCreate') : t('people.form.submitInvite')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
