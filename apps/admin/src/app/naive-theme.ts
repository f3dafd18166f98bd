import { shallowRef, watch, type ShallowRef } from 'vue'
import type { GlobalTheme } from 'naive-ui'
import { useThemeStore } from '@/store/theme'

let theme: ShallowRef<GlobalTheme | null> | undefined

/**
 * naive-ui's theme for the app's light/dark mode (null: naive-ui's light default). The dark theme
 * is fetched the first time dark mode is on, so light-mode start-up never downloads it.
 */
export function useNaiveTheme(): ShallowRef<GlobalTheme | null> {
  if (!theme) {
    const current = shallowRef<GlobalTheme | null>(null)
    const mode = useThemeStore()
    watch(
      mode.isDark,
      async (dark) => {
        if (!dark) {
          current.value = null
          return
        }
        const { darkTheme } = await import('./dark-theme')
        // Still dark once it arrived (the switch may have been flipped back meanwhile).
        if (mode.isDark.value) current.value = darkTheme
      },
      { immediate: true },
    )
    theme = current
  }
  return theme
}
