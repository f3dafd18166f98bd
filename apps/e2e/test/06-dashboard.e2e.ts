import { readFile } from 'node:fs/promises'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { cents } from '../src/files'
import { Journey, menuEntry, signIn, waitForText } from '../src/journey'
import { readRanking, showCategory } from '../src/ranking'

/**
 * Journey 6 — company leadership reads the dashboard: five-round trends, a category's ranking, and
 * from a ranking row down through dimensions and indicators to the finding that cost a point and
 * its rectification.
 */
let journey: Journey
beforeAll(async () => {
  journey = await Journey.open('06-dashboard', inject('baseUrl'))
})
afterAll(async () => {
  await journey?.close()
})

/** How many rounds the trend series the dashboard received cover (read from the answer, not the drawing). */
function watchTrendRounds(page: Page) {
  const seen: number[] = []
  page.on('response', (response) => {
    if (!response.url().endsWith('/graphql')) return
    void response
      .json()
      .then((body: { data?: { analyticsTrends?: { rounds?: unknown[] } } }) => {
        const rounds = body.data?.analyticsTrends?.rounds
        if (Array.isArray(rounds)) seen.push(rounds.length)
      })
      .catch(() => undefined)
  })
  return seen
}

/** True once the chart has drawn (its SVG holds shapes in five colours, not an empty grid). */
async function chartDrawn(page: Page, title: string): Promise<boolean> {
  return page.getByRole('img', { name: title }).evaluate((el) => {
    const colours = new Set<string>()
    for (const shape of el.querySelectorAll('svg path, svg rect, svg text')) {
      for (const paint of [shape.getAttribute('fill'), shape.getAttribute('stroke')]) {
        if (paint && paint !== 'none') colours.add(paint)
      }
    }
    return colours.size >= 5
  })
}

/** The chart's 导出图片 downloads a PNG twice the chart's size with the drawing on it. */
async function expectPngExport(page: Page, title: string) {
  const panel = page.locator('.chart-panel').filter({ has: page.getByRole('img', { name: title }) })
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('button', { name: '导出图片' }).click(),
  ])
  const bytes = await readFile(await download.path())
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a')
  const box = (await page.getByRole('img', { name: title }).boundingBox())!
  expect(Math.abs(bytes.readUInt32BE(16) - box.width * 2)).toBeLessThanOrEqual(2)
  expect(Math.abs(bytes.readUInt32BE(20) - box.height * 2)).toBeLessThanOrEqual(2)
  // Decoded by the browser's own PNG reader: a solid background with the lines and labels on it.
  const colours = await page.evaluate(async (base64) => {
    const image = new Image()
    image.src = `data:image/png;base64,${base64}`
    await image.decode()
    const canvas = Object.assign(document.createElement('canvas'), { width: image.width, height: image.height })
    const context = canvas.getContext('2d')!
    context.drawImage(image, 0, 0)
    const { data } = context.getImageData(0, 0, image.width, image.height)
    const seen = new Set<number>()
    for (let i = 0; i < data.length; i += 4 * 7) seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!)
    return { count: seen.size, corner: [data[0], data[1], data[2], data[3]] }
  }, bytes.toString('base64'))
  expect(colours.count).toBeGreaterThanOrEqual(20)
  expect(colours.corner).toEqual([255, 255, 255, 255])
}

