import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { Client, fetchExchange } from '@urql/core'
import { install as installUrql } from '@urql/vue'
import { defineComponent, h, type App } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { mountWithApp } from '../../../test/helpers'
import { NAVIGATION_REFRESH_DELAY_MS, useTodos } from './useTodos'

const Badge = defineComponent({
  props: { deferFirst: { type: Boolean, default: false } },
  setup(props) {
    const todos = useTodos({ deferFirst: props.deferFirst })
    return () => h('span', todos.count.value)
  },
})

async function mountBadge(deferFirst = false) {
  const fetch = vi.fn(() =>
    Promise.resolve(
      new Response(JSON.stringify({ data: { myTodos: { __typename: 'MyTodos', counts: { __typename: 'TodoCounts', total: 2 }, items: [] } } }), {
        headers: { 'content-type': 'application/json' },
      }),
    ),
  )
  const client = new Client({ url: 'http://api.test/graphql', exchanges: [fetchExchange], fetch, preferGetMethod: false })
  const page = { template: '<div />' }
  const router = createRouter({
    history: createMemoryHistory(),
    routes: ['home', 'ledger', 'dashboard'].map((name) => ({ path: `/${name}`, name, component: page })),
  })
  await router.push('/home')
  const wrapper = mountWithApp(Badge, { props: { deferFirst }, global: { plugins: [router, { install: (app: App) => installUrql(app, client) }] } })
  await flushPromises()
  return { wrapper, router, fetch }
}

afterEach(() => vi.useRealTimers())

describe('useTodos', () => {
  it('refreshes after a navigation once the new page has had its turn, once for quick successive ones', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] })
    const { wrapper, router, fetch } = await mountBadge()
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(wrapper.text()).toBe('2')

    await router.push('/ledger')
    await flushPromises()
    await router.push('/dashboard')
    await flushPromises()
    vi.advanceTimersByTime(NAVIGATION_REFRESH_DELAY_MS - 1)
    await flushPromises()
    // The pages just opened send their own first queries meanwhile.
    expect(fetch).toHaveBeenCalledTimes(1)

    vi.advanceTimersByTime(1)
    await flushPromises()
    expect(fetch).toHaveBeenCalledTimes(2)
    wrapper.unmount()
  })

  it('deferred, asks first once the page just loaded has had its turn, once even if it navigates meanwhile', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] })
    const { wrapper, router, fetch } = await mountBadge(true)
    expect(fetch).not.toHaveBeenCalled()
    expect(wrapper.text()).toBe('0')

    vi.advanceTimersByTime(NAVIGATION_REFRESH_DELAY_MS / 2)
    await router.push('/ledger')
    await flushPromises()
    vi.advanceTimersByTime(NAVIGATION_REFRESH_DELAY_MS - 1)
    await flushPromises()
    expect(fetch).not.toHaveBeenCalled()

    vi.advanceTimersByTime(1)
    await flushPromises()
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(wrapper.text()).toBe('2')
    wrapper.unmount()
  })
})
