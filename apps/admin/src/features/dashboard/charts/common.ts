import type { ToolboxComponentOption } from 'echarts/components'

/**
 * Scores travel as exact two-decimal strings; a chart only draws them, so a float is fine here
 * (every comparison that matters happened in the engine). A missing value stays a gap.
 */
export function chartNumber(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null
  const n = typeof value === 'number' ? value : Number(value)
  return Number.isFinite(n) ? n : null
}

/** Tooltip text of a plotted score: two decimals, a dash for a gap. */
export function formatScore(value: unknown): string {
  return typeof value === 'number' && Number.isFinite(value) ? value.toFixed(2) : '—'
}

/**
 * ECharts' own "save as PNG", kept hidden: the panel's button beside the title is the one export a
 * person sees (two buttons doing the same confused people). The file is named after the chart.
 */
export function exportToolbox(fileName: string, title: string): ToolboxComponentOption {
  return {
    show: false,
    right: 8,
    top: 0,
    feature: {
      saveAsImage: { type: 'png', name: fileName, title, pixelRatio: 2 },
    },
  }
}

/** The labels every chart needs from the page (already translated). */
export interface ChartLabels {
  /** Tooltip of the PNG export button. */
  exportTitle: string
}
