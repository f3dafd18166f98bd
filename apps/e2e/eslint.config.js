import base from '@redblue/eslint-config/base'

export default [...base, { ignores: ['test-results/**', 'scratch/**'] }]
