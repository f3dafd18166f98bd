// @vitest-environment node
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { themeOverrides } from './theme'

const css = readFileSync(fileURLToPath(new URL('../styles/global.css', import.meta.url)), 'utf8')

const stack = (/--app-font-family:\s*([^;]+);/.exec(css)?.[1] ?? '')
  .split(',')
  .map((family) => family.trim().replace(/^'|'$/g, ''))

describe('the font stack', () => {
  it("names a Chinese family of each desktop before the generic fallback", () => {
    const fallback = stack.indexOf('sans-serif')
    expect(fallback).toBe(stack.length - 1)
    for (const family of ['PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Zen Hei']) {
      expect(stack.indexOf(family), family).toBeGreaterThanOrEqual(0)
    }
  })

  it("is the page's and naive-ui's components' alike", () => {
    expect(/body\s*{\s*font-family:\s*var\(--app-font-family\)/.test(css)).toBe(true)
    expect(themeOverrides.common?.fontFamily).toBe('var(--app-font-family)')
  })
})
