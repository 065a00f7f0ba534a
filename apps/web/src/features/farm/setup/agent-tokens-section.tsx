// GPU agent tokens (admins): issue one for a GPU host (its secret and the command to run
// there are shown once), see when each was last used, and revoke with confirmation.
import type { AgentToken } from '@aipipeline/contracts'
import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { apiErrorText } from '../../../api/error-text'
import { agentCommand } from './agent-command'
import { useAgentTokens } from './backend-setup-queries'
import { ConfirmDialog } from './confirm-dialog'

const DEFAULT_COMFY = 'http://127.0.0.1:8188'

function IssueTokenDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const { issue } = useAgentTokens()
  const [name, setName] = useState('')
  const [touched, setTouched] = useState(false)
  const close = () => {
    setName('')
    setTouched(false)
    issue.reset()
    onClose()
  }
  const created = issue.data
  const command = created
    ? agentCommand({ secret: created.secret, studioUrl: window.location.origin, comfyUrl: DEFAULT_COMFY })
    : ''
  return (
    <Modal opened={opened} onClose={close} size="lg" title={t('farmSetup.tokens.issueTitle')}>
      {created ? (
        <Stack gap="sm" data-testid="issued-token">
          <Alert color="yellow" variant="light">
            {t('farmSetup.tokens.once')}
          </Alert>
          <Text size="sm" fw={600}>
            {t('farmSetup.tokens.secret')}
          </Text>
          <Code block data-testid="token-secret">
            {created.secret}
          </Code>
          <Text size="sm" fw={600}>
            {t('farmSetup.tokens.command')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('farmSetup.tokens.commandHint')}
          </Text>
          <Code block data-testid="agent-command" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {command}
          </Code>
          <Group justify="flex-end">
            <CopyButton value={command}>
              {({ copied, copy }) => (
                <Button variant="light" color={copied ? 'teal' : 'blue'} onClick={copy}>
                  {copied ? t('farmSetup.tokens.copied') : t('farmSetup.tokens.copy')}
                </Button>
              )}
            </CopyButton>
            <Button onClick={close}>{t('farmSetup.tokens.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault()
            setTouched(true)
            if (name.trim() !== '') issue.mutate(name.trim())
          }}
          noValidate
        >
          <Stack gap="sm">
            <TextInput
              label={t('farmSetup.tokens.name')}
              description={t('farmSetup.tokens.nameHint')}
              placeholder="gpu-host-1"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={touched && name.trim() === '' ? t('farmSetup.tokens.nameRequired') : null}
              data-autofocus
              required
            />
            {issue.error && (
              <Text size="sm" c="red" role="alert">
                {apiErrorText(issue.error, t)}
              </Text>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('farmSetup.cancel')}
              </Button>
              <Button type="submit" loading={issue.isPending}>
                {t('farmSetup.tokens.issue')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  )
}

/** The admin's list of agent tokens with issue and revoke. */
export function AgentTokensSection() {
  const { t, i18n } = useTranslation()
  const { list, revoke } = useAgentTokens()
  const [issuing, setIssuing] = useState(false)
  const [revoking, setRevoking] = useState<AgentToken | null>(null)
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })
  const when = (iso: string | null) => (iso === null ? t('farmSetup.tokens.never') : date.format(new Date(iso)))
  return (
    <section aria-labelledby="farm-agent-tokens">
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={3} size="h4" id="farm-agent-tokens">
            {t('farmSetup.tokens.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('farmSetup.tokens.subtitle')}
          </Text>
        </div>
        <Button variant="default" onClick={() => setIssuing(true)}>
          {t('farmSetup.tokens.issue')}
        </Button>
      </Group>
      {list.isError && (
        <Alert color="red" variant="light">
          {apiErrorText(list.error, t)}
        </Alert>
      )}
      {list.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('farmSetup.tokens.empty')}
        </Text>
      )}
      {(list.data?.length ?? 0) > 0 && (
        <Table striped withTableBorder fz="sm" data-testid="agent-tokens">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('farmSetup.tokens.name')}</Table.Th>
              <Table.Th>{t('farmSetup.tokens.prefix')}</Table.Th>
              <Table.Th>{t('farmSetup.tokens.created')}</Table.Th>
              <Table.Th>{t('farmSetup.tokens.lastUsed')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list.data ?? []).map((token) => (
              <Table.Tr key={token.id} data-testid="agent-token-row">
                <Table.Td>{token.name}</Table.Td>
                <Table.Td>
                  <Code>{token.tokenPrefix}…</Code>
                </Table.Td>
                <Table.Td>{when(token.createdAt)}</Table.Td>
                <Table.Td>{when(token.lastUsedAt)}</Table.Td>
                <Table.Td ta="right">
                  {token.revokedAt ? (
                    <Badge color="gray" variant="light">
                      {t('farmSetup.tokens.revoked')}
                    </Badge>
                  ) : (
                    <Button size="xs" variant="subtle" color="red" onClick={() => setRevoking(token)}>
                      {t('farmSetup.tokens.revoke')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <IssueTokenDialog opened={issuing} onClose={() => setIssuing(false)} />
      <ConfirmDialog
        opened={revoking !== null}
        title={t('farmSetup.tokens.revokeTitle')}
        confirmLabel={t('farmSetup.tokens.revoke')}
        pending={revoke.isPending}
        error={revoke.error ? apiErrorText(revoke.error, t) : null}
        onClose={() => {
          revoke.reset()
          setRevoking(null)
        }}
        onConfirm={() => revoking && revoke.mutate(revoking.id, { onSuccess: () => setRevoking(null) })}
      >
        <Text size="sm">{t('farmSetup.tokens.revokeText', { name: revoking?.name ?? '' })}</Text>
      </ConfirmDialog>
    </section>
  )
}
