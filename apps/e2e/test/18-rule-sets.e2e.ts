import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { Journey, menuEntry } from '../src/journey'

/**
 * Journey 18 — 规则设置: the admin changes the year's red-list bonus and saves; a reload shows the
 * saved value, annual components included (read from the API and sent back with the rest).
 * Self-contained: the original value is put back at the end, for the journeys after this one.
 */
let journey: Journey

beforeAll(async () => {
  journey = await Journey.open('18-rule-sets', inject('baseUrl'))
})
afterAll(async () => {
  await journey?.close()
})

test('the admin changes a rule of the year and saves it', async () => {
  const page = await journey.signIn('admin')
  const redPoints = page.locator('#rule-redPoints')

  const original = await journey.step('open the rules of the year', async () => {
    await menuEntry(page, '规则设置').click()
    await page.waitForURL(/\/rule-sets/)
    await expect.poll(() => redPoints.inputValue()).not.toBe('')
    await journey.shot(page, 'rules')
    return redPoints.inputValue()
  })
  const changed = original === '2.00' ? '2.50' : '2.00'

  const save = async (value: string) => {
    await redPoints.fill(value)
    await page.getByRole('button', { name: '保存', exact: true }).click()
    await page.getByText('已保存').first().waitFor()
    await page.reload()
    await expect.poll(() => redPoints.inputValue()).toBe(value)
  }

  await journey.step('change the red-list bonus, save, reload', async () => {
    await save(changed)
    // The annual components came from the API and went back with the save: still there.
    await expect.poll(() => page.locator('.component').count()).toBeGreaterThan(0)
    await journey.shot(page, 'saved')
  })

  await journey.step('put the original value back', () => save(original))
})
