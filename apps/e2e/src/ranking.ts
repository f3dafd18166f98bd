import type { Page } from 'playwright-core'
import { cents } from './files'
import { waitForText } from './journey'

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
  // Read until two reads agree, so a table still re-rendering is not taken for the answer.
  let ids = ''
  for (let i = 0; i < 20; i++) {
    const now = (
      await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-assessment-id')))
    ).join()
    if (now === ids) break
    ids = now
    await page.waitForTimeout(250)
  }
  const raw = await rows.evaluateAll((trs) =>
    trs.map((tr) => {
      const cells = [...tr.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText.trim())
      const badge = tr.querySelector<HTMLElement>('[data-mark]')
      return {
        cells,
        mark: badge?.dataset.mark ?? null,
        markText: badge?.innerText.trim() ?? '',
        org: (tr.querySelector<HTMLElement>('.org')?.innerText ?? cells[1] ?? '')
          .replace(badge?.innerText ?? '', '')
          .trim(),
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

const CATEGORY_LABELS = { I: 'Ⅰ类', II: 'Ⅱ类', III: 'Ⅲ类' } as const

/**
 * Switches the dashboard to a category and waits until its ranking has arrived: the title follows
 * the picker at once, the rows only when the query answers.
 */
export async function showCategory(
  page: Page,
  category: keyof typeof CATEGORY_LABELS,
): Promise<string> {
  const label = CATEGORY_LABELS[category]
  const answered = page.waitForResponse((response) => {
    const body = response.request().postData() ?? ''
    return (
      response.url().endsWith('/graphql') &&
      body.includes('DashboardCategoryRanking') &&
      body.includes(`"category":"${category}"`)
    )
  })
  await page.getByTestId('pick-category').getByText(label, { exact: true }).click()
  await answered
  const title = await waitForText(
    page.getByText(new RegExp(`^${label}排名 · `)),
    new RegExp(`^${label}排名 · \\S`),
  )
  return title.replace(new RegExp(`^${label}排名 · `), '').trim()
}
