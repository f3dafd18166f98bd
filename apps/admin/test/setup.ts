// Each test starts from a clean browser state (theme and language preferences live here), and a
// render error Vue would only log fails the test instead.
import { afterEach, beforeEach } from 'vitest'
import { renderErrors } from './helpers'

beforeEach(() => {
  // Absent in the few tests that run under node (the build budget).
  globalThis.localStorage?.clear()
  renderErrors.length = 0
})

afterEach(() => {
  if (renderErrors.length) {
    const [first] = renderErrors.splice(0)
    throw first instanceof Error ? first : new Error(String(first))
  }
})
