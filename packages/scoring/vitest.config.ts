import { reporters } from '@redblue/vitest-config'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    reporters: reporters('scoring'),
  },
})
