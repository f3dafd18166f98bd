/**
 * The theme and language a browser keeps between visits. Each reader is self-contained (no
 * reference outside its own body) because the build also writes it, as its source text, into the
 * inline script that index.html runs before its first paint (build/prerendered-sign-in.ts): the
 * stores and that script decide by the same code.
 */

export const THEME_STORAGE_KEY = 'redblue.theme'
export const LOCALE_STORAGE_KEY = 'redblue.locale'

/** The saved theme, else the system's preference. */
export function savedTheme(key: string): 'light' | 'dark' {
  let saved: string | null | undefined
  try {
    saved = globalThis.localStorage?.getItem(key)
  } catch {
    // Storage refused (a privacy setting): the system's preference, as for a first visit.
  }
  if (saved === 'light' || saved === 'dark') return saved
  return globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'
}

/** The saved language: Chinese unless English was chosen. */
export function savedLocale(key: string): 'zh-CN' | 'en-US' {
  let saved: string | null | undefined
  try {
    saved = globalThis.localStorage?.getItem(key)
  } catch {
    // Storage refused: the default language.
  }
  return saved === 'en-US' ? 'en-US' : 'zh-CN'
}
