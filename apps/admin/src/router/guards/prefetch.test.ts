import { describe, expect, it, vi } from 'vitest'
import { defineComponent } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { setupPrefetchGuards } from './prefetch'

const Page = defineComponent({ render: () => null })

function setup() {
  const layout = vi.fn(() => Promise.resolve({ default: Page }))
  const page = vi.fn(() => Promise.resolve({ default: Page }))
  const other = vi.fn(() => Promise.resolve({ default: Page }))
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: layout, children: [{ path: 'ledger', component: page }, { path: 'other', component: other }] },
    ],
  })
  setupPrefetchGuards(router)
  return { router, layout, page, other }
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
})
