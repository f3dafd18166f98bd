import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { Journey, menuEntry, signIn, waitForText } from '../src/journey'
import { VIEWPORTS } from '../src/viewports'

/**
 * Journey 30 — 数据研判 (R13), read-only on the demo data's published rounds: the leader's dashboard
 * opens with the 研判 panel, warnings first; a "found again after close-out" warning leads through
 * its link to the finding behind it in the drill-down. branch1's 我的短板 page names its weakest
 * dimensions against the category average and what to do next. The panel and the page are also
 * captured at 1440×900 and 1366×768 in Chinese and English, for people to look at.
 */
let journey: Journey
beforeAll(async () => {
  journey = await Journey.open('30-insights', inject('baseUrl'))
})
afterAll(async () => {
  await journey?.close()
})

/** Screenshots of what `open` shows at each viewport and in both languages, Chinese last. */
async function lookAt(page: Page, name: string, open: () => Promise<void>) {
  for (const locale of ['en-US', 'zh-CN'] as const) {
    await page.evaluate((value) => localStorage.setItem('redblue.locale', value), locale)
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport)
      await page.reload()
      await open()
      await journey.shot(page, `${name}-${locale}-${viewport.width}x${viewport.height}`, { fullPage: false })
    }
  }
}

test('leader follows a dashboard warning to the finding behind it', async () => {
  const page = await journey.newPage()
  await journey.step('sign in as leader', () => signIn(page, journey.baseUrl, 'leader'))

  const panel = page.getByTestId('insight-panel')
  await journey.step('the dashboard opens with the 研判 panel, warnings first', async () => {
    await menuEntry(page, '领导看板').click()
    await page.waitForURL(/\/dashboard/)
    await panel.getByText('数据研判', { exact: true }).waitFor()
    const first = panel.locator('li[data-severity]').first()
    await first.waitFor()
    // The first few, warnings first; the rest behind "显示其余".
    await panel.getByRole('button', { name: /显示其余/ }).click()
    const order = ['WARNING', 'NOTICE', 'INFO']
    const severities = await panel
      .locator('li[data-severity]')
      .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-severity') ?? ''))
    const ranks = severities.map((s) => order.indexOf(s))
    expect(ranks[0]).toBe(0)
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
    // Every warning is one sentence with a link to the data behind it.
    const warnings = panel.locator('li[data-severity="WARNING"]')
    for (let i = 0; i < (await warnings.count()); i++) {
      expect(await warnings.nth(i).getByTestId('insight-link').count()).toBe(1)
    }
    await waitForText(panel, /连续 \d+ 轮/)
    await journey.shot(page, 'dashboard-panel')
  })

  await journey.step('a repeat after close-out opens the finding found again', async () => {
    const repeat = panel.locator('li[data-kind="REPEAT_AFTER_VERIFICATION"]').first()
    const sentence = await repeat.locator('.text').innerText()
    const org = sentence.split('“')[0]!
    const category = /“(.+)”类问题/.exec(sentence)![1]!
    await repeat.getByTestId('insight-link').click()
    await page.waitForURL(/\/dashboard\/assessments\/\d+\/findings\/\d+/)
    await page.getByRole('heading', { name: '整改事项' }).waitFor()
    await waitForText(page.getByTestId('drilldown-trail'), org)
    await waitForText(page.locator('body'), category)
    await journey.shot(page, 'finding-behind-the-warning')
  })

  await journey.step('the panel at two sizes, in Chinese and English', async () => {
    await page.goBack()
    await page.waitForURL(/\/dashboard(\?|$)/)
    await lookAt(page, 'panel', async () => {
      await panel.locator('li[data-severity]').first().waitFor()
      await page.getByTestId('insight-panel').getByRole('button').first().waitFor()
      await panel.scrollIntoViewIfNeeded()
    })
  })
})

test('branch1 reads 我的短板', async () => {
  const page = await journey.newPage()
  await journey.step('sign in as branch1', () => signIn(page, journey.baseUrl, 'branch1'))
  const table = page.getByTestId('weak-dimensions')
  await journey.step('three weakest dimensions against the category average, and what to do next', async () => {
    await menuEntry(page, '我的短板').click()
    await page.waitForURL(/\/my\/weak-spots/)
    await table.waitFor()
    const rows = await table.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText.trim())),
    )
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.length).toBeLessThanOrEqual(3)
    for (const [, points, average, gap] of rows) {
      // points + gap = average, to the cent.
      const cents = (s: string) => Math.round(Number(s.replace('−', '')) * 100)
      expect(cents(points!) + cents(gap!)).toBe(cents(average!))
    }
    const gaps = rows.map((r) => Number(r[3]!.replace('−', '')))
    expect(gaps).toEqual([...gaps].sort((a, b) => b - a))
    expect(await page.getByTestId('next-steps').locator('li').count()).toBeGreaterThan(0)
    await journey.shot(page, 'weak-spots')
  })
  await journey.step('the page at two sizes, in Chinese and English', async () => {
    await lookAt(page, 'weak-spots', async () => {
      await table.waitFor()
    })
  })
})
