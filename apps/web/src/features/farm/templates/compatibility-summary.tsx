import { Badge, Loader, Tooltip } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { runsOn, verdictOf } from './compatibility-verdict'
import { useTemplateCompatibility } from './template-queries'

/** "Runs on 3 of 4 backends" for one template, coloured by how much of the farm can run it. */
export function CompatibilitySummary({ templateId }: { templateId: string }) {
  const { t } = useTranslation()
  const compatibility = useTemplateCompatibility(templateId)
  if (compatibility.isPending) return <Loader size="xs" aria-label={t('templates.compat.checking')} />
  if (compatibility.isError)
    return (
      <Badge variant="light" color="gray" data-testid="template-compat">
        {t('templates.compat.unknown')}
      </Badge>
    )
  const { ok, total } = runsOn(compatibility.data)
  if (total === 0)
    return (
      <Badge variant="light" color="gray" data-testid="template-compat" data-ok={0} data-total={0}>
        {t('templates.compat.noBackends')}
      </Badge>
    )
  const color = ok === total ? 'teal' : ok === 0 ? 'red' : 'yellow'
  const names = compatibility.data.filter((b) => verdictOf(b) !== 'ok').map((b) => b.name)
  const badge = (
    <Badge variant="light" color={color} data-testid="template-compat" data-ok={ok} data-total={total}>
      {t('templates.compat.runsOn', { ok, total })}
    </Badge>
  )
  return names.length === 0 ? badge : <Tooltip label={names.join(', ')}>{badge}</Tooltip>
}
