import { computed, ref, watch } from 'vue'

export type ThemeMode = 'light' | 'dark'

const STORAGE_KEY = 'redblue.theme'

function initialMode(): ThemeMode {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY)
  if (saved === 'light' || saved === 'dark') return saved
  return globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'
}

const mode = ref<ThemeMode>(initialMode())

watch(
  mode,
  (value) => {
    globalThis.localStorage?.setItem(STORAGE_KEY, value)
    document.documentElement.dataset.theme = value
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
