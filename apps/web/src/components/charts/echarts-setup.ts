// The parts of ECharts the studio's charts use (bars, lines, grid, legend, tooltip, canvas),
// registered once for the dashboards, the farm's health history and the LLM spend charts.
// Imported dynamically so the library stays out of the main bundle.
import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { init, use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'

use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])

export { init }
export type EChart = ReturnType<typeof init>
