// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseAst, transformWithOxc } from 'vite'
import { createI18n } from 'vue-i18n'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { builtMessage, compileMessage, needsCompiling, precompileCatalog } from '../build/precompiled-messages'
import enUS from '@/locales/en-US'
import zhCN from '@/locales/zh-CN'

/**
 * Production carries messages compiled at build time and no compiler (build/precompiled-messages.ts).
 * These tests hold that every message then reads exactly as the compiler-equipped runtime the
 * tests and the dev server use makes it read.
 */
const LOCALES_DIR = fileURLToPath(new URL('../src/locales/', import.meta.url))
const flags = globalThis as { __INTLIFY_DROP_MESSAGE_COMPILER__?: boolean }

type Catalog = { [key: string]: string | Catalog | Catalog[] | string[] }

/** Every message of a catalog with its dotted key (array elements as `key[i]`). */
function messages(catalog: unknown, prefix = ''): [string, string][] {
  if (typeof catalog === 'string') return [[prefix, catalog]]
  if (Array.isArray(catalog)) return catalog.flatMap((item, i) => messages(item, `${prefix}[${i}]`))
  return Object.entries(catalog as Catalog).flatMap(([key, value]) => messages(value, prefix ? `${prefix}.${key}` : key))
}

/** The catalog as the build ships it: messages that use the syntax as their AST, the rest as text. */
function precompiled(catalog: unknown): unknown {
  if (typeof catalog === 'string') return builtMessage(catalog)
  if (Array.isArray(catalog)) return catalog.map(precompiled)
  return Object.fromEntries(Object.entries(catalog as Catalog).map(([key, value]) => [key, precompiled(value)]))
}

/** Values for a message's placeholders: each named one by its own name, so a swap would show. */
function valuesFor(message: string): Record<string, string> {
  return Object.fromEntries([...message.matchAll(/\{\s*(\w+)\s*\}/g)].map(([, name]) => [name!, `«${name}»`]))
}

const catalogs = { 'zh-CN': zhCN, 'en-US': enUS } as const

beforeEach(() => {
  // Outside production vue-i18n warns about every plain string it shows uncompiled: by design here.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined)
})
afterEach(() => {
  flags.__INTLIFY_DROP_MESSAGE_COMPILER__ = false
  vi.restoreAllMocks()
})

describe('precompiled messages', () => {
  it.each(Object.keys(catalogs) as (keyof typeof catalogs)[])('read in %s exactly as the compiled strings do', (locale) => {
    const options = { legacy: false as const, locale, missingWarn: false, fallbackWarn: false }
    const strings = createI18n({ ...options, messages: { [locale]: catalogs[locale] } })
    const built = createI18n({ ...options, messages: { [locale]: precompiled(catalogs[locale]) as Catalog } })
    const all = messages(catalogs[locale])
    expect(all.length).toBeGreaterThan(500)
    let compiled = 0
    for (const [key, message] of all) {
      if (needsCompiling(message)) compiled++
      const values = valuesFor(message)
      for (const n of message.includes('|') ? [0, 1, 2, 5] : [1]) {
        flags.__INTLIFY_DROP_MESSAGE_COMPILER__ = false
        const expected = strings.global.t(key, values, n)
        // As in production: without the compiler, strings are shown as they are.
        flags.__INTLIFY_DROP_MESSAGE_COMPILER__ = true
        expect(built.global.t(key, values, n), `${locale} ${key} (n = ${n})`).toBe(expected)
      }
    }
    expect(compiled).toBeGreaterThan(50)
  })

  it('format placeholders, plurals and linked messages without the compiler', () => {
    flags.__INTLIFY_DROP_MESSAGE_COMPILER__ = true
    const i18n = createI18n({
      legacy: false,
      locale: 'en',
      messages: {
        en: {
          who: 'the inspector',
          remove: compileMessage('Remove {name}'),
          days: compileMessage('{n} day left | {n} days left'),
          signed: compileMessage('Signed by @:who'),
          email: compileMessage("name{'@'}example.org"),
        } as unknown as Catalog,
      },
    })
    const { t } = i18n.global
    expect(t('remove', { name: 'a.pdf' })).toBe('Remove a.pdf')
    expect(t('days', { n: 1 }, 1)).toBe('1 day left')
    expect(t('days', { n: 3 }, 3)).toBe('3 days left')
    expect(t('signed')).toBe('Signed by the inspector')
    expect(t('email')).toBe('name@example.org')
    // What the build must not leave behind: a string with syntax shows raw without the compiler.
    const raw = createI18n({ legacy: false, locale: 'en', missingWarn: false, messages: { en: { remove: 'Remove {name}' } } })
    expect(raw.global.t('remove', { name: 'a.pdf' })).toBe('Remove {name}')
  })

  it('refuse a message the compiler cannot read', () => {
    expect(() => compileMessage('Remove {name')).toThrow(/Cannot compile the message "Remove \{name"/)
  })
})

describe('precompileCatalog', () => {
  const run = (code: string) => precompileCatalog(code, parseAst(code))

  it('replaces messages with syntax by their AST and leaves plain text and keys alone', () => {
    const out = run(`export const m = { '{x}': '保存', list: ['一', '第 {n} 项'], nested: { hint: '移除 {name}' } }`)
    expect(out).not.toBeNull()
    expect(out!.code).toContain(`'{x}': '保存'`)
    expect(out!.code).toContain(`'一'`)
    expect(out!.code).not.toContain(`'第 {n} 项'`)
    expect(out!.code).toContain(JSON.stringify(compileMessage('移除 {name}')))
    expect(run(`export default { a: '保存', b: { c: '取消' } }`)).toBeNull()
  })

  it('refuses a message that is not one string literal', () => {
    expect(() => run('const n = 3; export default { a: `第 ${n} 项` }')).toThrow(/one string literal, not a TemplateLiteral/)
    expect(() => run(`export default { a: '第 ' + '{n}' }`)).toThrow(/not a BinaryExpression/)
  })

  it('reads every catalog file of the app', async () => {
    const files = readdirSync(LOCALES_DIR, { recursive: true, encoding: 'utf8' }).filter(
      (file) => file.endsWith('.ts') && !file.endsWith('.test.ts'),
    )
    expect(files.length).toBeGreaterThan(10)
    let compiledFiles = 0
    for (const file of files) {
      const path = join(LOCALES_DIR, file)
      const { code } = await transformWithOxc(readFileSync(path, 'utf8'), path)
      if (run(code)) compiledFiles++
    }
    expect(compiledFiles).toBeGreaterThan(5)
  })
})
