import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'

const bar = { start: vi.fn(), finish: vi.fn(), error: vi.fn() }
vi.mock('@/plugins/discrete-later', () => ({ withDiscrete: (use: (api: { loadingBar: typeof bar }) => void) => use({ loadingBar: bar }) }))

const { PROGRESS_DELAY_MS, setupProgressGuard } = await import('./progress')

const Page = defineComponent({ render: () => null })

async function setup() {
  let answerSlow = () => undefined as void
  const slow = new Promise<void>((resolve) => (answerSlow = resolve))
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: Page },
      { path: '/fast', component: Page },
      { path: '/slow', component: () => slow.then(() => ({ default: Page })) },
    ],
  })
  setupProgressGuard(router)
  await router.push('/')
  return { router, answerSlow }
}

describe('progress guard', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => {
    vi.useRealTimers()
    vi.clearAllMocks()
  })

  it('shows no bar for a page change done within the delay', async () => {
    const { router } = await setup()
    await router.push('/fast')
    await vi.advanceTimersByTimeAsync(PROGRESS_DELAY_MS * 2)
    expect(bar.start).not.toHaveBeenCalled()
    expect(bar.finish).not.toHaveBeenCalled()
  })

  it('shows the bar once a page change takes longer, and finishes it when the page is there', async () => {
    const { router, answerSlow } = await setup()
    const navigation = router.push('/slow')
    await vi.advanceTimersByTimeAsync(PROGRESS_DELAY_MS - 1)
    expect(bar.start).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(bar.start).toHaveBeenCalledTimes(1)
    answerSlow()
    await navigation
    expect(bar.finish).toHaveBeenCalledTimes(1)
  })

  it('shows the error of a failed page change, however quick', async () => {
    const { router } = await setup()
    router.beforeEach((to) => (to.path === '/fast' ? new Error('refused') : true))
    await router.push('/fast').catch(() => undefined)
    expect(bar.error).toHaveBeenCalledTimes(1)
    expect(bar.start).not.toHaveBeenCalled()
  })
})
