// The parts of ECharts the health chart uses (lines on a time axis, legend, tooltip, canvas),
// registered once. Imported dynamically so the library is downloaded only when a chart opens.
import { LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { init, use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'

use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])

export { init }
