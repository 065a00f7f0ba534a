// Shared by the runtime provider and the build-time ColorSchemeScript so both read the same key.
import type { MantineColorScheme } from '@mantine/core'

export const COLOR_SCHEME_KEY = 'aipipeline.color-scheme'
/** Follow the operating system until the user picks light or dark. */
export const DEFAULT_COLOR_SCHEME: MantineColorScheme = 'auto'
