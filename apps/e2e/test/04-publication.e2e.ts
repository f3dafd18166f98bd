import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { ApiSession } from '../src/api'
import { CURRENT_ROUND } from '../src/demo'
import { docxText } from '../src/docx'
import { Journey, menuEntry, waitForText } from '../src/journey'
import { readRanking, showCategory, type RankingRow } from '../src/ranking'
import { advanceRound, findRound, type RoundRef } from '../src/workflow'

/**
 * Journey 4 — the admin publishes the round: the category rankings carry the red and blue marks
 * the year's rules give (R4: first and last of categories I and II; category III below a base of
 * 98), and the round's notice (通报) downloads.
 */
let journey: Journey
let round: RoundRef

beforeAll(async () => {
  const baseUrl = inject('baseUrl')
  journey = await Journey.open('04-publication', baseUrl)
  const admin = await ApiSession.signIn(baseUrl, 'admin')
  // Journey 3 leaves the round 核对中; run alone, this file gets there through the API.
  round = await advanceRound(
    admin,
    await findRound(admin, CURRENT_ROUND.year, CURRENT_ROUND.quarter),
    'RECONCILING',
  )
})
afterAll(async () => {
  await journey?.close()
})

/** Ranks descend by total; equal totals share a rank (1, 1, 3). */
function expectRanked(rows: RankingRow[]) {
  rows.forEach((row, i) => {
    if (i === 0) return expect(row.rank).toBe(1)
    const previous = rows[i - 1]!
    expect(row.total).toBeLessThanOrEqual(previous.total)
    expect(row.rank).toBe(row.total === previous.total ? previous.rank : i + 1)
  })
}

test('admin publishes the round; rankings show red/blue marks; the notice downloads', async () => {
  const page = await journey.step('sign in as admin', () => journey.signIn('admin'))

  await journey.step('publish the round', async () => {
    await menuEntry(page, '检查轮次').click()
    await page.getByRole('link', { name: round.name }).click()
    await page.getByRole('heading', { name: round.name }).waitFor()
    await page.getByText('状态流转', { exact: true }).click()
    const button = page.getByTestId('round-transition')
    if (round.status !== 'PUBLISHED') {
      await waitForText(button, '转为“已发布”')
      await button.click()
      const dialog = page.getByRole('dialog')
      await waitForText(dialog, '确认将本轮次转为“已发布”？')
      await waitForText(dialog, '生成红蓝榜和月度绩效加减分')
      await journey.shot(page, 'publish-dialog')
      await dialog.getByRole('button', { name: '确定' }).click()
      await dialog.waitFor({ state: 'hidden', timeout: 120_000 })
    }
    await page.getByText('核对中 → 已发布').waitFor()
    // What remains is closing, after the next round's look-back.
    await waitForText(button, '转为“已关闭”')
    await journey.shot(page, 'published')
  })

  let red = ''
  await journey.step('category II ranking: first is red, last is blue', async () => {
    await menuEntry(page, '领导看板').click()
    expect(await showCategory(page, 'II')).toBe(round.name)
    const rows = await readRanking(page)
    expect(rows.length).toBeGreaterThan(2)
    expectRanked(rows)
    const first = rows.filter((r) => r.rank === 1)
    const last = rows.filter((r) => r.rank === rows[rows.length - 1]!.rank)
    for (const r of first) expect([r.mark, r.markText]).toEqual(['RED', '红榜'])
    for (const r of last) expect([r.mark, r.markText]).toEqual(['BLUE', '蓝榜'])
    for (const r of rows.filter((x) => !first.includes(x) && !last.includes(x)))
      expect(r.mark).toBeNull()
    red = first[0]!.org
    await journey.shot(page, 'ranking-II')
  })

  await journey.step('category III ranking: blue below a base of 98, no red', async () => {
    expect(await showCategory(page, 'III')).toBe(round.name)
    const rows = await readRanking(page)
    expectRanked(rows)
    for (const r of rows) expect(r.mark).toBe(r.base < 9800 ? 'BLUE' : null)
    await journey.shot(page, 'ranking-III')
  })

  await journey.step('the notice: print view and Word download from the round page', async () => {
    // The round's header links the notice (any tab): the print view opens in a new tab, the Word
    // file downloads.
    await menuEntry(page, '检查轮次').click()
    await page.getByRole('link', { name: round.name }).click()
    await page.getByRole('heading', { name: round.name }).waitFor()
    const links = page.getByTestId('notice-links')
    await journey.shot(page, 'notice-links', { fullPage: false })
    const [view] = await Promise.all([
      page.context().waitForEvent('page'),
      links.getByTestId('notice-print').click(),
    ])
    const text = await waitForText(view.locator('body'), '红榜')
    expect(text).toContain('通报')
    expect(text).toContain('蓝榜')
    expect(text).toContain(red)
    await journey.shot(view, 'notice-print-view', { fullPage: false })
    await view.close()
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      links.getByTestId('notice-docx').click(),
    ])
    expect(download.suggestedFilename()).toMatch(/\.docx$/)
    const path = `${journey.dir}notice.docx`
    await download.saveAs(path)
    const { readFile } = await import('node:fs/promises')
    const body = docxText(await readFile(path))
    expect(body).toContain('通报')
    expect(body).toContain('红榜')
    expect(body).toContain(red)
  })
})
