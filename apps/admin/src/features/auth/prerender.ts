import { createClient } from '@urql/core'
import { install as installUrql } from '@urql/vue'
import { commonDark, commonLight, darkTheme } from 'naive-ui'
import { createSSRApp } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { createMemoryHistory, createRouter } from 'vue-router'
import { overridesFor } from '@/app/theme'
import { i18n, type AppLocale } from '@/plugins/i18n'
import { useLocaleStore } from '@/store/locale'
import { useThemeStore, type ThemeMode } from '@/store/theme'
import SignInPage from './pages/SignInPage.vue'

/**
 * The sign-in page's markup in `locale` and `theme` (the theme button shows the other one),
 * rendered in Node by the build (build/prerendered-sign-in.ts) so that index.html shows the form
 * before any script has run. Only the build loads this module. Nothing here is sent anywhere: the
 * client the page would sign in with has no exchanges.
 */
export async function renderSignInPage(locale: AppLocale, theme: ThemeMode): Promise<string> {
  useThemeStore().mode.value = theme
  useLocaleStore().setLocale(locale)
  i18n.global.locale.value = locale
  const app = createSSRApp(SignInPage)
  app.use(i18n)
  installUrql(app, createClient({ url: '/graphql', exchanges: [] }))
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/sign-in', component: SignInPage }],
  })
  app.use(router)
  await router.push('/sign-in')
  await router.isReady()
  return renderToString(app)
}

/** The properties naive-ui's NGlobalStyle sets on the body, as CSS property → value. */
export type BodyStyle = Record<string, string>

/**
 * The body's look in each theme as naive-ui's NGlobalStyle gives it once the app runs (its theme's
 * common values with the app's overrides), for index.html to have before then: without it the
 * prerendered form would be drawn in the browser's default font size and line height, and jump.
 */
export function bodyStyles(): Record<'light' | 'dark', BodyStyle> {
  const of = (dark: boolean): BodyStyle => {
    const common = dark ? commonDark : commonLight
    const overrides = overridesFor(dark ? darkTheme : null).common ?? {}
    const value = (key: 'bodyColor' | 'textColor2' | 'fontSize' | 'fontFamily' | 'lineHeight') =>
      overrides[key] ?? common[key]
    return {
      margin: '0',
      padding: '0',
      'background-color': value('bodyColor'),
      color: value('textColor2'),
      'font-size': value('fontSize'),
      'font-family': value('fontFamily'),
      'line-height': value('lineHeight'),
    }
  }
  return { light: of(false), dark: of(true) }
}
