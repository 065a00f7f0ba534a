// A new password typed twice, with the studio's strength rule (the same as the server's).
import { PASSWORD_MIN_LENGTH } from '@aipipeline/contracts'
import { PasswordInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'

export interface NewPasswordValue {
  password: string
  confirm: string
}

/** Why the pair cannot be submitted, as a translation key and values; null when it can. */
export function newPasswordProblem(
  value: NewPasswordValue,
): { key: 'people.form.passwordTooShort'; min: number } | { key: 'people.accept.mismatch' } | null {
  if (value.password.length < PASSWORD_MIN_LENGTH)
    return { key: 'people.form.passwordTooShort', min: PASSWORD_MIN_LENGTH }
  if (value.password !== value.confirm) return { key: 'people.accept.mismatch' }
  return null
}

interface Props {
  value: NewPasswordValue
  onChange: (value: NewPasswordValue) => void
  /** Show problems (after a first submit). */
  touched: boolean
  labels: { password: string; confirm: string }
}

export function NewPasswordFields({ value, onChange, touched, labels }: Props) {
  const { t } = useTranslation()
  const problem = touched ? newPasswordProblem(value) : null
  return (
    <>
      <PasswordInput
        label={labels.password}
        description={t('people.form.passwordHint', { min: PASSWORD_MIN_LENGTH })}
        autoComplete="new-password"
        value={value.password}
        onChange={(e) => onChange({ ...value, password: e.currentTarget.value })}
        error={problem?.key === 'people.form.passwordTooShort' ? t(problem.key, { min: problem.min }) : undefined}
      />
      <PasswordInput
        label={labels.confirm}
        autoComplete="new-password"
        value={value.confirm}
        onChange={(e) => onChange({ ...value, confirm: e.currentTarget.value })}
        error={problem?.key === 'people.accept.mismatch' ? t(problem.key) : undefined}
      />
    </>
  )
}
