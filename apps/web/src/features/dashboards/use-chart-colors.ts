// Chart colours that follow the light or dark theme, and the page background the PDF uses.
import { useComputedColorScheme, useMantineTheme } from '@mantine/core'
import { useMemo } from 'react'
import type { ChartColors } from './chart-options'

export function useChartColors(): ChartColors & { background: string } {
  const theme = useMantineTheme()
  const dark = useComputedColorScheme('light') === 'dark'
  return useMemo(() => {
    const c = theme.colors
    const palette = [c.indigo, c.teal, c.orange, c.grape, c.cyan, c.red].map((shade) => shade[dark ? 4 : 6])
    return dark
      ? { text: c.dark[1], grid: c.dark[4], palette, background: c.dark[7] }
      : { text: c.gray[7], grid: c.gray[3], palette, background: '#ffffff' }
  }, [theme, dark])
}
