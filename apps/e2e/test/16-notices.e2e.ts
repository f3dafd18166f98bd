import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { docxText } from '../src/docx'
import { Journey, menuEntry, waitForText } from '../src/journey'
import { download } from '../src/xlsx'

/**
 * Journey 16 — 通报: the admin opens the latest published round's notice, changes its document
 * number and saves; the print preview beside the form follows, a reload shows the saved value,
 * the print view in its own tab and the Word download (read back) carry it. Self-contained: at the
 * end the admin puts the original number back, so later journeys find the notice as it was.
 */
let journey: Journey

beforeAll(async () => {
  journey = await Journey.open('16-notices', inject('baseUrl'))
})
afterAll(async () => {
  await journey?.close()
})

const DOC_NO = '党建〔2026〕88号'

test('the admin edits a published round’s notice; print view and Word follow', async () => {
  const page = await journey.signIn('admin')
  const docNo = page.locator('#notice-docNo')
  const preview = page.frameLocator('[data-testid="notice-preview"]')

  const original = await journey.step('open the latest published round’s notice', async () => {
    await menuEntry(page, '通报').click()
    await page.getByTestId('notice-form').waitFor()
    await expect.poll(() => docNo.inputValue()).not.toBe('')
    const value = await docNo.inputValue()
    await waitForText(preview.locator('body'), value)
    await journey.shot(page, 'notice')
    return value
  })
  expect(original).not.toBe(DOC_NO)

  await journey.step('change the document number and save; the preview follows', async () => {
    await docNo.fill('')
    await page.getByTestId('notice-save').click()
    await waitForText(page.getByTestId('notice-form'), '不能为空')
    await docNo.fill(DOC_NO)
    await page.getByTestId('notice-save').click()
    await waitForText(page.locator('.n-message').last(), '已保存')
    await waitForText(preview.locator('body'), DOC_NO)
  })

  await journey.step('a reload shows the saved number', async () => {
    await page.reload()
    await page.getByTestId('notice-form').waitFor()
    await expect.poll(() => docNo.inputValue()).toBe(DOC_NO)
    await waitForText(preview.locator('body'), DOC_NO)
    await journey.shot(page, 'notice-saved')
  })

  await journey.step('the print view carries it', async () => {
    const [tab] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('notice-print').click()])
    await tab.waitForLoadState()
    await waitForText(tab.locator('body'), DOC_NO)
    await waitForText(tab.locator('body'), '考核评价排名情况')
    await journey.shot(tab, 'print-view')
    await tab.close()
  })

  await journey.step('the Word download carries it', async () => {
    const file = await download(page, page.getByTestId('notice-docx'))
    expect(file.name).toMatch(/通报\.docx$/)
    const text = docxText(file.bytes)
    expect(text).toContain(DOC_NO)
    expect(text).toContain('考核评价排名情况')
  })

  await journey.step('the original number is put back', async () => {
    await docNo.fill(original)
    await page.getByTestId('notice-save').click()
    await waitForText(page.locator('.n-message').last(), '已保存')
    await waitForText(preview.locator('body'), original)
  })
})
