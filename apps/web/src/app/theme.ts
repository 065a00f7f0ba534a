import { createTheme } from '@mantine/core'

export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  // Noto Sans KR / Apple SD Gothic Neo / Malgun Gothic cover Hangul where the Latin font does not.
  fontFamily:
    'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Apple SD Gothic Neo", "Malgun Gothic", "Noto Sans KR", "Noto Sans CJK KR", sans-serif',
  headings: { fontWeight: '650' },
})
