import type { GlobalThemeOverrides } from 'naive-ui'

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
