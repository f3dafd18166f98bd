// A module of its own so that the dynamic import in naive-theme.ts splits off only this: naive-ui's
// dark theme carries a dark variant of every component, which no light-mode visit needs.
export { darkTheme } from 'naive-ui'
