/**
 * The one place ECharts modules are registered: only these charts, components and the SVG
 * renderer reach the bundle (echarts/core, not the full build), and only in the route chunks that
 * draw charts. Each module is named once, through its package's namespace: the bundler keeps only
 * the members read by name. SVG, not canvas: the dashboard's six charts drew faster without a
 * canvas to allocate, clear and upload for each, and stay sharp when the page is zoomed.
 */
import * as charts from 'echarts/charts'
import * as components from 'echarts/components'
import * as echarts from 'echarts/core'
import type { ComposeOption } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'

echarts.use([
  charts.BarChart,
  charts.HeatmapChart,
  charts.LineChart,
  charts.PieChart,
  charts.RadarChart,
  components.GridComponent,
  components.LegendComponent,
  components.MarkLineComponent,
  components.RadarComponent,
  components.TooltipComponent,
  components.VisualMapContinuousComponent,
  SVGRenderer,
])

/** Options limited to the registered modules: each one above with its option type. */
export type ECOption = ComposeOption<
  | charts.BarSeriesOption
  | charts.HeatmapSeriesOption
  | charts.LineSeriesOption
  | charts.PieSeriesOption
  | charts.RadarSeriesOption
  | components.GridComponentOption
  | components.LegendComponentOption
  | components.MarkLineComponentOption
  | components.RadarComponentOption
  | components.TooltipComponentOption
  | components.VisualMapComponentOption
>

export { echarts }
