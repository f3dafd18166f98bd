import { computed } from 'vue'
import { createDiscreteApi, darkTheme, type ConfigProviderProps, type DiscreteApi } from 'naive-ui'
import { useLocaleStore } from '@/store/locale'
import { useThemeStore } from '@/store/theme'
import { themeOverrides } from '@/app/theme'

let api: DiscreteApi<'message' | 'dialog' | 'notification' | 'loadingBar'> | undefined

/**
 * Messages, dialogs and the loading bar for code that runs outside components (router guards, the
 * GraphQL client) and for components alike, so there is one place that shows them, following the
 * app's theme and language. Created by `setupDiscreteApi` at start-up: created lazily inside a
 * router guard it would mount while vue-router runs the guard in the main app's context, and its
 * providers' inject() calls would then resolve against the main app instead of their own tree.
 */
export function discrete() {
  if (!api) {
    const theme = useThemeStore()
    const locale = useLocaleStore()
    const configProviderProps = computed<ConfigProviderProps>(() => ({
      theme: theme.isDark.value ? darkTheme : null,
      themeOverrides,
      locale: locale.naiveLocale.value,
      dateLocale: locale.naiveDateLocale.value,
    }))
    api = createDiscreteApi(['message', 'dialog', 'notification', 'loadingBar'], {
      configProviderProps,
    })
  }
  return api
}

export function setupDiscreteApi() {
  discrete()
}
