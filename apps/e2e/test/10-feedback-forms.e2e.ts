import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { ApiSession } from '../src/api'
import { inspectingRound } from '../src/inspecting-round'
import { docxText } from '../src/docx'
import { Journey, menuEntry, searchAndPick, waitForText } from '../src/journey'
import { download } from '../src/xlsx'

/**
 * Journey 10 — 现场反馈表: at the end of a visit the inspector opens a feedback form for the org,
 * records a finding on it (the finding dialog picks the form), and prints the form for the org to
 * sign: the printed sheet lists the form's findings with their deduction, and its Word download
 * (read back) says the same. The inspecting round is
 * set up through the API when the demo's quarter is already published (see inspectingRound).
 */
let journey: Journey
let roundName = ''

beforeAll(async () => {
  const baseUrl = inject('baseUrl')
  journey = await Journey.open('10-feedback-forms', baseUrl)
  roundName = (await inspectingRound(await ApiSession.signIn(baseUrl, 'admin'))).name
})
afterAll(async () => {
  await journey?.close()
})

const SUMMARY = '走访座谈、查阅资料，现场反馈问题一条。'
const DESCRIPTION = '主题党日活动记录缺少签到表'

test('feedback form → a finding on it → the printed form', async () => {
  const page = await journey.signIn('inspector1')

  const orgName = await journey.step('open an org of the inspecting round', async () => {
    await menuEntry(page, '评分工作台').click()
    await waitForText(page.locator('body'), /检查中/)
    await page.goto(`${new URL(page.url()).origin}/workbench`)
    const roundPicker = page.locator('.n-select').first()
    await roundPicker.click()
    await page.locator('.n-base-select-menu').last().locator('.n-base-select-option').filter({ hasText: roundName }).first().click()
    const row = page.getByRole('row').filter({ has: page.getByRole('button', { name: '进入评分' }) }).first()
    await row.waitFor()
    const name = (await row.locator('td').first().innerText()).trim()
    await row.getByRole('button', { name: '进入评分' }).click()
    await page.waitForURL(/\/workbench\/\d+$/)
    await page.getByRole('heading', { name }).waitFor()
    return name
  })

  const panel = page.getByTestId('feedback-forms')
  const formNo = await journey.step('open a feedback form for the visit', async () => {
    const before = await panel.locator('[data-form-no]').count()
    await panel.getByTestId('feedback-form-new').click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('检查情况小结', { exact: true }).fill(SUMMARY)
    await dialog.getByRole('button', { name: '保存' }).click()
    await waitForText(page.locator('.n-message').last(), /已建立反馈表 \S+/)
    await expect.poll(() => panel.locator('[data-form-no]').count()).toBe(before + 1)
    // Numbered <year>Q<quarter>-<org code>-<n>; the newest is last.
    const no = (await panel.locator('[data-form-no]').last().getAttribute('data-form-no'))!
    expect(no).toMatch(/^\d{4}Q[1-4]-.+-\d{2}$/)
    await waitForText(panel.locator(`[data-form-no="${no}"]`), SUMMARY)
    await waitForText(panel.locator(`[data-form-no="${no}"]`), '0 个问题')
    return no
  })

  await journey.step('record a finding on the form', async () => {
    await page.locator('button', { hasText: '记录问题' }).first().click()
    const dialog = page.getByRole('dialog')
    await dialog.getByText('记录问题').first().waitFor()
    // A new finding goes on the latest visit's form.
    await waitForText(dialog.getByTestId('finding-feedback-form'), formNo)
    await searchAndPick(page, dialog.getByTestId('category-picker'), '主题党日', /主题党日/)
    await dialog.getByLabel('问题描述').fill(DESCRIPTION)
    await journey.shot(page, 'finding-on-form')
    await dialog.getByRole('button', { name: '保存' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await waitForText(panel.locator(`[data-form-no="${formNo}"]`), '1 个问题')
    await journey.shot(page, 'form-with-finding')
  })

  await journey.step('print the form: it lists the finding', async () => {
    const form = panel.locator(`[data-form-no="${formNo}"]`)
    const [sheet] = await Promise.all([page.context().waitForEvent('page'), form.getByText('打印反馈表').click()])
    await sheet.waitForLoadState()
    await waitForText(sheet.getByTestId('sheet-form-no'), formNo)
    await waitForText(sheet.getByTestId('sheet-org'), orgName)
    const findings = sheet.getByTestId('sheet-findings')
    await waitForText(findings, DESCRIPTION)
    const rows = findings.locator('tbody tr[data-finding-id]')
    expect(await rows.count()).toBe(1)
    const deduction = (await rows.first().locator('td').last().innerText()).trim()
    expect(deduction).toMatch(/^\d+\.\d{2}$/)
    await waitForText(sheet.getByTestId('sheet-total'), deduction)
    await journey.shot(sheet, 'printed-form')

    const file = await download(sheet, sheet.getByTestId('sheet-docx'))
    expect(file.name).toBe(`现场反馈表-${formNo}-${orgName}.docx`)
    const text = docxText(file.bytes)
    for (const expected of ['党建工作督导检查现场反馈表', `编号：${formNo}`, orgName, DESCRIPTION, `合计 1 个问题`, deduction]) {
      expect(text).toContain(expected)
    }
  })
})
