import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { inputLabelled, Journey, menuEntry, pick, waitForText } from '../src/journey'

/**
 * Journey 1 — the party-building department prepares next year's scheme for category II: clones
 * last year's, makes an indicator's points break its dimension's total, sees the validation (the
 * publish button refuses), fixes it with another indicator, and publishes.
 */
const SOURCE_YEAR = 2026 // the newest year the demo has schemes for
const YEAR = SOURCE_YEAR + 1

let journey: Journey
beforeAll(async () => {
  journey = await Journey.open('01-scheme', inject('baseUrl'))
})
afterAll(async () => {
  await journey?.close()
})

test('admin clones last year’s category II scheme, fixes the total and publishes', async () => {
  const page = await journey.step('sign in as admin', () => journey.signIn('admin'))
  /** The side card listing the scheme's validation problems. */
  const problemPanel = () => page.locator('aside').filter({ hasText: '校验问题' })

  await journey.step('open the scheme editor from the menu', async () => {
    await menuEntry(page, '考核方案').click()
    await page.waitForURL(/\/schemes/)
    await waitForText(page.getByTestId('scheme-total'), '100.00 / 100')
  })

  await journey.step(`pick ${YEAR}, category II: no scheme yet`, async () => {
    await pick(page, '年度', String(YEAR))
    await page.getByRole('radio', { name: 'Ⅱ类' }).check({ force: true })
    // The slot lives in the URL, so it survives a reload.
    await page.waitForURL(
      (url) =>
        url.searchParams.get('year') === String(YEAR) && url.searchParams.get('category') === 'II',
    )
    await waitForText(page.locator('main, body').first(), '该年度、专业、类别尚无考核方案')
    await expect.poll(() => page.getByRole('radio', { name: 'Ⅱ类' }).isChecked()).toBe(true)
    await journey.shot(page, 'empty-slot')
  })

  await journey.step('clone last year’s scheme', async () => {
    await page.getByRole('button', { name: '复制上年方案' }).click()
    const dialog = page.getByRole('dialog')
    await waitForText(dialog, `以 ${SOURCE_YEAR} 年同类方案为基础新建草稿？`)
    await dialog.getByRole('button', { name: '确定' }).click()
    // The draft opens: status tag, a full 100 and no problems.
    await waitForText(page.getByTestId('scheme-total'), '100.00 / 100')
    await page.getByText('草稿', { exact: true }).first().waitFor()
    await waitForText(problemPanel(), '校验通过')
    await journey.shot(page, 'cloned-draft')
  })

  const firstDimension = page.locator('[data-dimension-index="0"]')
  const maxInputs = inputLabelled(firstDimension, '分值')
  const dimensionTotal = firstDimension.getByTestId('dimension-total')
  let before: string[] = []

  await journey.step('raise one indicator: the dimension no longer adds up', async () => {
    before = await maxInputs.evaluateAll((inputs) =>
      inputs.map((i) => (i as HTMLInputElement).value),
    )
    // [dimension max, indicator 1, indicator 2, …]
    expect(before.length).toBeGreaterThanOrEqual(3)
    const raised = (Number(before[1]) + 2).toFixed(2)
    await maxInputs.nth(1).fill(raised)
    const text = await waitForText(dimensionTotal, /指标合计 \d+\.\d{2} \/ \d+\.\d{2}/)
    // The problem is listed, shown beside the dimension, and blocks publishing.
    await waitForText(problemPanel(), /1 个问题/)
    const max = Number(before[0]).toFixed(2)
    const sum = (Number(before[0]) + 2).toFixed(2)
    await waitForText(problemPanel(), `基础指标分值合计 ${sum} 分，与维度满分 ${max} 分不一致`)
    expect(text).toContain(`指标合计 ${sum} / ${max}`)
    await expect.poll(() => page.getByTestId('publish-scheme').isDisabled()).toBe(true)
    await journey.shot(page, 'total-off')
  })

  await journey.step('lower another indicator: valid again', async () => {
    await maxInputs.nth(2).fill((Number(before[2]) - 2).toFixed(2))
    const max = Number(before[0]).toFixed(2)
    await waitForText(dimensionTotal, `指标合计 ${max} / ${max}`)
    await waitForText(problemPanel(), '校验通过')
    await expect.poll(() => page.getByTestId('publish-scheme').isEnabled()).toBe(true)
    await journey.shot(page, 'fixed')
  })

  await journey.step('publish: the diff shows both changed indicators', async () => {
    await page.getByTestId('publish-scheme').click()
    const dialog = page.getByRole('dialog')
    await waitForText(dialog, '与上一版本相比的变化')
    const diff = await waitForText(dialog, '修改')
    expect(diff).toContain(`${before[1]} → ${(Number(before[1]) + 2).toFixed(2)}`)
    expect(diff).toContain(`${before[2]} → ${(Number(before[2]) - 2).toFixed(2)}`)
    await journey.shot(page, 'publish-dialog')
    await dialog.getByRole('button', { name: '发布' }).click()
    await page.getByText('方案已发布').first().waitFor()
    await waitForText(page.locator('body'), '已发布的方案不可修改')
    await journey.shot(page, 'published')
  })
})
