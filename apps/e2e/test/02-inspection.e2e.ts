import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { ApiSession } from '../src/api'
import { cents, fromCents, PNG_1X1 } from '../src/files'
import { Journey, menuEntry, searchAndPick, waitForText } from '../src/journey'

/**
 * Journey 2 — an inspector scores an org of the round in progress: rates an indicator, records a
 * finding with evidence, watches the live total follow, saves. A second browser session of the same
 * assessment, opened before that save, saves stale inputs and is shown the conflict, then re-applies
 * its change on top of the latest version.
 */
const AREA = '基层党建'
const RATED = 'PB-POL-3' // 政治理论学习质效 — a graded (等级评定) indicator
const RERATED = 'PB-RES-2' // 党建与业务融合 — another graded one, changed by the second session
const DEDUCTED = 'PB-POL-2' // 意识形态工作 — a deduction (扣分制) indicator without findings yet

let journey: Journey
let orgName = ''
beforeAll(async () => {
  const baseUrl = inject('baseUrl')
  journey = await Journey.open('02-inspection', baseUrl)
  // The demo's first branch user's org is inspected by inspector1's team (journey 3 continues there).
  const branch = await ApiSession.signIn(baseUrl, 'branch1')
  const { me } = await branch.request<{ me: { org: { name: string } } }>('{ me { org { name } } }')
  orgName = me.org.name
})
afterAll(async () => {
  await journey?.close()
})

const indicator = (page: Page, code: string) =>
  page.locator('[data-indicator-id]').filter({ has: page.getByText(code, { exact: true }) })
const readTotal = async (page: Page) => cents(await page.getByTestId('live-total').innerText())
const readPoints = async (page: Page, code: string) =>
  cents(await indicator(page, code).getByTestId('indicator-points').innerText())

