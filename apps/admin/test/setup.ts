// Each test starts from a clean browser state (theme and language preferences live here).
import { beforeEach } from 'vitest'

beforeEach(() => {
  localStorage.clear()
})
