// tooling/vitest ships plain JS without declarations; this keeps vitest.config.ts type-checked
// (remove once tooling/vitest provides index.d.ts).
declare module '@redblue/vitest-config' {
  import type { ViteUserConfig } from 'vitest/config'

  export function reporters(
    name: string,
  ): NonNullable<NonNullable<ViteUserConfig['test']>['reporters']>
}
