import { describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { routes } from './routes'
import { windowScroll } from './scroll'

const router = createRouter({ history: createMemoryHistory(), routes })
const scrollFor = (path: string) => windowScroll(router.resolve(path))

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
})
