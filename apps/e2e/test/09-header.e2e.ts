import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { Journey } from '../src/journey'

/**
 * Journey 9 — the header's menus: the to-do list and the account menu show as plain buttons until
 * the pointer or the focus reaches them (apps/admin/src/components/MountOnIntent.vue), then as
 * naive-ui's; nothing moves when they change over, and the menus work by pointer and by keyboard.
 */
let journey: Journey
beforeAll(async () => {
  journey = await Journey.open('09-header', inject('baseUrl'))
})
afterAll(async () => {
  await journey?.close()
})

/** Every header button's box, colour and text: what must not change when a menu is set up. */
function headerButtons(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('.actions button')].map((button) => {
      const box = button.getBoundingClientRect()
      const style = getComputedStyle(button)
      return {
        text: (button.textContent ?? '').trim(),
        box: [box.x, box.y, box.width, box.height].map((n) => Math.round(n * 10) / 10),
        colour: style.color,
        font: `${style.fontSize} ${style.fontWeight} ${style.fontFamily}`,
      }
    }),
  )
}

const armed = (page: Page) => page.evaluate(() => [...document.querySelectorAll('.actions .mount-on-intent')].map((el) => el.getAttribute('data-armed')))

test('the to-do list and the account menu open by pointer and keyboard, the header keeping its place', async () => {
  const page = await journey.signIn('branch1')
  const badge = page.getByTestId('todo-badge')

  await journey.step('the header shows its buttons; the menus are set up on the way to them', async () => {
    await badge.waitFor()
    // The to-do count has come (the badge's number is part of what must stay put).
    await page.waitForLoadState('networkidle')
    expect(await armed(page)).toEqual(['false', 'false'])
    const before = await headerButtons(page)
    expect(before.map((b) => b.text)).toEqual([expect.stringContaining('待办事项'), 'English', '☾', expect.stringContaining('支部用户')])
    await badge.hover()
    await page.locator('.actions .mount-on-intent').last().hover()
    await expect.poll(() => armed(page)).toEqual(['true', 'true'])
    await page.mouse.move(600, 500)
    expect(await headerButtons(page)).toEqual(before)
  })

  await journey.step('the to-do list opens on a click, each detail on one line', async () => {
    await badge.click()
    const list = page.locator('.n-popover .todos')
    await list.waitFor()
    // The same to-dos as home's own list.
    const onHome = await page.locator('.n-layout-content .todos li').count()
    expect(onHome).toBeGreaterThan(0)
    await expect.poll(() => list.locator('li').count()).toBe(onHome)
    // The parts of a to-do's line wrap whole in the narrow popover, never a word per line.
    const heights = await list.locator('.meta > *').evaluateAll((parts) => parts.map((part) => part.getBoundingClientRect().height))
    expect(Math.max(...heights)).toBeLessThan(30)
    await journey.shot(page, 'todos')
    await page.keyboard.press('Escape')
    await page.mouse.click(600, 500)
    await expect.poll(() => page.locator('.n-popover .todos').count()).toBe(0)
  })

  await journey.step('a fresh page: the keyboard alone reaches the list', async () => {
    await page.reload()
    await badge.waitFor()
    expect(await armed(page)).toEqual(['false', 'false'])
    await badge.focus()
    // The real button takes the focus over, so Enter opens the list.
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.mount-on-intent')?.getAttribute('data-armed'))).toBe('true')
    await page.keyboard.press('Enter')
    await page.locator('.n-popover .todos').waitFor()
    await page.keyboard.press('Escape')
  })

  await journey.step('the account menu leads to the password change and signs out', async () => {
    await page.goto('/home')
    const account = page.locator('.actions .mount-on-intent').last()
    await account.click()
    await page.getByText('修改密码', { exact: true }).click()
    await page.waitForURL((url) => url.pathname === '/account/password')
    await page.locator('.actions .mount-on-intent').last().click()
    await page.getByText('退出登录', { exact: true }).click()
    await page.waitForURL((url) => url.pathname === '/sign-in')
  })
})
