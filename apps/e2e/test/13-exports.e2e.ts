import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { cents, fromCents } from '../src/files'
import { Journey, menuEntry, waitForText } from '../src/journey'
import { readRanking } from '../src/ranking'
import { download, readSheets } from '../src/xlsx'

/**
 * Journey 13 — every list the API exports has its button, and the file holds what the screen
 * shows: the dashboard's ranking and the round's findings, the ledger's items of a round and
 * status, and the month's performance adjustments (the annual roll-up's export is journey 14).
 * Each download is read back with exceljs. Self-contained: it reads whatever was published last.
 */
let journey: Journey

beforeAll(async () => {
  journey = await Journey.open('13-exports', inject('baseUrl'))
})
afterAll(async () => {
  await journey?.close()
})

test('each export holds the figures on screen', async () => {
  const page = await journey.signIn('admin')

  const roundName = await journey.step('ranking export = the ranking on screen', async () => {
    await menuEntry(page, '领导看板').click()
    const screen = await readRanking(page)
    const round = (await page.getByTestId('pick-round').innerText()).trim()
    const area = (await page.getByTestId('pick-area').innerText()).trim()
    await journey.shot(page, 'dashboard-exports')
    const file = await download(page, page.getByTestId('export-ranking'))
    expect(file.name).toContain('排名')
    const sheet = (await readSheets(file.bytes)).get(`${area}排名`)
    expect(sheet, `sheet ${area}排名`).toBeDefined()
    // The dashboard opens on category I.
    const exported = sheet!.filter((r) => r['类别'] === 'Ⅰ类')
    expect(exported.map((r) => r['党组织'])).toEqual(screen.map((r) => r.org))
    expect(exported.map((r) => cents(r['总分']!))).toEqual(screen.map((r) => r.total))
    expect(exported.map((r) => Number(r['排名']))).toEqual(screen.map((r) => r.rank))
    return round
  })

  await journey.step('findings export = the round’s findings', async () => {
    const file = await download(page, page.getByTestId('export-findings'))
    const rows = [...(await readSheets(file.bytes)).values()][0]!
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) expect(row['检查轮次']).toBe(roundName)
  })

  await journey.step('rectifications export = the ledger’s items of the round and status', async () => {
    await menuEntry(page, '整改台账').click()
    const toolbar = page.getByRole('search')
    await toolbar.locator('.n-select').nth(1).click()
    await page.locator('.n-base-select-menu').last().locator('.n-base-select-option').filter({ hasText: roundName }).first().click()
    await page.waitForURL(/round=\d+/)
    await page.locator('[data-count-status="OPEN"]').click()
    await page.waitForURL(/status=OPEN/)
    const shown = Number(await waitForText(page.locator('[data-count-status="OPEN"] b'), /^\d+$/))
    await journey.shot(page, 'ledger-export')
    const file = await download(page, page.getByTestId('export-rectifications'))
    const rows = (await readSheets(file.bytes)).get('整改台账')!
    expect(rows.length).toBe(shown)
    for (const row of rows) {
      expect(row['开具轮次']).toBe(roundName)
      expect(row['状态']).toBe('整改中')
    }
  })

  await journey.step('adjustments export = the month on screen', async () => {
    await menuEntry(page, '绩效加减分').click()
    await page.getByTestId('adjustments-table').locator('tbody tr').first().waitFor()
    // The newest month of publication.
    await page.getByTestId('adjustments-month').click()
    await page.locator('.n-base-select-menu').last().locator('.n-base-select-option').first().click()
    await page.waitForURL(/month=\d{4}-\d{2}/)
    const month = new URL(page.url()).searchParams.get('month')!
    const totals = page.getByTestId('adjustments-totals')
    await page.waitForFunction(
      (m) => [...document.querySelectorAll('[data-testid="adjustments-table"] tbody tr td:first-child')].every((td) => td.textContent?.trim() === m),
      month,
    )
    const points = await page.locator('[data-testid="adjustments-table"] [data-points]').evaluateAll((els) => els.map((e) => e.getAttribute('data-points')!))
    const count = Number((await totals.locator('.n-statistic').first().locator('.n-statistic-value').innerText()).trim())
    expect(points.length).toBe(count)
    await journey.shot(page, 'adjustments')
    const file = await download(page, page.getByTestId('export-adjustments'))
    const rows = (await readSheets(file.bytes)).get('绩效加减分明细')!
    expect(rows.length).toBe(count)
    for (const row of rows) expect(row['月份']).toBe(month)
    const sum = (values: string[]) => fromCents(values.reduce((s, v) => s + cents(v), 0))
    expect(sum(rows.map((r) => r['加减分']!))).toBe(sum(points))
  })
})
