// Shows a freshly issued one-time link once, for the admin to copy and send (no e-mail is sent).
import type { AccountLink } from '@aipipeline/contracts'
import { Button, CopyButton, Group, Modal, Stack, Text, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { accountLinkUrl } from './people-queries'

export interface IssuedLink {
  link: AccountLink
  user: { displayName: string; email: string }
}

/** The link and its expiry, with a copy button. */
export function LinkDialog({ issued, onClose }: { issued: IssuedLink | null; onClose: () => void }) {
  const { t, i18n } = useTranslation()
  const url = issued ? accountLinkUrl(issued.link.token) : ''
  const name = issued?.user.displayName ?? ''
  return (
    <Modal
      opened={issued !== null}
      onClose={onClose}
      size="lg"
      title={
        issued?.link.purpose === 'reset'
          ? t('people.link.resetTitle', { name })
          : t('people.link.inviteTitle', { name })
      }
    >
      {issued && (
        <Stack gap="sm">
          <Text size="sm">
            {t('people.link.hint', {
              email: issued.user.email,
              date: new Date(issued.link.expiresAt).toLocaleString(i18n.language),
            })}
          </Text>
          <TextInput
            readOnly
            value={url}
            aria-label={t('people.link.copy')}
            data-testid="account-link-url"
            onFocus={(e) => e.currentTarget.select()}
          />
          <Group justify="flex-end">
            <CopyButton value={url}>
              {({ copied, copy }) => (
                <Button variant="light" color={copied ? 'teal' : undefined} onClick={copy}>
                  {copied ? t('people.link.copied') : t('people.link.copy')}
                </Button>
              )}
            </CopyButton>
            <Button onClick={onClose}>{t('people.link.done')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  )
}