test('inspector scores, records a finding with evidence, saves; a stale session sees the conflict', async () => {
  const page = await journey.step('sign in as inspector1', () => journey.signIn('inspector1'))

  const assessmentUrl = await journey.step('find the org among my assignments', async () => {
    await menuEntry(page, '评分工作台').click()
    await page.waitForURL(/\/workbench$/)
    await waitForText(page.locator('body'), /检查中/)
    const row = page.getByRole('row').filter({ hasText: orgName }).filter({ hasText: AREA })
    await row.waitFor()
    await journey.shot(page, 'my-assignments')
    await row.getByRole('button', { name: '进入评分' }).click()
    await page.waitForURL(/\/workbench\/\d+$/)
    await page.getByRole('heading', { name: orgName }).waitFor()
    await page.getByTestId('live-total').waitFor()
    return page.url()
  })

  // The second session opens the same assessment now: its copy goes stale with the first save.
  const stale = await journey.step('a second session opens the same assessment', async () => {
    const second = await journey.signIn('inspector1')
    await second.goto(assessmentUrl)
    await indicator(second, RERATED).waitFor()
    return second
  })

  let total = 0
  await journey.step(`rate ${RATED}: the total follows`, async () => {
    await indicator(page, RATED).waitFor()
    total = await readTotal(page)
    const before = await readPoints(page, RATED)
    await indicator(page, RATED).getByRole('radio', { name: /^好 / }).check({ force: true })
    const max = cents(
      (await indicator(page, RATED).getByTestId('indicator-points').innerText()).split('/')[1]!,
    )
    await expect.poll(() => readPoints(page, RATED)).toBe(max)
    total += max - before
    await expect.poll(() => readTotal(page)).toBe(total)
    await page.getByText('有未保存的修改').first().waitFor()
    await journey.shot(page, 'rated')
  })

  const description = '意识形态阵地管理台账缺少第三季度研判记录'
  await journey.step(`record a finding on ${DEDUCTED} with evidence`, async () => {
    const before = await readPoints(page, DEDUCTED)
    // The button's accessible name is the indicator's (its <label for>), so find it by its text.
    await indicator(page, DEDUCTED).locator('button', { hasText: '记录问题' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByText('记录问题').first().waitFor()
    await searchAndPick(
      page,
      dialog.getByTestId('category-picker'),
      '意识形态',
      '意识形态工作责任落实不到位',
    )
    await dialog.getByRole('radio', { name: '查阅资料' }).check({ force: true })
    await dialog.getByLabel('扣分').fill('0.50')
    await dialog.getByLabel('问题描述').fill(description)
    // A program renamed to .pdf passes the picker's check by name; the API reads its content.
    await dialog.locator('input[type=file]').setInputFiles([
      { name: '研判记录.png', mimeType: 'image/png', buffer: PNG_1X1 },
      { name: '扫描件.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ\x90\x00 not a pdf') },
    ])
    // The finding being typed already counts in the live score.
    await expect.poll(() => readPoints(page, DEDUCTED)).toBe(before - 50)
    await journey.shot(page, 'finding-dialog')
    await dialog.getByRole('button', { name: '保存' }).click()
    // The finding is saved, its files are not: the dialog stays on it, ready to send them again.
    await waitForText(dialog.getByTestId('evidence-refused'), '佐证材料未上传')
    await dialog.getByText('编辑问题').first().waitFor()
    await expect.poll(() => dialog.getByTestId('dialog-submit').getAttribute('class')).not.toContain('n-button--loading')
    await journey.shot(page, 'finding-evidence-refused')
    await dialog.getByRole('button', { name: '移除 扫描件.pdf' }).click()
    await dialog.getByRole('button', { name: '保存' }).click()
    await dialog.waitFor({ state: 'hidden' })
    const item = indicator(page, DEDUCTED)
      .locator('[data-finding-id]')
      .filter({ hasText: description })
    // Saved twice, recorded once.
    await expect.poll(() => item.count()).toBe(1)
    await waitForText(item, '−0.50')
    await waitForText(item, '研判记录.png')
    await waitForText(item, '查阅资料')
    total -= 50
    await expect.poll(() => readTotal(page)).toBe(total)
    await journey.shot(page, 'finding-recorded')
  })

  await journey.step('save the inputs', async () => {
    await page.getByTestId('save-assessment').click()
    await page.getByText('有未保存的修改').waitFor({ state: 'hidden' })
    await expect.poll(() => page.getByTestId('save-assessment').isDisabled()).toBe(true)
    await page.reload()
    await indicator(page, RATED).waitFor()
    await expect.poll(() => readTotal(page)).toBe(total)
    expect(await indicator(page, RATED).getByRole('radio', { name: /^好 / }).isChecked()).toBe(true)
    await journey.shot(page, 'saved')
  })

  await journey.step('the stale session saves: conflict shown, then re-applied', async () => {
    const before = await readPoints(stale, RERATED)
    await indicator(stale, RERATED)
      .getByRole('radio', { name: /^较好 / })
      .check({ force: true })
    const max = cents(
      (await indicator(stale, RERATED).getByTestId('indicator-points').innerText()).split('/')[1]!,
    )
    const rerated = Math.round((max * 80) / 100)
    // Saved from far down the page (the save button stays in view): the panel comes into view.
    await stale.locator('[data-indicator-id]').last().scrollIntoViewIfNeeded()
    await stale.getByTestId('save-assessment').click()
    const panel = stale.getByTestId('conflict-panel')
    await waitForText(panel, '他人已先保存')
    await expect
      .poll(() => panel.evaluate((el) => {
        const box = el.getBoundingClientRect()
        return box.top >= 0 && box.top < window.innerHeight
      }))
      .toBe(true)
    await waitForText(panel, '张伟') // who saved first
    await waitForText(panel, '政治理论学习质效') // what they changed
    await journey.shot(stale, 'conflict')
    await panel.getByTestId('conflict-reapply').click()
    await panel.waitFor({ state: 'hidden' })
    await stale.getByTestId('save-assessment').click()
    await stale.getByText('有未保存的修改').waitFor({ state: 'hidden' })
    total += rerated - before
    await expect.poll(() => readTotal(stale)).toBe(total)
    await journey.shot(stale, 'reapplied')
    // Both changes stand, and the finding too.
    await page.reload()
    await indicator(page, RERATED).waitFor()
    await expect.poll(() => readTotal(page)).toBe(total)
    await waitForText(page.getByTestId('live-total'), fromCents(total))
  })
})
