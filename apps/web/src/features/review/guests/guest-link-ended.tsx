// The full page a guest sees once their link no longer opens anything, or after they left.
import { Box, Center, Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'

export function GuestLinkEnded({ reason }: { reason: 'ended' | 'left' }) {
  const { t } = useTranslation()
  return (
    <Box mih="100vh" bg="var(--mantine-color-body)">
      <Center px="md" pt="20vh">
        <Paper withBorder shadow="sm" p="xl" w="100%" maw={460} data-testid="guest-link-ended">
          <Stack gap="sm">
            <Title order={3}>{reason === 'ended' ? t('reviewGuests.ended.title') : t('reviewGuests.shell.left')}</Title>
            {reason === 'ended' && <Text c="dimmed">{t('reviewGuests.ended.body')}</Text>}
          </Stack>
        </Paper>
      </Center>
    </Box>
  )
}
