/**
 * When a screen is usable, judged inside the page (serialised by playwright, so self-contained):
 * the element a person reaches for is there, nothing on the page still spins, and on the dashboard
 * as many charts have drawn as draw once everything has loaded. Returns `performance.now()` at that moment —
 * milliseconds since the navigation started — or since `window.__benchStart` for in-app changes,
 * with the wall clock then.
 */
export type UsableKind =
  | 'plain'
  | 'sign-in'
  | 'sign-in-app'
  | 'home'
  | 'dashboard'
  | 'drilldown-finding'
  | 'workbench'
  | 'ledger'
  | 'my-rectifications'
  | 'board'

export interface UsableArg {
  kind: UsableKind
  /**
   * Chart panels that draw on the dashboard once everything has loaded (counted on a warm-up load:
   * `charts: 0` is usable at once and answers the count in `Usable.charts`).
   */
  charts: number
}

/** When the screen became usable: ms since the start, and the wall clock then (ms since 1970). */
export interface Usable {
  ms: number
  at: number
  /** The dashboard's chart panels drawn by then. */
  charts?: number
}

export function usableAt({ kind, charts }: UsableArg): Usable | false {
  const visible = (selector: string) => {
    const el = document.querySelector(selector)
    if (!el) return false
    const box = el.getBoundingClientRect()
    return box.width > 0 && box.height > 0
  }
  const settled = () => !document.querySelector('.n-spin-body')
  // A chart shows a drawing once its SVG holds shapes in five colours (an empty grid has fewer).
  const drawn = (svg: Element) => {
    const colours = new Set<string>()
    for (const shape of svg.querySelectorAll('path, rect, text')) {
      const fill = shape.getAttribute('fill')
      const stroke = shape.getAttribute('stroke')
      if (fill && fill !== 'none') colours.add(fill)
      if (stroke && stroke !== 'none') colours.add(stroke)
      if (colours.size >= 5) return true
    }
    return false
  }
  let ok = false
  let drawnCharts: number | undefined
  switch (kind) {
    case 'plain':
    case 'sign-in':
      ok = visible('input[type="password"]')
      break
    // index.html shows the form before the app runs; this is when the app has taken it over.
    case 'sign-in-app':
      ok = visible('input[type="password"]') && !!document.querySelector('#app[data-v-app]')
      break
    case 'home':
      ok =
        (document.querySelector('.welcome')?.textContent ?? '').trim().length > 0 &&
        (visible('.todos li') || visible('.n-empty')) &&
        settled()
      break
    case 'dashboard': {
      // Every chart that draws in the demo data has drawn; an empty state while data is on its way
      // is not the dashboard (its panels say 暂无数据 until their queries answer).
      const panels = [...document.querySelectorAll('.chart-panel')]
      drawnCharts = panels.filter((panel) => {
        const svg = panel.querySelector('.chart svg')
        return !!svg && drawn(svg)
      }).length
      ok = settled() && drawnCharts >= charts
      break
    }
    case 'drilldown-finding':
      ok =
        visible('[data-testid="drilldown-summary"]') &&
        !!document.querySelector('[data-crumb="finding"] [aria-current="page"]') &&
        settled()
      break
    case 'workbench':
      ok =
        /\d/.test(document.querySelector('[data-testid="live-total"]')?.textContent ?? '') &&
        visible('[data-testid="indicator-points"]') &&
        settled()
      break
    case 'ledger':
      ok = (visible('.n-data-table-tbody .n-data-table-tr') || visible('.n-data-table-empty')) && settled()
      break
    case 'my-rectifications':
      ok = (visible('.cards > *') || visible('.n-empty')) && settled()
      break
    case 'board':
      ok = visible('section.area')
      break
  }
  if (!ok) return false
  // Charts are seen once the frame holding them has been painted, and laying out and painting their
  // shapes is part of their cost: the dashboard counts from the next frame.
  const page = window as unknown as { __benchPainted?: boolean }
  if (kind === 'dashboard' && !page.__benchPainted) {
    page.__benchPainted = true
    return false
  }
  const start = (window as unknown as { __benchStart?: number }).__benchStart ?? 0
  const now = performance.now()
  return { ms: now - start, at: performance.timeOrigin + now, charts: drawnCharts }
}
