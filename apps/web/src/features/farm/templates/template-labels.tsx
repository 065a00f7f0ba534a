// Names and badges shared by the list, the detail and the import review.
import type { TemplateCategory, TemplateModelFamily, WorkflowTemplate } from '@aipipeline/contracts'
import { Badge, Group } from '@mantine/core'
import { useTranslation } from 'react-i18next'

// Model families are product names, the same in every language; only "generic" is a word.
const FAMILY_NAMES: Record<Exclude<TemplateModelFamily, 'generic'>, string> = {
  sd15: 'SD 1.5',
  sdxl: 'SDXL',
  'flux-dev': 'FLUX.1 dev',
  'flux-schnell': 'FLUX.1 schnell',
  'wan-2.2': 'Wan 2.2',
  cogvideox: 'CogVideoX',
  'hunyuan-video': 'HunyuanVideo',
}

/** The display name of a model family. */
export function useFamilyName(): (family: TemplateModelFamily) => string {
  const { t } = useTranslation()
  return (family) => (family === 'generic' ? t('templates.family.generic') : FAMILY_NAMES[family])
}

/** Select options for the model families, in the contract's order. */
export function useFamilyOptions(families: readonly TemplateModelFamily[]) {
  const name = useFamilyName()
  return families.map((f) => ({ value: f, label: name(f) }))
}

/** Select options for the categories, in the contract's order. */
export function useCategoryOptions(categories: readonly TemplateCategory[]) {
  const { t } = useTranslation()
  return categories.map((c) => ({ value: c, label: t(`templates.category.${c}`) }))
}

/** Family, category, outputs and the built-in mark of a template, as a row of badges. */
export function TemplateBadges({
  template,
}: {
  template: Pick<WorkflowTemplate, 'modelFamily' | 'category' | 'outputs'> & { builtIn?: boolean }
}) {
  const { t } = useTranslation()
  const family = useFamilyName()
  return (
    <Group gap={6}>
      <Badge variant="light" color="violet" data-testid="template-family">
        {family(template.modelFamily)}
      </Badge>
      <Badge variant="light" color="blue" data-testid="template-category">
        {t(`templates.category.${template.category}`)}
      </Badge>
      {template.outputs.map((o) => (
        <Badge key={o} variant="outline" color="gray">
          {t(`templates.output.${o}`)}
        </Badge>
      ))}
      {template.builtIn && <BuiltInBadge />}
    </Group>
  )
}

/** The mark of a template shipped with the studio. */
export function BuiltInBadge() {
  const { t } = useTranslation()
  return (
    <Badge variant="filled" color="teal" data-testid="template-built-in">
      {t('templates.builtIn')}
    </Badge>
  )
}
