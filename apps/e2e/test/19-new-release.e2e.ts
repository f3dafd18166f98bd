import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { Journey, menuEntry } from '../src/journey'

/**
 * Journey 19 — a tab opened before a new release: the page code it asks for by the old build's
 * file names is gone from the server. Following a link loads the page again at that address (the
 * new build), instead of failing and leaving the page empty. Simulated by answering the ledger's
 * file once with 404, as a server that no longer has it would.
 */
let journey: Journey
beforeAll(async () => {
  journey = await Journey.open('19-new-release', inject('baseUrl'))
})
afterAll(async () => {
  await journey?.close()
})

test('a page whose code is gone after a release is loaded again at the address asked for', async () => {
  const page = await journey.signIn('admin')
  let refused = 0
  await page.route(/\/assets\/LedgerPage-[\w-]+\.js$/, async (route) => {
    if (refused++ === 0) await route.fulfill({ status: 404, body: 'Not Found' })
    else await route.continue()
  })
  const loads: string[] = []
  page.on('load', () => loads.push(page.url()))

  await journey.step('follow the side menu to the ledger', async () => {
    await menuEntry(page, '整改台账').click()
    await page.waitForURL(/\/ledger$/)
    await page.locator('.n-data-table-tbody .n-data-table-tr').first().waitFor()
    await journey.shot(page, 'ledger')
  })
  // The file was refused once and asked for again by the page loaded anew at /ledger.
  expect(refused).toBeGreaterThanOrEqual(2)
  expect(loads.at(-1)).toMatch(/\/ledger$/)
})
