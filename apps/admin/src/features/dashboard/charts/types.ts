import type { Id } from '@redblue/scoring'
import type { ECOption } from '@/utils/echarts'

/** The option type of every dashboard chart: only the modules the app registers (tree-shaken). */
export type ChartOption = ECOption

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
