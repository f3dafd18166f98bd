import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { Journey, menuEntry, waitForText } from '../src/journey'

/**
 * Journey 11 — 清单式约谈 (R9): the admin opens the interviews of the latest published round, sees
 * who must be interviewed (the round's own blue list) and who is done, records an interview (date,
 * interviewer, the org's leader, notes) and itemizes its rectification list; the item is an open
 * rectification in the ledger. Self-contained: it works on whichever round was published last.
 */
let journey: Journey

beforeAll(async () => {
  journey = await Journey.open('11-interviews', inject('baseUrl'))
})
afterAll(async () => {
  await journey?.close()
})

test('the admin records an interview and its itemized list', async () => {
  const page = await journey.signIn('admin')
  const table = page.getByTestId('interview-table')

  const { orgName, itemsBefore } = await journey.step('who must be interviewed', async () => {
    await menuEntry(page, '清单式约谈').click()
    await table.locator('tbody tr.interview-row').first().waitFor()
    // Everyone listed is on the round's blue list (last of I/II, or category III under the threshold).
    const reasons = await table.locator('tbody tr.interview-row td:nth-child(5)').allInnerTexts()
    expect(reasons.length).toBeGreaterThan(0)
    for (const reason of reasons) expect(reason).toMatch(/蓝榜（同类末位）|Ⅲ类基础分低于标准|另行约谈/)
    const progress = await waitForText(page.getByTestId('interview-progress'), /应约谈 \d+ 个，已完成 \d+ 个/)
    expect(progress).toMatch(/应约谈 (\d+) 个/)
    await journey.shot(page, 'interviews')
    const row = table.locator('tbody tr.interview-row').first()
    return {
      orgName: (await row.locator('td:nth-child(2)').innerText()).trim(),
      itemsBefore: Number(await row.locator('td:nth-child(8)').innerText()),
    }
  })

  const row = table.locator('tbody tr.interview-row').filter({ hasText: orgName }).first()
  const drawer = page.locator('.n-drawer')

  await journey.step('record the interview', async () => {
    await row.getByRole('button', { name: '记录' }).click()
    await waitForText(drawer.locator('.n-drawer-header'), orgName)
    const date = drawer.locator('form').first().locator('.n-date-picker input').first()
    await date.fill('2026-12-01')
    await date.press('Enter')
    await drawer.getByLabel('约谈人', { exact: true }).fill('公司党委书记 王建国')
    await drawer.getByLabel('被约谈人（党组织负责人）', { exact: true }).fill('支部书记 罗小军')
    await drawer.getByLabel('约谈记录', { exact: true }).fill('指出蓝榜问题，要求一个月内完成整改并书面报告。')
    await drawer.getByTestId('interview-save').click()
    await waitForText(page.locator('.n-message').last(), '已保存')
    await waitForText(row.locator('td:nth-child(6)'), '已约谈')
    await waitForText(row.locator('td:nth-child(7)'), '2026-12-01')
  })

  await journey.step('an item without content is refused, then added', async () => {
    const form = drawer.getByTestId('interview-new-item')
    await form.getByTestId('interview-add-item').click()
    await waitForText(form, '请填写整改事项')
    await form.locator('input[id$="-content"]').fill('组织生活会整改不到位')
    await form.getByLabel('整改措施', { exact: true }).fill('重新召开专题组织生活会并形成问题清单')
    await form.getByLabel('责任人', { exact: true }).fill('罗小军')
    await form.getByTestId('interview-add-item').click()
    const item = drawer.getByTestId('interview-items').locator('li').filter({ hasText: '组织生活会整改不到位' })
    await waitForText(item, '整改中')
    await waitForText(item, '罗小军')
    await waitForText(row.locator('td:nth-child(8)'), String(itemsBefore + 1))
    await journey.shot(page, 'interview-recorded')
  })

  await journey.step('the item is an open rectification in the ledger', async () => {
    const item = drawer.getByTestId('interview-items').locator('li').filter({ hasText: '组织生活会整改不到位' })
    await item.getByRole('link', { name: '在整改台账中查看' }).click()
    await page.waitForURL(/\/ledger\?rectification=\d+/)
    const detail = page.locator('.n-drawer').last()
    await waitForText(detail, '重新召开专题组织生活会并形成问题清单')
    await journey.shot(page, 'ledger-item')
  })
})
