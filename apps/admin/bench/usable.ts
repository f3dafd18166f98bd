/**
 * When a screen is usable, judged inside the page (serialised by playwright, so self-contained):
 * the element a person reaches for is there, nothing on the page still spins, and for charts every
 * panel has drawn (or says it has nothing to draw). Returns `performance.now()` at that moment —
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
  /** Chart panels the dashboard shows once loaded (counted by a warm-up load). */
  charts: number
}

/** When the screen became usable: ms since the start, and the wall clock then (ms since 1970). */
export interface Usable {
  ms: number
  at: number
}

export function usableAt({ kind, charts }: UsableArg): Usable | false {
  const visible = (selector: string) => {
    const el = document.querySelector(selector)
    if (!el) return false
    const box = el.getBoundingClientRect()
    return box.width > 0 && box.height > 0
  }
  const settled = () => !document.querySelector('.n-spin-body')
  const drawn = (canvas: HTMLCanvasElement) => {
    if (!canvas.width || !canvas.height) return false
    const context = canvas.getContext('2d')
    if (!context) return false
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height)
    const colours = new Set<number>()
    for (let i = 0; i < data.length && colours.size < 5; i += 4 * 97) {
      colours.add(((data[i] ?? 0) << 24) | ((data[i + 1] ?? 0) << 16) | ((data[i + 2] ?? 0) << 8) | (data[i + 3] ?? 0))
    }
    return colours.size >= 5
  }
  let ok = false
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
      const panels = [...document.querySelectorAll('.chart-panel')]
      ok =
        charts > 0 &&
        panels.length >= charts &&
        settled() &&
        panels.every((panel) => {
          if (panel.querySelector('.n-empty')) return true
          const canvas = panel.querySelector('canvas')
          return !!canvas && drawn(canvas)
        })
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
  return { ms: now - start, at: performance.timeOrigin + now }
}
