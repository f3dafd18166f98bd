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

type ECharts = ReturnType<typeof echarts.init>

export interface UseEchartsOptions {
  /** Handlers attached after every (re)initialisation, e.g. `{ click: (p) => … }`. */
  on?: Partial<Record<string, (params: unknown) => void>>
  /** Replace the whole option on change instead of merging (default true: charts are rebuilt). */
  notMerge?: boolean
}

/**
 * An ECharts instance bound to an element: initialised on mount, fed the option whenever it
 * changes, resized with its container, re-created in the dark theme when the app's theme changes,
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

  function render() {
    const value = toValue(option)
    if (!chart.value || !value) return
    chart.value.setOption(
      { backgroundColor: 'transparent', ...value },
      { notMerge: options.notMerge ?? true },
    )
  }

  function init() {
    if (!el.value) return
    chart.value?.dispose()
    chart.value = echarts.init(el.value, theme.isDark.value ? 'dark' : undefined, {
      renderer: 'canvas',
    })
    for (const [event, handler] of Object.entries(options.on ?? {})) {
      if (handler) (chart.value.on as (name: string, listener: (params: unknown) => void) => void)(event, handler)
    }
    render()
  }

  onMounted(async () => {
    await nextTick()
    init()
    if (el.value && typeof ResizeObserver !== 'undefined') {
      observer = new ResizeObserver(() => chart.value?.resize())
      observer.observe(el.value)
    }
  })

  watch(() => toValue(option), render, { deep: true })
  watch(theme.isDark, init)

  onBeforeUnmount(() => {
    observer?.disconnect()
    chart.value?.dispose()
    chart.value = null
  })

  return {
    chart,
    /** PNG of the chart as a data URL (for export buttons outside the chart). */
    toDataURL: (pixelRatio = 2) =>
      chart.value?.getDataURL({ type: 'png', pixelRatio, backgroundColor: theme.isDark.value ? '#18181c' : '#fff' }) ??
      null,
  }
}
