import { defineAsyncComponent } from 'vue'

// A module is fetched once however often it is imported: the preload and the component share it.
const load = () => import('./date-picker').then((m) => m.NDatePicker)

/**
 * naive-ui's date picker, loaded when first shown. For pickers inside dialogs of pages that must
 * open fast (the workbench's feedback forms and look-back): the picker with date-fns is 33 KB
 * compressed that the page itself does not need.
 */
export const LazyDatePicker = defineAsyncComponent(load)

/**
 * Fetches the picker's code ahead, when the pointer reaches or the focus enters what opens its
 * dialog: by the click it has come, and the dialog opens with its date field.
 */
export function preloadDatePicker() {
  load().catch(() => undefined)
}
