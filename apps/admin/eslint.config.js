import vue from '@redblue/eslint-config/vue'

export default vue
