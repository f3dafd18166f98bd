import { describe, expect, it, vi } from 'vitest'
import type { Client } from '@urql/core'
import { defineComponent } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { setupPrefetchGuards } from './prefetch'

const Page = defineComponent({ render: () => null })

function setup() {
  const layout = vi.fn(() => Promise.resolve({ default: Page }))
  const page = vi.fn(() => Promise.resolve({ default: Page }))
  const other = vi.fn(() => Promise.resolve({ default: Page }))
  const prefetch = vi.fn(() => Promise.resolve())
  const data = vi.fn(() => Promise.resolve({ default: prefetch }))
  const client = {} as Client
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      {
        path: '/',
        component: layout,
        children: [
          { path: 'ledger', component: page, meta: { data } },
          { path: 'other', component: other },
        ],
      },
    ],
  })
  setupPrefetchGuards(router, () => client)
  return { router, layout, page, other, data, prefetch, client }
}

describe('prefetch guards', () => {
  it('starts the layout and page downloads while a later guard still waits for the session', async () => {
    const { router, layout, page, other } = setup()
    let answerSession = () => undefined as void
    const session = new Promise<void>((resolve) => (answerSession = resolve))
    router.beforeEach(() => session.then(() => true))

    const navigation = router.push('/ledger')
    await vi.waitFor(() => {
      expect(layout).toHaveBeenCalled()
      expect(page).toHaveBeenCalled()
    })
    expect(other).not.toHaveBeenCalled()

    answerSession()
    await navigation
    expect(router.currentRoute.value.path).toBe('/ledger')
  })

  it("sends the page's first queries beside the session check, with the route and the API client", async () => {
    const { router, prefetch, client } = setup()
    const session = new Promise<boolean>(() => undefined)
    router.beforeEach(() => session)

    void router.push('/ledger?status=OPEN')
    await vi.waitFor(() => expect(prefetch).toHaveBeenCalledTimes(1))
    const [route, api] = prefetch.mock.calls[0] as unknown as [{ path: string; query: Record<string, string> }, Client]
    expect(route.path).toBe('/ledger')
    expect(route.query.status).toBe('OPEN')
    expect(api).toBe(client)
  })

  it('fetches the page behind a link the pointer is over, before the click', async () => {
    const { router, other } = setup()
    await router.push('/ledger')
    const link = document.createElement('a')
    link.setAttribute('href', '/other')
    link.innerHTML = '<span>other</span>'
    document.body.append(link)
    expect(other).not.toHaveBeenCalled()
    link.firstElementChild?.dispatchEvent(new Event('pointerover', { bubbles: true }))
    expect(other).toHaveBeenCalled()
    link.remove()
  })

  it("loads the module of a pointed-at page's queries but asks no data: a hover is not worth the server's time", async () => {
    const { router, data, prefetch } = setup()
    await router.push('/other')
    const link = document.createElement('a')
    link.setAttribute('href', '/ledger')
    document.body.append(link)
    link.dispatchEvent(new Event('pointerover', { bubbles: true }))
    await vi.waitFor(() => expect(data).toHaveBeenCalledTimes(1))
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(prefetch).not.toHaveBeenCalled()
    link.remove()
  })

  it("once sign-in has rendered and the browser is idle, loads home's code and the module of its queries, asking no data", async () => {
    const signIn = vi.fn(() => Promise.resolve({ default: Page }))
    const home = vi.fn(() => Promise.resolve({ default: Page }))
    const prefetch = vi.fn(() => Promise.resolve())
    const data = vi.fn(() => Promise.resolve({ default: prefetch }))
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/sign-in', name: 'sign-in', component: signIn },
        { path: '/home', name: 'home', component: home, meta: { data } },
      ],
    })
    setupPrefetchGuards(router, () => ({}) as Client)
    await router.push('/sign-in')
    expect(home).not.toHaveBeenCalled()
    await vi.waitFor(() => {
      expect(home).toHaveBeenCalled()
      expect(data).toHaveBeenCalled()
    })
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(prefetch).not.toHaveBeenCalled()
  })
})
