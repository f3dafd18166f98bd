import { flushPromises, mount } from '@vue/test-utils'
import { h } from 'vue'
import { afterEach, describe, expect, it } from 'vitest'
import MountOnIntent from './MountOnIntent.vue'

let clicks = 0
afterEach(() => {
  clicks = 0
  document.body.innerHTML = ''
})

function mountIntent() {
  return mount(MountOnIntent, {
    attachTo: document.body,
    slots: {
      idle: () => h('button', { class: 'idle' }, 'menu'),
      default: () => h('button', { class: 'real', onClick: () => clicks++ }, 'menu'),
    },
  })
}

describe('MountOnIntent', () => {
  it('shows the look-alike until the pointer reaches it, then the real control for good', async () => {
    const wrapper = mountIntent()
    expect(wrapper.find('.idle').exists()).toBe(true)
    expect(wrapper.find('.real').exists()).toBe(false)
    await wrapper.find('.idle').trigger('pointerover')
    await flushPromises()
    expect(wrapper.find('.idle').exists()).toBe(false)
    expect(wrapper.find('.real').exists()).toBe(true)
    // A click that follows the pointer reaches the real control once, as it is.
    await wrapper.find('.real').trigger('click')
    expect(clicks).toBe(1)
  })

  it('moves the focus to the real control when the keyboard arrives first', async () => {
    const wrapper = mountIntent()
    ;(wrapper.find('.idle').element as HTMLButtonElement).focus()
    await flushPromises()
    expect(document.activeElement).toBe(wrapper.find('.real').element)
    expect(clicks).toBe(0)
  })

  it('passes on a click that came without the pointer over it first: a tap, a script', async () => {
    const wrapper = mountIntent()
    // A finger's pointer events stay with the element it touched: that one is not replaced early.
    wrapper.find('.idle').element.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, pointerType: 'touch' }))
    await flushPromises()
    expect(wrapper.find('.idle').exists()).toBe(true)
    await wrapper.find('.idle').trigger('click')
    await flushPromises()
    expect(wrapper.find('.real').exists()).toBe(true)
    expect(clicks).toBe(1)
  })
})
