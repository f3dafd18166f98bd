// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import zhCN from './zh-CN'

/** A Chinese character (or closing full-width bracket) followed by an ASCII colon: 指标: 而非 指标： */
const CHINESE_THEN_ASCII_COLON = /[\u4e00-\u9fff）」】》]\s*:/

function strings(value: unknown, path: string, into: [string, string][]) {
  if (typeof value === 'string') into.push([path, value])
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) strings(child, path ? `${path}.${key}` : key, into)
  }
  return into
}

const SRC = fileURLToPath(new URL('..', import.meta.url))
function vueFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : vueFiles(path)
    return entry.name.endsWith('.vue') ? [path] : []
  })
}
const templateOf = (source: string) => /<template>([\s\S]*)<\/template>/.exec(source)?.[1] ?? ''

describe('colons after Chinese labels', () => {
  it('no zh-CN message puts an ASCII colon after a Chinese label', () => {
    const offending = strings(zhCN, '', []).filter(([, text]) => CHINESE_THEN_ASCII_COLON.test(text))
    expect(offending).toEqual([])
  })

  it('the test itself catches one', () => {
    expect(CHINESE_THEN_ASCII_COLON.test('指标: PB-POL-1')).toBe(true)
    expect(CHINESE_THEN_ASCII_COLON.test('指标：PB-POL-1')).toBe(false)
    expect(CHINESE_THEN_ASCII_COLON.test('Indicator: PB-POL-1')).toBe(false)
  })

  it('no template writes a colon after a translated label itself (the locale says which colon)', () => {
    const offending = vueFiles(SRC).flatMap((file) =>
      templateOf(readFileSync(file, 'utf8'))
        .split('\n')
        .filter((line) => /\}\}\s*[:：]/.test(line) || CHINESE_THEN_ASCII_COLON.test(line.replace(/:[\w-]+="[^"]*"/g, '')))
        .map((line) => `${relative(SRC, file)}: ${line.trim()}`),
    )
    expect(offending).toEqual([])
  })
})
