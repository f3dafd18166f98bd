import type { BarSeriesOption, HeatmapSeriesOption, LineSeriesOption, RadarSeriesOption } from 'echarts/charts'
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  RadarComponentOption,
  TitleComponentOption,
  ToolboxComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components'
import type { ComposeOption } from 'echarts/core'
import type { Id } from '@redblue/scoring'

/** The option type of every dashboard chart: only the modules the charts register (tree-shaken). */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | HeatmapSeriesOption
  | LineSeriesOption
  | RadarSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | RadarComponentOption
  | TitleComponentOption
  | ToolboxComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>

/** One published round on a trend's x axis, oldest first. */
export interface RoundPoint {
  id: Id
  /** e.g. "2025 Q2"; the caller translates. */
  label: string
}

/** What an echarts click hands to a listener (the fields the drill-down reads). */
export interface ChartClick {
  componentType?: string
  seriesType?: string
  seriesId?: string
  seriesIndex?: number
  dataIndex?: number
  name?: string
  value?: unknown
  data?: unknown
}
