import { useTranslation } from 'react-i18next'
import { SectionPlaceholder } from '../../components/section-placeholder'

export function ReviewPage() {
  const { t } = useTranslation()
  return (
    <SectionPlaceholder
      title={t('pages.review.title')}
      description={t('pages.review.description')}
      badge={t('placeholder.badge')}
    />
  )
}
