import { computed } from 'vue'
import { createDiscreteApi, type ConfigProviderProps, type DiscreteApi } from 'naive-ui'
import { useNaiveTheme } from '@/app/naive-theme'
import { useLocaleStore } from '@/store/locale'
import { overridesFor } from '@/app/theme'

let api: DiscreteApi<'message' | 'dialog' | 'notification' | 'loadingBar'> | undefined

/**
 * Messages, dialogs and the loading bar for code that runs outside components (router guards, the
 * GraphQL client) and for components alike, so there is one place that shows them, following the
 * app's theme and language. Created right after the first page has mounted (`withDiscrete` in
 * main.ts, which start-up code uses too) or by the first component that asks: never first inside
 * a router guard, where it would mount while vue-router runs the guard in the main app's context
 * and its providers' inject() calls would resolve against the main app instead of their own tree.
 */
export function discrete() {
  if (!api) {
    const theme = useNaiveTheme()
    const locale = useLocaleStore()
    const configProviderProps = computed<ConfigProviderProps>(() => ({
      theme: theme.value,
      themeOverrides: overridesFor(theme.value),
      locale: locale.naiveLocale.value,
      dateLocale: locale.naiveDateLocale.value,
    }))
    api = createDiscreteApi(['message', 'dialog', 'notification', 'loadingBar'], {
      configProviderProps,
    })
  }
  return api
}
