import type { GlobalThemeOverrides } from 'naive-ui'

/** Party-building red as the primary colour; the blue list uses the info colour. */
export const themeOverrides: GlobalThemeOverrides = {
  common: {
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
