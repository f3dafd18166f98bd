import type { Page } from 'playwright-core'
import { cents } from './files'

export interface RankingRow {
  rank: number
  org: string
  mark: 'RED' | 'BLUE' | null
  markText: string
  total: number
  base: number
}

/** The dashboard's ranking table as the user reads it (rank, org, badge, total, base). */
export async function readRanking(page: Page): Promise<RankingRow[]> {
  const rows = page.locator('tr[data-assessment-id]')
  await rows.first().waitFor()
  const raw = await rows.evaluateAll((trs) =>
    trs.map((tr) => {
      const cells = [...tr.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText.trim())
      const badge = tr.querySelector<HTMLElement>('[data-mark]')
      return {
        cells,
        mark: badge?.dataset.mark ?? null,
        markText: badge?.innerText.trim() ?? '',
        org: (tr.querySelector<HTMLElement>('.org')?.innerText ?? cells[1] ?? '').replace(badge?.innerText ?? '', '').trim(),
      }
    }),
  )
  return raw.map((r) => ({
    rank: Number(/\d+/.exec(r.cells[0] ?? '')?.[0] ?? NaN),
    org: r.org,
    mark: r.mark as RankingRow['mark'],
    markText: r.markText,
    total: cents(r.cells[2] ?? ''),
    base: cents(r.cells[3] ?? ''),
  }))
}
