import base from '@redblue/eslint-config/base'

export default [
  ...base,
  {
    // Tests read GraphQL results by shape (`ok(res).createScheme.problems`) instead of declaring a
    // type for every response; the assertions themselves check the shape.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
]
