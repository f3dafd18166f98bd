/** The screen sizes people look at the product on (a common desktop and a common laptop). */
export const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 1366, height: 768 },
] as const