test('leader reads five-round trends and drills from a ranking row to a finding', async () => {
  const page = await journey.newPage()
  const trendRounds = watchTrendRounds(page)
  await journey.step('sign in as leader', () => signIn(page, journey.baseUrl, 'leader'))

  await journey.step('the dashboard shows five-round trends', async () => {
    await menuEntry(page, '领导看板').click()
    await page.waitForURL(/\/dashboard/)
    const title = '近 5 轮总分走势'
    await page.getByText(title, { exact: true }).waitFor()
    await expect.poll(() => trendRounds.at(-1), { timeout: 60_000 }).toBe(5)
    await expect.poll(() => chartDrawn(page, title), { timeout: 60_000 }).toBe(true)
    await expectPngExport(page, title)
    // The leader reads; nothing here offers to change anything.
    await expect(menuEntry(page, '用户管理').count()).resolves.toBe(0)
    await journey.shot(page, 'dashboard')
  })

  const target = await journey.step(
    'category II ranking: open the lowest row with findings',
    async () => {
      await showCategory(page, 'II')
      const rows = await readRanking(page)
      const counts = await page
        .locator('tr[data-assessment-id]')
        .evaluateAll((trs) =>
          trs.map((tr) =>
            Number((tr.querySelectorAll('td')[6] as HTMLElement | undefined)?.innerText ?? 0),
          ),
        )
      const index = [...counts.keys()].reverse().find((i) => counts[i]! > 0)
      expect(index, 'a category II org with findings').toBeDefined()
      const row = rows[index!]!
      await journey.shot(page, 'ranking')
      await page.getByRole('row', { name: `查看 ${row.org} 的失分明细` }).click()
      await page.waitForURL(/\/dashboard\/assessments\/\d+/)
      const summary = page.getByTestId('drilldown-summary')
      await waitForText(summary, row.org)
      await waitForText(summary, `总分 ${(row.total / 100).toFixed(2)}`)
      return row
    },
  )

  await journey.step('dimension → indicator → the finding behind the lost points', async () => {
    const dimensions = page.locator('tr[data-dimension-id]')
    await dimensions.first().waitFor()
    await journey.shot(page, 'dimensions')
    const lost = await dimensions.evaluateAll((trs) =>
      trs.map((tr) =>
        [...tr.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText.trim()),
      ),
    )
    // Look into each dimension that lost points until one lost them to a finding.
    for (const [i, cells] of lost.entries()) {
      if (!cells[4] || cents(cells[4]) === 0) continue
      await dimensions.nth(i).click()
      await page.waitForURL(/\/dimensions\/\d+/)
      const indicator = page
        .locator('tr[data-indicator-id]')
        .filter({ hasText: '检查发现问题扣分' })
        .first()
      if (!(await indicator.isVisible({ timeout: 5_000 }).catch(() => false))) {
        await page.goBack()
        await dimensions.first().waitFor()
        continue
      }
      await journey.shot(page, 'indicators')
      const lostText = (await indicator.locator('td').nth(4).innerText()).trim()
      await indicator.click()
      await page.waitForURL(/\/indicators\/\d+/)
      await page.getByRole('heading', { name: '问题' }).waitFor()
      const findings = page.locator('.finding-card')
      await findings.first().waitFor()
      // The findings' deductions account for the indicator's lost points (never below 0: ≤).
      const deductions = await findings.evaluateAll((cards) =>
        cards.map((c) => c.querySelector<HTMLElement>('.num')?.innerText ?? '0'),
      )
      const sum = deductions.reduce((s, d) => s + Math.abs(cents(d)), 0)
      expect(sum).toBeGreaterThanOrEqual(Math.abs(cents(lostText)))
      await journey.shot(page, 'indicator-findings')
      await page.locator('[data-open-finding]').first().click()
      await page.waitForURL(/\/findings\/\d+/)
      await page.getByRole('heading', { name: '整改事项' }).waitFor()
      await waitForText(page.getByTestId('drilldown-trail'), target.org)
      await journey.shot(page, 'finding')
      return
    }
    throw new Error(`No dimension of ${target.org} lost points to a finding`)
  })

  await journey.step('the finding opened afresh from its link: the page asks for the layout code at once', async () => {
    // With the session cookie the server sends the index.html that preloads naive-ui's file
    // (apps/admin/build/signed-in-html.ts), and the page still comes up whole from it.
    const response = await page.goto(page.url())
    expect(await response?.text()).toMatch(/<link rel="modulepreload"[^>]*href="\/assets\/vendor-[\w-]+\.js"/)
    await page.getByRole('heading', { name: '整改事项' }).waitFor()
    await waitForText(page.getByTestId('drilldown-trail'), target.org)
  })
})
