// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { compileStyle, parse } from 'vue/compiler-sfc'

const SRC = fileURLToPath(new URL('..', import.meta.url))
const SCOPE = 'data-v-test'

/** The selectors of every rule in compiled CSS (at-rules' own preludes and keyframe steps left out). */
function selectors(css: string): string[] {
  return [...css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]+)\{/g)]
    .map((match) => (match[1] ?? '').trim())
    .filter((prelude) => !prelude.startsWith('@'))
    .flatMap((prelude) => prelude.split(',').map((s) => s.trim()))
    .filter((selector) => selector && !/^(from|to|\d+(\.\d+)?%)$/.test(selector))
}

describe('scoped styles', () => {
  it("keep every rule inside its component, as the build compiles them (`:global(x) .y` compiles to `x` alone: it styled the whole page's root in the dark theme)", () => {
    const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.vue'),
    )
    expect(files.length).toBeGreaterThan(50)
    const leaks: string[] = []
    for (const file of files) {
      const { descriptor } = parse(readFileSync(`${SRC}/${file}`, 'utf8'), { filename: file })
      for (const style of descriptor.styles.filter((s) => s.scoped)) {
        const { code, errors } = compileStyle({
          source: style.content,
          id: SCOPE,
          scoped: true,
          filename: file,
        })
        expect(errors).toEqual([])
        for (const selector of selectors(code))
          if (!selector.includes(SCOPE)) leaks.push(`${file}: ${selector}`)
      }
    }
    expect(leaks).toEqual([])
  })
})
