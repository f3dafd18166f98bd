import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { NAlert, NCard, NEmpty, NProgress, NResult, NTag } from 'naive-ui'
import type { RouteStyles } from '../meta'
import { mountRouteStyles, mountStylesWhenIdle } from './route-styles'

const Page = defineComponent({ render: () => null })
const mounted = () => [...document.head.querySelectorAll('style[cssr-id]')].map((style) => style.getAttribute('cssr-id'))

function routerWith(styles: { layout?: () => Promise<never>; page?: RouteStyles }) {
  return createRouter({
    history: createMemoryHistory(),
    routes: [
      {
        path: '/',
        component: Page,
        meta: { styles: styles.layout },
        children: [{ path: 'home', component: Page, meta: { styles: () => Promise.resolve({ default: styles.page ?? (() => null) }) } }],
      },
    ],
  })
}

describe('mountRouteStyles', () => {
  it("puts the stylesheets of the route's naive-ui components in the head and draws nothing", async () => {
    expect(mounted()).not.toContain('n-card')
    const router = routerWith({ page: () => [h(NCard), h(NTag)] })
    await mountRouteStyles(router.resolve('/home'))
    expect(mounted()).toEqual(expect.arrayContaining(['n-card', 'n-tag']))
    expect(document.body.innerHTML).toBe('')
  })

  it('a layout whose styles fail to load does not keep the page from mounting its own', async () => {
    const router = routerWith({
      layout: () => Promise.reject(new Error('offline')),
      page: () => h(NEmpty),
    })
    expect(mounted()).not.toContain('n-empty')
    await expect(mountRouteStyles(router.resolve('/home'))).resolves.toBeUndefined()
    expect(mounted()).toContain('n-empty')
  })
})

describe('mountStylesWhenIdle', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('after afterMs loads the parts in one idle moment, then mounts them one per idle moment', async () => {
    const idle: Array<() => void> = []
    vi.stubGlobal('requestIdleCallback', (work: () => void) => idle.push(work))
    const runIdle = async () => {
      idle.shift()?.()
      await new Promise((settled) => setTimeout(settled))
    }
    mountStylesWhenIdle(() => Promise.resolve({ default: [() => h(NAlert), () => h(NResult)] }), 40)
    await new Promise((settled) => setTimeout(settled, 10))
    expect(idle, 'nothing before afterMs').toHaveLength(0)
    await new Promise((settled) => setTimeout(settled, 60))
    expect(idle).toHaveLength(1)
    await runIdle()
    expect(mounted()).not.toContain('n-alert')
    await runIdle()
    expect(mounted()).toContain('n-alert')
    expect(mounted()).not.toContain('n-result')
    await runIdle()
    expect(mounted()).toContain('n-result')
    expect(idle).toHaveLength(0)
    expect(document.body.innerHTML).toBe('')
  })

  it('a part that cannot be drawn without its page does not stop the next', async () => {
    const idle: Array<() => void> = []
    vi.stubGlobal('requestIdleCallback', (work: () => void) => idle.push(work))
    const Broken = () => {
      throw new Error('needs its page')
    }
    mountStylesWhenIdle(() => Promise.resolve({ default: [() => h(Broken), () => h(NProgress)] }))
    await new Promise((settled) => setTimeout(settled))
    while (idle.length) {
      idle.shift()?.()
      await new Promise((settled) => setTimeout(settled))
    }
    expect(mounted()).toContain('n-progress')
  })
})
