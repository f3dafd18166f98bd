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
  // Whether a chart's canvas shows a drawing: at least five colours in a 48 × 48 copy. Reading the
  // canvas itself every frame (megabytes per chart) slowed the page being measured; a drawn canvas
  // is remembered.
  const page = window as unknown as { __benchDrawn?: WeakSet<HTMLCanvasElement>; __benchProbe?: CanvasRenderingContext2D | null }
  const drawnCanvases = (page.__benchDrawn ??= new WeakSet())
  const drawn = (canvas: HTMLCanvasElement) => {
    if (drawnCanvases.has(canvas)) return true
    if (!canvas.width || !canvas.height) return false
    const probe = (page.__benchProbe ??= Object.assign(document.createElement('canvas'), { width: 48, height: 48 }).getContext('2d', { willReadFrequently: true }))
    if (!probe) return false
    probe.clearRect(0, 0, 48, 48)
    probe.drawImage(canvas, 0, 0, 48, 48)
    const { data } = probe.getImageData(0, 0, 48, 48)
    const colours = new Set<number>()
    for (let i = 0; i < data.length && colours.size < 5; i += 4) {
      colours.add(((data[i] ?? 0) << 24) | ((data[i + 1] ?? 0) << 16) | ((data[i + 2] ?? 0) << 8) | (data[i + 3] ?? 0))
    }
    if (colours.size >= 5) drawnCanvases.add(canvas)
    return colours.size >= 5
  }
  let ok = false
  let drawnCharts: number | undefined
  switch (kind) {
    case 'plain':
    case 'sign-in':
      ok = visible('input[type="password"]')
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
        const canvas = panel.querySelector('canvas')
        return !!canvas && drawn(canvas)
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
  const start = (window as unknown as { __benchStart?: number }).__benchStart ?? 0
  const now = performance.now()
  return { ms: now - start, at: performance.timeOrigin + now, charts: drawnCharts }
}
