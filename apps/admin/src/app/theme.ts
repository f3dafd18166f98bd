import type { GlobalTheme, GlobalThemeOverrides } from 'naive-ui'

/**
 * Party-building red as the primary colour; the blue list uses the info colour. Components use the
 * page's font stack (styles/global.css), not naive-ui's own, which names no Chinese family.
 */
export const themeOverrides: GlobalThemeOverrides = {
  common: {
    fontFamily: 'var(--app-font-family)',
    primaryColor: '#c8161d',
    primaryColorHover: '#d9363e',
    primaryColorPressed: '#a50f15',
    primaryColorSuppl: '#d9363e',
    infoColor: '#1d5bd8',
    infoColorHover: '#3f77e6',
    infoColorPressed: '#1447b0',
    infoColorSuppl: '#3f77e6',
  },
}

/**
 * The same hues lightened for naive-ui's dark theme, which uses them as text on its dark
 * background (the menu's current page, tabs, text buttons, tags) and puts dark text on a primary
 * button: the light theme's red and blue read at ~3:1 there, and black on that red at ~3.6:1.
 */
export const darkThemeOverrides: GlobalThemeOverrides = {
  common: {
    ...themeOverrides.common,
    primaryColor: '#e8595e',
    primaryColorHover: '#ee7a7e',
    primaryColorPressed: '#d23f45',
    primaryColorSuppl: '#ee7a7e',
    infoColor: '#5b8def',
    infoColorHover: '#7aa5f0',
    infoColorPressed: '#3f77e6',
    infoColorSuppl: '#7aa5f0',
  },
}

/** The overrides for the naive-ui theme in use (null: its light default). */
export function overridesFor(theme: GlobalTheme | null): GlobalThemeOverrides {
  return theme ? darkThemeOverrides : themeOverrides
}
