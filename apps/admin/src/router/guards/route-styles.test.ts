import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { NCard, NEmpty, NTag } from 'naive-ui'
import type { RouteStyles } from '../meta'
import { mountRouteStyles } from './route-styles'

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
