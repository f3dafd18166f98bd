// @vitest-environment node
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { darkThemeOverrides, themeOverrides } from './theme'

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

/** WCAG's contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
    }) as [number, number, number]
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
  }
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (light + 0.05) / (dark + 0.05)
}

describe('the accent colours', () => {
  // naive-ui's backgrounds (body, card) and the text it puts on a primary button, per theme.
  const LIGHT = { backgrounds: ['#ffffff'], onPrimary: '#ffffff' }
  const DARK = { backgrounds: ['#101014', '#18181c'], onPrimary: '#000000' }

  it.each([
    ['light', themeOverrides, LIGHT],
    ['dark', darkThemeOverrides, DARK],
  ] as const)('read as text on the %s theme, and under its primary buttons\' text (4.5:1)', (_name, overrides, theme) => {
    const { primaryColor, infoColor } = overrides.common ?? {}
    for (const background of theme.backgrounds) {
      expect(contrast(primaryColor ?? '', background)).toBeGreaterThanOrEqual(4.5)
      expect(contrast(infoColor ?? '', background)).toBeGreaterThanOrEqual(4.5)
    }
    expect(contrast(theme.onPrimary, primaryColor ?? '')).toBeGreaterThanOrEqual(4.5)
  })
})
