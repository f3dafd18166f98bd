import { mount } from '@vue/test-utils'
import { defineComponent, h, nextTick, ref } from 'vue'
import { afterEach, describe, expect, it, vi } from 'vitest'

const setOption = vi.fn()
vi.mock('../utils/echarts', () => ({
  echarts: { init: () => ({ setOption, on: vi.fn(), dispose: vi.fn(), resize: vi.fn() }) },
}))

const { useEcharts } = await import('./useEcharts')

/** A chart panel whose element has the font the page gives it. */
const Chart = defineComponent({
  setup() {
    const el = ref<HTMLElement | null>(null)
    useEcharts(el, { series: [{ type: 'bar', data: [1] }] })
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
})
