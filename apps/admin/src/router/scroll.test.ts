import { describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter, START_LOCATION } from 'vue-router'
import { routes } from './routes'
import { windowScroll } from './scroll'

const router = createRouter({ history: createMemoryHistory(), routes })
/** From a page already open: the scroll of a change inside the app. */
const scrollFor = (path: string) => windowScroll(router.resolve(path), router.resolve('/home'))

describe('windowScroll', () => {
  it('leaves the window alone for the pages of the signed-in layout, which scroll inside it', () => {
    expect(scrollFor('/home')).toBe(false)
    expect(scrollFor('/ledger')).toBe(false)
    expect(scrollFor('/dashboard')).toBe(false)
  })

  it('opens the pages outside the layout at the top of the window', () => {
    expect(scrollFor('/sign-in')).toEqual({ top: 0 })
    expect(scrollFor('/print/feedback-forms/1/2/3')).toEqual({ top: 0 })
    expect(scrollFor('/no-such-page')).toEqual({ top: 0 })
  })

  it('leaves the window where the browser put it for the page a document opens with', () => {
    expect(windowScroll(router.resolve('/sign-in'), START_LOCATION)).toBe(false)
    expect(windowScroll(router.resolve('/print/feedback-forms/1/2/3'), START_LOCATION)).toBe(false)
  })
})
