import { computed } from 'vue'
import { createDiscreteApi, darkTheme, type ConfigProviderProps, type DiscreteApi } from 'naive-ui'
import { useLocaleStore } from '@/store/locale'
import { useThemeStore } from '@/store/theme'
import { themeOverrides } from '@/app/theme'

let api: DiscreteApi<'message' | 'dialog' | 'notification' | 'loadingBar'> | undefined

/**
 * Messages, dialogs and the loading bar for code that runs outside components (router guards, the
 * GraphQL client) and for components alike, so there is one place that shows them. Created on first
 * use and following the app's theme and language.
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
