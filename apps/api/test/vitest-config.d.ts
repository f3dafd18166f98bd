// Types for the shared JS vitest config package (it ships no declarations).
declare module '@redblue/vitest-config' {
  export function reporters(name: string): (string | [string, Record<string, unknown>])[]
}
