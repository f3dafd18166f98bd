import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { cents, fromCents } from '../src/files'
import { Journey, menuEntry, waitForText } from '../src/journey'
import { download, readSheets } from '../src/xlsx'

/**
 * Journey 14 — 年度考评 (R10): the admin enters an org's annual components (a wrong value is
 * refused beside its cell), computes the year, and the row adds up: the weighted quarterly mean
 * plus each component × its weight. The xlsx export holds the same figures. Self-contained: it
 * works on the year of the newest published round.
 */
let journey: Journey

beforeAll(async () => {
  journey = await Journey.open('14-annual', inject('baseUrl'))
})
afterAll(async () => {
  await journey?.close()
})

test('the admin enters components, computes the year and exports it', async () => {
  const page = await journey.signIn('admin')
  const table = page.getByTestId('annual-table')
  const row = table.locator('tr.annual-row').first()
  const cell = (n: number) => row.locator('td').nth(n)

  const { orgName, inputs, headers } = await journey.step('open the year', async () => {
    await menuEntry(page, '年度考评').click()
    await row.waitFor()
    // At least one published quarter counts for the first org.
    await waitForText(row.locator('td').nth(2), /\d+\.\d{2}/)
    const headers = await table.locator('thead th').allInnerTexts()
    return { orgName: (await cell(0).innerText()).trim(), inputs: row.locator('input'), headers: headers.map((h) => h.trim()) }
  })
  expect(await inputs.count()).toBeGreaterThanOrEqual(2)

  await journey.step('a wrong value is refused beside its cell', async () => {
    await inputs.nth(0).fill('90.123')
    await inputs.nth(0).press('Enter')
    await waitForText(row, '最多两位小数')
  })

  await journey.step('enter the components', async () => {
    // Different from whatever an earlier run left, so each save really writes.
    await inputs.nth(0).fill('90')
    await inputs.nth(0).press('Enter')
    await expect.poll(() => inputs.nth(0).inputValue(), { timeout: 30_000 }).toBe('90.00')
    await inputs.nth(1).fill('85.5')
    await inputs.nth(1).press('Enter')
    await expect.poll(() => inputs.nth(1).inputValue(), { timeout: 30_000 }).toBe('85.50')
  })

  const screen = await journey.step('compute: the row adds up', async () => {
    await page.getByTestId('annual-compute').click()
    await waitForText(page.locator('.n-message').last(), /已计算 \d+ 个党组织的年度结果/)
    const weights = headers.filter((h) => /（|\(/.test(h) && !/^季度折算/.test(h)).map((h) => Number(/([\d.]+)%/.exec(h)![1]) / 100)
    // Each component × its weight, rounded to cents (the roll-up's rule), summed.
    const expected = Math.round(90 * weights[0]! * 100) + Math.round(85.5 * weights[1]! * 100)
    const column = (header: RegExp) => headers.findIndex((h) => header.test(h))
    // The year may have been computed before: wait for the new figures, not any figures.
    await expect
      .poll(async () => cents((await row.locator('td').nth(column(/^年度项目合计/)).innerText()) || '0'), { timeout: 30_000 })
      .toBe(expected)
    const texts = (await row.locator('td').allInnerTexts()).map((t) => t.trim())
    const at = (header: RegExp) => texts[column(header)]!
    const quarterly = at(/^季度折算/)
    const components = at(/^年度项目合计/)
    expect(cents(at(/^年度总分/))).toBe(cents(quarterly) + cents(components))
    await journey.shot(page, 'annual-computed')
    return { total: at(/^年度总分/), quarterly, components, mean: at(/^季度平均/) }
  })

  await journey.step('the export holds the same figures', async () => {
    const file = await download(page, page.getByTestId('export-annual'))
    const rows = [...(await readSheets(file.bytes)).values()][0]!
    const exported = rows.find((r) => r['党组织'] === orgName)
    expect(exported, `${orgName} in the export`).toBeDefined()
    expect(exported!['年度总分']).toBe(screen.total)
    expect(exported!['季度平均总分']).toBe(screen.mean)
    expect(exported!['其他考评项折算合计']).toBe(screen.components)
    const componentCells = Object.entries(exported!).filter(([k]) => /%）$/.test(k) && !k.startsWith('季度折算'))
    expect(componentCells.map(([, v]) => v)).toEqual(['90.00', '85.50'])
    expect(fromCents(cents(exported!['年度总分']!))).toBe(screen.total)
  })
})
