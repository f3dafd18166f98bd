// The date picker alone, so that loading this module brings naive-ui's date picker and nothing
// else (a dynamic import of 'naive-ui' itself would keep every component).
export { NDatePicker } from 'naive-ui'
