// The parts of ECharts the spend charts use (bars, grid, tooltip, canvas), registered once.
// Imported dynamically by echarts-view.tsx so the library stays out of the main bundle.
import { BarChart } from 'echarts/charts'
import { GridComponent, TooltipComponent } from 'echarts/components'
import { init, use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'

use([BarChart, GridComponent, TooltipComponent, CanvasRenderer])

export { init }
