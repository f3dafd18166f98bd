import base from '@redblue/eslint-config/base'

export default base
