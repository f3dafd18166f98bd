// The shared vitest config is plain JavaScript without declarations.
declare module '@redblue/vitest-config' {
  export function reporters(name: string): (string | [string, Record<string, unknown>])[]
}
