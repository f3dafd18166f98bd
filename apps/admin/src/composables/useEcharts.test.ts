import { mount } from '@vue/test-utils'
import { defineComponent, h, nextTick, ref } from 'vue'
import { afterEach, describe, expect, it, vi } from 'vitest'

const setOption = vi.fn()
vi.mock('../utils/echarts', () => ({
  echarts: { init: () => ({ setOption, on: vi.fn(), dispose: vi.fn(), resize: vi.fn() }) },
}))

const { useEcharts } = await import('./useEcharts')

/** A chart panel whose element has the font the page gives it. */
const data = ref([1])
const Chart = defineComponent({
  setup() {
    const el = ref<HTMLElement | null>(null)
    useEcharts(el, () => ({ series: [{ type: 'bar', data: data.value }] }))
    return () => h('div', { ref: el, style: { fontFamily: "'Test CJK Sans', sans-serif" } })
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
})
