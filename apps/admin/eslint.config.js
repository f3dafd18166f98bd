import vue from '@redblue/eslint-config/vue'

export default [
  ...vue,
  {
    // TypeScript already reports unknown names, and knows the browser's globals.
    rules: { 'no-undef': 'off' },
  },
]
