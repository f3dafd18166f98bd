import { mount } from '@vue/test-utils'
import { defineComponent, h, nextTick, ref } from 'vue'
import { afterEach, describe, expect, it, vi } from 'vitest'

const setOption = vi.fn()
/** The element's height (style) each time the chart is created: what echarts measures then. */
const heightsAtInit: string[] = []
vi.mock('../utils/echarts', () => ({
  echarts: {
    init: (el: HTMLElement) => {
      heightsAtInit.push(el.style.height)
      return { setOption, on: vi.fn(), dispose: vi.fn(), resize: vi.fn() }
    },
  },
}))

const { useEcharts } = await import('./useEcharts')

/** A chart panel whose element has the font the page gives it. */
const data = ref([1])
const font = ref("'Test CJK Sans', sans-serif")
const Chart = defineComponent({
  setup() {
    const el = ref<HTMLElement | null>(null)
    useEcharts(el, () => ({ series: [{ type: 'bar', data: data.value }] }))
    return () => h('div', { ref: el, style: { fontFamily: font.value } })
  },
})

describe('useEcharts', () => {
  afterEach(() => setOption.mockReset())

  it("draws its text in the page's font stack, not the canvas's default", async () => {
    const wrapper = mount(Chart, { attachTo: document.body })
    await nextTick()
    await nextTick()
    expect(setOption).toHaveBeenCalledTimes(1)
    const [option] = setOption.mock.calls[0] as [{ textStyle: { fontFamily: string }; animation: boolean }]
    expect(option.textStyle.fontFamily).toMatch(/Test CJK Sans/)
    expect(option.animation).toBe(false)
    wrapper.unmount()
  })

  it('reads that font once per chart, not with every new option', async () => {
    const computed = vi.spyOn(window, 'getComputedStyle')
    const wrapper = mount(Chart, { attachTo: document.body })
    await nextTick()
    await nextTick()
    data.value = [2]
    await nextTick()
    data.value = [3]
    await nextTick()
    expect(setOption).toHaveBeenCalledTimes(3)
    const fonts = setOption.mock.calls.map(([option]) => (option as { textStyle: { fontFamily: string } }).textStyle.fontFamily)
    expect(new Set(fonts).size).toBe(1)
    expect(fonts[0]).toMatch(/Test CJK Sans/)
    expect(computed.mock.calls.filter(([element]) => element === wrapper.element)).toHaveLength(1)
    computed.mockRestore()
    wrapper.unmount()
  })

  it('draws an option that comes with a new size for its element at that size, not before the page has it', async () => {
    // As the heatmap: no option until its data comes, and then a height that grows with its rows.
    const rows = ref<number[] | null>(null)
    const Sized = defineComponent({
      setup() {
        const el = ref<HTMLElement | null>(null)
        useEcharts(el, () => (rows.value ? { series: [{ type: 'bar', data: rows.value }] } : null))
        return () => h('div', { ref: el, style: { height: `${Math.max(320, (rows.value?.length ?? 0) * 100)}px` } })
      },
    })
    heightsAtInit.length = 0
    const wrapper = mount(Sized, { attachTo: document.body })
    await nextTick()
    await nextTick()
    expect(setOption).not.toHaveBeenCalled()
    rows.value = [1, 2, 3, 4, 5]
    await nextTick()
    expect(setOption).toHaveBeenCalledTimes(1)
    expect(heightsAtInit).toEqual(['500px'])
    wrapper.unmount()
  })

  it('names font families in single quotes, which the exported SVG keeps inside its attribute', async () => {
    font.value = '"Noto Sans CJK SC", sans-serif'
    const wrapper = mount(Chart, { attachTo: document.body })
    await nextTick()
    await nextTick()
    const [option] = setOption.mock.calls[0] as [{ textStyle: { fontFamily: string } }]
    expect(option.textStyle.fontFamily).toContain("'Noto Sans CJK SC'")
    expect(option.textStyle.fontFamily).not.toContain('"')
    wrapper.unmount()
    font.value = "'Test CJK Sans', sans-serif"
  })
})
