import {
  nextTick,
  onBeforeUnmount,
  onMounted,
  shallowRef,
  toValue,
  watch,
  type MaybeRefOrGetter,
  type Ref,
} from 'vue'
import { useThemeStore } from '@/store/theme'
import { echarts, type ECOption } from '../utils/echarts'
import { svgToPng } from '../utils/svgToPng'

type ECharts = ReturnType<typeof echarts.init>

export interface UseEchartsOptions {
  /** Handlers attached after every (re)initialisation, e.g. `{ click: (p) => … }`. */
  on?: Partial<Record<string, (params: unknown) => void>>
  /** Replace the whole option on change instead of merging (default true: charts are rebuilt). */
  notMerge?: boolean
}

/**
 * An ECharts instance bound to an element: created with its first option once mounted, fed the
 * option whenever it changes, resized with its container, re-created in the dark theme when the app's theme changes,
 * and disposed with the component.
 */
export function useEcharts(
  el: Ref<HTMLElement | null | undefined>,
  option: MaybeRefOrGetter<ECOption | null>,
  options: UseEchartsOptions = {},
) {
  const theme = useThemeStore()
  const chart = shallowRef<ECharts | null>(null)
  let observer: ResizeObserver | undefined

  let mounted = false
  /** The font stack the chart's element has from the page (styles/global.css), read as it is created. */
  let fontFamily = 'sans-serif'

  /**
   * Draws the current option. The chart is created with its first option, not on mount: creating
   * one measures its element, and six empty charts measured while their data was on its way cost
   * six layouts of the page for nothing.
   */
  function render() {
    const value = toValue(option)
    if (!value || !mounted) return
    if (!chart.value) init()
    // No entry animation: a dashboard draws six charts at once, and a second of animation frames
    // for each kept the page busy long after its data had arrived.
    // Text in the page's font: the canvas's default ('sans-serif') sent every measured label
    // through the system's search for a family with Chinese glyphs.
    chart.value?.setOption(
      { backgroundColor: 'transparent', animation: false, textStyle: { fontFamily }, ...value },
      { notMerge: options.notMerge ?? true },
    )
  }

  function init() {
    if (!el.value) return
    chart.value?.dispose()
    // Once per chart, not per option: reading a computed style recalculates the page's styles
    // whenever something has changed since, and a picker's change redraws six charts.
    // Family names in single quotes: the SVG renderer writes the font into a double-quoted
    // attribute of the exported picture, which a double quote would end.
    fontFamily = (getComputedStyle(el.value).fontFamily || 'sans-serif').replaceAll('"', "'")
    chart.value = echarts.init(el.value, theme.isDark.value ? 'dark' : undefined, { renderer: 'svg' })
    for (const [event, handler] of Object.entries(options.on ?? {})) {
      if (handler) (chart.value.on as (name: string, listener: (params: unknown) => void) => void)(event, handler)
    }
  }

  onMounted(async () => {
    await nextTick()
    mounted = true
    render()
    if (el.value && typeof ResizeObserver !== 'undefined') {
      // The first notification reports the size the chart was just created with.
      let first = true
      observer = new ResizeObserver(() => {
        if (!first) chart.value?.resize()
        first = false
      })
      observer.observe(el.value)
    }
  })

  // After the DOM has updated: an option often comes with a new size for its element (the heatmap
  // grows with its orgs), and a chart drawn before that is drawn again by the resize that follows.
  watch(() => toValue(option), render, { deep: true, flush: 'post' })
  // Another theme means another chart: created anew in it, if there is anything to draw.
  watch(theme.isDark, () => {
    chart.value?.dispose()
    chart.value = null
    render()
  })

  onBeforeUnmount(() => {
    observer?.disconnect()
    chart.value?.dispose()
    chart.value = null
  })

  return {
    chart,
    /** PNG of the chart as a data URL (for export buttons outside the chart); null before it draws. */
    toPng: async (pixelRatio = 2): Promise<string | null> => {
      const drawn = chart.value
      if (!drawn) return null
      return svgToPng(
        drawn.getDataURL(),
        { width: drawn.getWidth(), height: drawn.getHeight() },
        { pixelRatio, background: theme.isDark.value ? '#18181c' : '#fff' },
      )
    },
  }
}
