// One ECharts canvas. ECharts is imported on first use so that only the pages with charts
// download it; the chart follows the container's size.
import { Box } from '@mantine/core'
import { useEffect, useRef } from 'react'

interface Props {
  option: Record<string, unknown>
  height: number
  label: string
  testId?: string
}

export function EChartsView({ option, height, label, testId = 'chart' }: Props) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const element = ref.current
    if (!element) return
    let disposed = false
    let dispose = () => {}
    void import('./echarts-setup').then((echarts) => {
      if (disposed) return
      const chart = echarts.init(element, undefined, { renderer: 'canvas' })
      chart.setOption(option)
      const observer = new ResizeObserver(() => chart.resize())
      observer.observe(element)
      dispose = () => {
        observer.disconnect()
        chart.dispose()
      }
    })
    return () => {
      disposed = true
      dispose()
    }
  }, [option])
  return <Box ref={ref} h={height} role="img" aria-label={label} data-testid={testId} />
}
