import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { Journey, waitForText } from '../src/journey'
import { checkImport, withCategory } from '../src/orgs-template'
import { VIEWPORTS } from '../src/viewports'
import { download } from '../src/xlsx'

/**
 * Journey 17 — the adjustments, notices and import screens in English, at 1440×900 and 1366×768,
 * for people to look at (the pictures are the product's; the assertions check the screens are in
 * English where the product speaks, not the data). The import screen is captured with a file
 * whose one wrong cell the preview marks; nothing is saved. Read-only otherwise.
 */
let journey: Journey
beforeAll(async () => {
  journey = await Journey.open('17-english-screens', inject('baseUrl'))
})
afterAll(async () => {
  await journey?.close()
})

async function atEachViewport(page: Page, name: string, open: () => Promise<void>) {
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport)
    await open()
    await journey.shot(page, `${name}-en-US-${viewport.width}x${viewport.height}`, { fullPage: false })
  }
}

test('adjustments, notices and imports read well in English', async () => {
  const page = await journey.signIn('admin')
  const origin = new URL(page.url()).origin
  await page.evaluate(() => localStorage.setItem('redblue.locale', 'en-US'))

  await journey.step('adjustments', async () => {
    await atEachViewport(page, 'adjustments', async () => {
      await page.goto(`${origin}/adjustments`)
      await page.getByTestId('adjustments-table').waitFor()
      await waitForText(page.locator('body'), 'Adjustments')
    })
  })

  await journey.step('notices', async () => {
    await atEachViewport(page, 'notices', async () => {
      await page.goto(`${origin}/notices`)
      await page.getByTestId('notice-form').waitFor()
      await waitForText(page.getByTestId('notice-form'), 'Document number')
      await expect.poll(() => page.locator('#notice-docNo').inputValue()).not.toBe('')
      // The print preview is the Chinese document itself; wait until it has loaded.
      await waitForText(page.frameLocator('[data-testid="notice-preview"]').locator('body'), '考核评价排名情况')
    })
  })

  await journey.step('imports with a wrong cell', async () => {
    await page.goto(`${origin}/imports`)
    const panel = page.getByTestId('import-orgs')
    await panel.waitFor()
    const template = await download(page, panel.getByTestId('import-template'))
    const broken = await withCategory(template.bytes, 'Ⅳ类')
    await atEachViewport(page, 'imports', async () => {
      await page.goto(`${origin}/imports`)
      await checkImport(panel, 'orgs.xlsx', broken.bytes)
      await waitForText(panel.getByTestId('import-rejected'), 'Problems found: 1')
      await waitForText(panel.getByTestId('preview-count').first(), /rows; rows with problems: 1$/)
      await panel.locator('td.bad').first().scrollIntoViewIfNeeded()
    })
  })
})
