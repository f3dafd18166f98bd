import { afterEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { defineComponent, h, ref } from 'vue'
import { useRenderedCount } from './useRenderedCount'

/** A page of sections of the given sizes, rendering as many as the composable says. */
function page(sizes: number[]) {
  const list = ref(sizes)
  const Page = defineComponent({
    setup() {
      const rendered = useRenderedCount(() => list.value)
      return () => h('div', list.value.slice(0, rendered.value).map((size, i) => h('section', { key: i }, String(size))))
    },
  })
  return { wrapper: mount(Page), list }
}

describe('useRenderedCount', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('renders about a screenful at once and one more section per frame after', async () => {
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame'] })
    const { wrapper, list } = page([3, 4, 2, 6, 5])
    // 3 + 4 + 2 ≥ 8 items: the first three sections.
    expect(wrapper.findAll('section')).toHaveLength(3)
    vi.advanceTimersToNextFrame()
    await wrapper.vm.$nextTick()
    expect(wrapper.findAll('section')).toHaveLength(4)
    vi.advanceTimersToNextFrame()
    vi.advanceTimersToNextFrame()
    await wrapper.vm.$nextTick()
    expect(wrapper.findAll('section')).toHaveLength(5)
    // Once all are out, a section added later shows at once.
    list.value = [...list.value, 1]
    await wrapper.vm.$nextTick()
    expect(wrapper.findAll('section')).toHaveLength(6)
    wrapper.unmount()
  })

  it('a list still on its way at mount starts with a screenful when it arrives', async () => {
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame'] })
    const { wrapper, list } = page([])
    expect(wrapper.findAll('section')).toHaveLength(0)
    vi.advanceTimersToNextFrame()
    list.value = Array.from({ length: 20 }, () => 1)
    await wrapper.vm.$nextTick()
    expect(wrapper.findAll('section')).toHaveLength(8)
    vi.advanceTimersToNextFrame()
    await wrapper.vm.$nextTick()
    expect(wrapper.findAll('section')).toHaveLength(9)
    for (let i = 0; i < 12; i++) vi.advanceTimersToNextFrame()
    await wrapper.vm.$nextTick()
    expect(wrapper.findAll('section')).toHaveLength(20)
    wrapper.unmount()
  })
})
