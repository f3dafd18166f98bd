import { computed, ref, watch } from 'vue'
import { savedTheme, THEME_STORAGE_KEY } from './saved-preferences'

export type ThemeMode = 'light' | 'dark'

const mode = ref<ThemeMode>(savedTheme(THEME_STORAGE_KEY))

watch(
  mode,
  (value) => {
    globalThis.localStorage?.setItem(THEME_STORAGE_KEY, value)
    // No document when the build renders the sign-in page in Node.
    if (globalThis.document) document.documentElement.dataset.theme = value
  },
  { immediate: true },
)

/** Light/dark mode, persisted per browser; naive-ui and echarts both follow it. */
export function useThemeStore() {
  return {
    mode,
    isDark: computed(() => mode.value === 'dark'),
    toggle() {
      mode.value = mode.value === 'dark' ? 'light' : 'dark'
    },
  }
}
