/** Vitest reporters for a package: console, plus JSON for CI when VITEST_JSON_DIR is set. */
export function reporters(name: string): (string | [string, Record<string, unknown>])[]
