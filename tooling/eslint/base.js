import js from '@eslint/js'
import tseslint from 'typescript-eslint'

/**
 * Type-checked rules for every TypeScript package. Environment access is confined to one `env.ts`
 * per package so configuration is discoverable in one place.
 */
export default tseslint.config(
  { ignores: ['**/dist/**', '**/generated/**', '**/node_modules/**', '**/*.config.*', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: process.cwd() },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'separate-type-imports' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // `x!` silences the compiler where data may really be missing; narrow or throw with a message instead.
      '@typescript-eslint/no-non-null-assertion': 'error',
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through env.ts only.' },
      ],
    },
  },
  {
    files: ['**/env.ts', '**/test/**', '**/*.test.ts', '**/scripts/**', '**/bench/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // In a test a missing value fails the test anyway, so `x!` there reads better than a guard.
    files: ['**/test/**', '**/*.test.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
)
