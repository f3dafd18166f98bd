import { START_LOCATION, type RouteLocationNormalized, type RouteLocationResolved } from 'vue-router'
import { LAYOUT_ROUTE } from './routes'

/**
 * Where the window scrolls as a page opens. The signed-in layout's pages scroll inside the layout
 * (its content pane), never the window, and a new page there starts at its top by itself (its
 * content is swapped in); scrolling the window to where it already is would only force a layout
 * of the page just rendered (~100 ms after sign-in). Pages outside the layout (sign-in, printable
 * sheets, not found) scroll the window and open at its top, except the page a document opens
 * with, which is where the browser put it (its top, or the place a reload restores): scrolling
 * there forced a layout in the middle of the first mount (~35 ms of sign-in).
 */
export function windowScroll(
  to: RouteLocationNormalized | RouteLocationResolved,
  from: RouteLocationNormalized | RouteLocationResolved = START_LOCATION,
): false | { top: number } {
  if (from === START_LOCATION) return false
  return to.matched.some((record) => record.name === LAYOUT_ROUTE) ? false : { top: 0 }
}
