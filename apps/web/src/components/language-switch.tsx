import { Popover, SegmentedControl, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useLocaleSwitch } from '../features/settings/use-locale-switch'

/** English / 한국어 switch; each label is written in its own language so anyone can find theirs. */
export function LanguageSwitch() {
  const { t } = useTranslation()
  const { locale, setLocale, saveError, dismissError } = useLocaleSwitch()
  return (
    <Popover opened={saveError !== null} onChange={(open) => open || dismissError()} withArrow>
      <Popover.Target>
        <SegmentedControl
          size="xs"
          aria-label={t('language.label')}
          value={locale}
          onChange={(value) => {
            if (value === 'en' || value === 'ko') setLocale(value)
          }}
          data={[
            { value: 'en', label: t('language.en') },
            { value: 'ko', label: t('language.ko') },
          ]}
        />
      </Popover.Target>
      <Popover.Dropdown maw={280}>
        <Text size="sm" c="red">
          {t('language.saveFailed', { message: saveError ?? '' })}
        </Text>
      </Popover.Dropdown>
    </Popover>
  )
}
