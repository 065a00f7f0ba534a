// i18next setup. English is the source catalog; Korean follows /work/shared/GLOSSARY.md terms.
// The chosen language persists in localStorage so the login page already speaks it.
import { Locale } from '@aipipeline/contracts'
import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en, ko } from './catalogs'

export const LOCALE_KEY = 'aipipeline.locale'
export const resources = { en: { translation: en }, ko: { translation: ko } } as const

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof en }
  }
}

/** The language picked with the switch in this browser, if any. */
export function chosenLocale(): Locale | null {
  const stored = Locale.safeParse(readStored())
  return stored.success ? stored.data : null
}

/** The stored choice, else the browser's preferred language when it is one we have. */
export function initialLocale(): Locale {
  const chosen = chosenLocale()
  if (chosen !== null) return chosen
  const browser = typeof navigator === 'undefined' ? '' : navigator.language.toLowerCase()
  return browser.startsWith('ko') ? 'ko' : 'en'
}

/** Initialises the shared i18next instance for React; call once before rendering. */
export async function setupI18n(): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources,
    lng: initialLocale(),
    fallbackLng: 'en',
    supportedLngs: ['en', 'ko'],
    // React escapes output already.
    interpolation: { escapeValue: false },
  })
  document.documentElement.lang = i18next.language
  return i18next
}

/**
 * Switches the UI language. `remember` (default) records it as this browser's explicit
 * choice; the account's language applied at sign-in is not, so it can still follow the account.
 */
export async function applyLocale(locale: Locale, { remember = true }: { remember?: boolean } = {}): Promise<void> {
  if (remember) {
    try {
      localStorage.setItem(LOCALE_KEY, locale)
    } catch {
      // Private mode or quota: the switch still applies for this visit.
    }
  }
  document.documentElement.lang = locale
  if (i18next.language !== locale) await i18next.changeLanguage(locale)
}

function readStored(): string | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage.getItem(LOCALE_KEY)
  } catch {
    return null
  }
}
