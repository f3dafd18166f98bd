import { afterEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { isChunkLoadError, setupReloadOnNewRelease } from './new-release'

const gone = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module: http://x/assets/LedgerPage-Old.js'))
const broken = () => Promise.reject(new Error('boom'))

function setup(component: () => Promise<never>) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: { render: () => null } },
      { path: '/ledger', component },
    ],
  })
  const reload = vi.fn()
  setupReloadOnNewRelease(router, reload)
  return { router, reload }
}

afterEach(() => sessionStorage.clear())

describe('a page whose code is gone after a new release', () => {
  it('is loaded again at the address asked for', async () => {
    const { router, reload } = setup(gone)
    await router.push('/')
    await router.push('/ledger?page=2').catch(() => undefined)
    expect(reload).toHaveBeenCalledWith('/ledger?page=2')
  })

  it('is loaded again once: a second failure for the same page reloads no more', async () => {
    const first = setup(gone)
    await first.router.push('/ledger').catch(() => undefined)
    const second = setup(gone)
    await second.router.push('/ledger').catch(() => undefined)
    expect(first.reload).toHaveBeenCalledTimes(1)
    expect(second.reload).not.toHaveBeenCalled()
  })

  it('leaves other navigation errors alone', async () => {
    const { router, reload } = setup(broken)
    await router.push('/ledger').catch(() => undefined)
    expect(reload).not.toHaveBeenCalled()
  })

  it('knows the browsers’ words for a module that could not be fetched', () => {
    expect(isChunkLoadError(new TypeError('Failed to fetch dynamically imported module: x'))).toBe(true)
    expect(isChunkLoadError(new TypeError('error loading dynamically imported module: x'))).toBe(true)
    expect(isChunkLoadError(new TypeError('Importing a module script failed.'))).toBe(true)
    expect(isChunkLoadError(new Error('Cannot read properties of undefined'))).toBe(false)
  })
})
