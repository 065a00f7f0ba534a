import { type LlmPrice, llmRoutes } from '@aipipeline/contracts'
import { Alert, Button, Card, Group, Loader, Table, Text, TextInput, Title } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { useApi } from '../../../api/api-context'
import { useInvalidateLlm, usePrices } from './llm-queries'
import { dollarsToMicros, formatPricePerMillion, microsToDollarText } from './money'

type Price = z.output<typeof LlmPrice>

/** The price table; admins edit a row's input and output price in place. */
export function PricesCard({ isAdmin }: { isAdmin: boolean }) {
  const { t, i18n } = useTranslation()
  const prices = usePrices()
  const [filter, setFilter] = useState('')
  const [editing, setEditing] = useState<string | null>(null)
  const rows = (prices.data?.items ?? []).filter((p) =>
    `${p.provider} ${p.modelId}`.toLowerCase().includes(filter.trim().toLowerCase()),
  )
  const date = (iso: string) => new Date(iso).toLocaleDateString(i18n.language)

  return (
    <Card withBorder padding="md">
      <Group justify="space-between" align="flex-start" mb="sm">
        <div>
          <Title order={3} size="h4">
            {t('settings.models.prices.title')}
          </Title>
          {prices.data && (
            <Text size="sm" c="dimmed">
              {t('settings.models.prices.seedAsOf', { date: prices.data.seedAsOf })}
            </Text>
          )}
        </div>
        <TextInput
          size="xs"
          placeholder={t('settings.models.prices.filter')}
          aria-label={t('settings.models.prices.filter')}
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
        />
      </Group>
      {prices.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
      {prices.isError && (
        <Alert color="red" variant="light">
          {t('settings.models.loadFailed', { message: prices.error.message })}
        </Alert>
      )}
      {prices.data && (
        <Table.ScrollContainer minWidth={680} mah={360}>
          <Table verticalSpacing={4} stickyHeader aria-label={t('settings.models.prices.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('settings.models.prices.provider')}</Table.Th>
                <Table.Th>{t('settings.models.prices.model')}</Table.Th>
                <Table.Th>{t('settings.models.prices.input')}</Table.Th>
                <Table.Th>{t('settings.models.prices.output')}</Table.Th>
                <Table.Th>{t('settings.models.prices.context')}</Table.Th>
                <Table.Th>{t('settings.models.prices.source')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((p) => {
                const key = `${p.provider}/${p.modelId}`
                return editing === key ? (
                  <PriceEditRow key={key} price={p} onDone={() => setEditing(null)} />
                ) : (
                  <Table.Tr key={key} data-testid="price-row" data-model={p.modelId}>
                    <Table.Td>{t(`settings.models.provider.${p.provider}`)}</Table.Td>
                    <Table.Td>
                      <code>{p.modelId}</code>
                    </Table.Td>
                    <Table.Td>{formatPricePerMillion(p.inputMicrosPerMillion, i18n.language)}</Table.Td>
                    <Table.Td>{formatPricePerMillion(p.outputMicrosPerMillion, i18n.language)}</Table.Td>
                    <Table.Td>{p.contextWindow?.toLocaleString(i18n.language) ?? '—'}</Table.Td>
                    <Table.Td>
                      <Text size="xs" c="dimmed">
                        {p.source === 'seed'
                          ? t('settings.models.prices.seed')
                          : t('settings.models.prices.edited', { date: date(p.updatedAt) })}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      {isAdmin && (
                        <Button size="compact-xs" variant="subtle" onClick={() => setEditing(key)}>
                          {t('settings.models.prices.edit')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                )
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  )
}

function PriceEditRow({ price, onDone }: { price: Price; onDone: () => void }) {
  const { t } = useTranslation()
  const api = useApi()
  const invalidate = useInvalidateLlm()
  const [input, setInput] = useState(microsToDollarText(price.inputMicrosPerMillion))
  const [output, setOutput] = useState(microsToDollarText(price.outputMicrosPerMillion))
  const [invalid, setInvalid] = useState(false)
  const save = useMutation({
    mutationFn: (body: { inputMicrosPerMillion: number; outputMicrosPerMillion: number }) =>
      api.call(llmRoutes.upsertLlmPrice, {
        body: { provider: price.provider, modelId: price.modelId, contextWindow: price.contextWindow, ...body },
      }),
    onSuccess: async () => {
      await invalidate()
      onDone()
    },
  })
  const submit = () => {
    const i = dollarsToMicros(input)
    const o = dollarsToMicros(output)
    setInvalid(i === null || o === null)
    if (i !== null && o !== null) save.mutate({ inputMicrosPerMillion: i, outputMicrosPerMillion: o })
  }
  return (
    <Table.Tr data-testid="price-edit-row">
      <Table.Td>{t(`settings.models.provider.${price.provider}`)}</Table.Td>
      <Table.Td>
        <code>{price.modelId}</code>
      </Table.Td>
      <Table.Td>
        <TextInput
          size="xs"
          w={100}
          leftSection="$"
          aria-label={t('settings.models.prices.input')}
          value={input}
          error={invalid}
          onChange={(e) => setInput(e.currentTarget.value)}
        />
      </Table.Td>
      <Table.Td>
        <TextInput
          size="xs"
          w={100}
          leftSection="$"
          aria-label={t('settings.models.prices.output')}
          value={output}
          error={invalid}
          onChange={(e) => setOutput(e.currentTarget.value)}
        />
      </Table.Td>
      <Table.Td colSpan={2}>
        {(invalid || save.error) && (
          <Text size="xs" c="red">
            {invalid ? t('settings.models.prices.invalid') : save.error?.message}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap" justify="flex-end">
          <Button size="compact-xs" loading={save.isPending} onClick={submit}>
            {t('settings.models.prices.save')}
          </Button>
          <Button size="compact-xs" variant="default" onClick={onDone}>
            {t('settings.models.prices.cancel')}
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  )
}
