import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { DEMO_PASSWORD } from '../src/demo'
import { Journey } from '../src/journey'

/**
 * Journey 8 — the sign-in form is in index.html itself (apps/admin/build/prerendered-sign-in.ts):
 * a signed-out visit shows it before the app's scripts have arrived, in the saved language and
 * theme; what is typed and submitted meanwhile is kept when the app mounts over it; the app's form
 * sits exactly where the early one was; and only the addresses that are sign-in show it. The app's scripts are held
 * back by the test, not by the network, so "before" is certain.
 */
let journey: Journey
beforeAll(async () => {
  journey = await Journey.open('08-sign-in-before-scripts', inject('baseUrl'))
})
afterAll(async () => {
  await journey?.close()
})

/** A page whose JavaScript files wait until `release()`; the saved language and theme set first. */
async function heldPage(saved: { locale?: string; theme?: string } = {}) {
  const page = await journey.newPage()
  await page.context().addInitScript((values) => {
    if (values.locale) localStorage.setItem('redblue.locale', values.locale)
    if (values.theme) localStorage.setItem('redblue.theme', values.theme)
  }, saved)
  let release = () => {}
  const released = new Promise<void>((resolve) => (release = resolve))
  await page.route(/\/assets\/.*\.js$/, async (route) => {
    await released
    await route.continue()
  })
  // Every address the page shows: a form submitted without the app would put the password in one.
  const urls: string[] = []
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) urls.push(frame.url())
  })
  return { page, release, urls }
}

/** Where each element of the form is and how it looks: what must not change when the app mounts. */
function layoutOf(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('#app main *')].map((element) => {
      const box = element.getBoundingClientRect()
      const style = getComputedStyle(element)
      return {
        element: `${element.tagName.toLowerCase()}.${element.className}`,
        box: [box.x, box.y, box.width, box.height].map((n) => Math.round(n * 10) / 10),
        colour: style.color,
        background: style.backgroundColor,
        font: `${style.fontSize} ${style.lineHeight} ${style.fontFamily}`,
        text: element.children.length ? '' : (element.textContent ?? '').trim(),
      }
    }),
  )
}

/** Marks the early form, then waits until the app's own form has replaced it. */
async function waitForAppForm(page: Page, release: () => void) {
  await page.evaluate(() => {
    const main = document.querySelector<HTMLElement & { early?: boolean }>('#app main')
    if (main) main.early = true
  })
  release()
  await page.waitForFunction(() => {
    const main = document.querySelector<HTMLElement & { early?: boolean }>('#app main')
    return !!main && !main.early && document.body.hasAttribute('n-styled')
  })
}

test('the form shows before the scripts, keeps what was typed and submits once they run', async () => {
  const { page, release, urls } = await heldPage()
  await journey.step('the form is there without the scripts', async () => {
    await page.goto('/sign-in', { waitUntil: 'commit' })
    await page.getByLabel('密码', { exact: true }).waitFor()
    expect(await page.getByRole('button', { name: '登录' }).isVisible()).toBe(true)
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('sign-in-username')
    await journey.shot(page, 'before-scripts-zh-CN', { fullPage: false })
  })
  await journey.step('type and submit before the scripts run', async () => {
    await page.getByLabel('用户名').fill('admin')
    await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD)
    await page.getByLabel('密码', { exact: true }).press('Enter')
    // Held back: still the same page, no password in any address.
    expect(await page.locator('form[data-submitted]').count()).toBe(1)
  })
  await journey.step('the app mounts, keeps the input and signs in', async () => {
    release()
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'))
    await page.locator('.welcome').waitFor()
    expect(urls.every((url) => !url.includes('password') && !url.includes('username='))).toBe(true)
  })
})

test('typing goes over to the app with the caret where it was', async () => {
  const { page, release } = await heldPage()
  await page.goto('/sign-in', { waitUntil: 'commit' })
  await page.getByLabel('用户名').fill('branch')
  await waitForAppForm(page, release)
  const field = await page.evaluate(() => {
    const input = document.activeElement as HTMLInputElement
    return { id: input.id, value: input.value, caret: input.selectionStart }
  })
  expect(field).toEqual({ id: 'sign-in-username', value: 'branch', caret: 6 })
  // The app's state has it too: submitting without a password flags only the password.
  await page.getByRole('button', { name: '登录' }).click()
  await page.getByRole('alert').filter({ hasText: '请输入密码' }).waitFor()
  expect(await page.getByRole('alert').filter({ hasText: '请输入用户名' }).count()).toBe(0)
})

for (const saved of [{}, { locale: 'en-US', theme: 'dark' }, { locale: 'en-US' }, { theme: 'dark' }]) {
  const name = `${saved.locale ?? 'zh-CN'}-${saved.theme ?? 'light'}`
  test(`the app's form sits exactly where the early one was (${name})`, async () => {
    const { page, release } = await heldPage(saved)
    await page.goto('/sign-in', { waitUntil: 'commit' })
    await page.locator('#sign-in-password').waitFor()
    const before = await layoutOf(page)
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(saved.locale ?? 'zh-CN')
    await waitForAppForm(page, release)
    const after = await layoutOf(page)
    expect(before.length).toBeGreaterThan(10)
    expect(after).toEqual(before)
    await journey.shot(page, `after-scripts-${name}`, { fullPage: false })
  })
}

test('a deep link shows nothing early, then the app sends it to sign-in', async () => {
  const { page, release } = await heldPage()
  await page.goto('/ledger', { waitUntil: 'commit' })
  // Parsed (the module scripts, held, are all that remains), so the page's own script has run.
  await page.waitForFunction(() => document.readyState !== 'loading')
  expect(await page.locator('#app').innerHTML()).toBe('')
  release()
  await page.waitForURL((url) => url.pathname === '/sign-in' && url.searchParams.get('redirect') === '/ledger')
  await page.locator('#sign-in-password').waitFor()
})

test("the app's scripts are asked for once the form has been drawn, not before", async () => {
  const page = await journey.newPage()
  // Registered before the page's own scripts, and again in each frame: in any frame it runs before
  // a callback the page registers while parsing, so it sees that frame as the page's callback does.
  // A loaded machine may draw a frame before the form is parsed; the first frame holding it counts.
  await page.addInitScript(() => {
    const early = window as unknown as { __formFrame?: number; __scriptsBeforeForm?: boolean }
    const watch = () => {
      if (document.querySelector('#sign-in-password')) {
        early.__formFrame = performance.now()
        return
      }
      early.__scriptsBeforeForm ||= performance.getEntriesByType('resource').some((entry) => entry.name.endsWith('.js'))
      requestAnimationFrame(watch)
    }
    requestAnimationFrame(watch)
  })
  await page.goto('/sign-in')
  // The app has mounted: its scripts have all been asked for by then.
  await page.waitForFunction(() => document.body.hasAttribute('n-styled'))
  const seen = await page.evaluate(() => {
    const early = window as unknown as { __formFrame?: number; __scriptsBeforeForm?: boolean }
    const scripts = performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.endsWith('.js'))
      .map((entry) => entry.startTime)
    return { formFrame: early.__formFrame ?? null, scriptsBeforeForm: early.__scriptsBeforeForm ?? false, firstScript: Math.min(...scripts) }
  })
  expect(seen.formFrame).not.toBeNull()
  expect(seen.scriptsBeforeForm).toBe(false)
  expect(seen.firstScript).toBeGreaterThanOrEqual(seen.formFrame ?? Infinity)
  // And the app runs: it signs in.
  await page.getByLabel('用户名').fill('admin')
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: '登录' }).click()
  await page.locator('.welcome').waitFor()
})

/** The naive-ui stylesheets in the page's head, by their css-render id. */
function naiveStylesheets(page: Page) {
  return page.evaluate(() => [...document.head.querySelectorAll('style[cssr-id]')].map((style) => style.getAttribute('cssr-id')))
}

test("while sign-in is idle, the layout's and home's naive-ui stylesheets are mounted: home mounts none of its own", async () => {
  const page = await journey.newPage()
  const stylesheets = () => naiveStylesheets(page)
  await page.goto('/sign-in')
  await expect
    .poll(stylesheets, { timeout: 10_000 })
    .toEqual(expect.arrayContaining(['n-layout', 'n-layout-sider', 'n-layout-header', 'n-badge', 'n-card', 'n-tag', 'n-spin']))
  // Only stylesheets: nothing drawn beside the form.
  expect(await page.locator('.n-card, .n-layout, .n-tag').count()).toBe(0)
  const before = await stylesheets()
  await page.getByLabel('用户名').fill('admin')
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: '登录' }).click()
  await page.locator('.todos li').first().waitFor()
  await expect.poll(() => page.locator('.todos .n-spin-body').count()).toBe(0)
  expect((await stylesheets()).filter((id) => !before.includes(id))).toEqual([])
})

test("while home is read, the naive-ui stylesheets of the other pages are mounted: the ledger mounts none of its own", async () => {
  const page = await journey.signIn('admin')
  const stylesheets = () => naiveStylesheets(page)
  await expect
    .poll(stylesheets, { timeout: 10_000 })
    // The first components and the last (layouts/shared-styles.ts).
    .toEqual(expect.arrayContaining(['n-data-table', 'n-pagination', 'n-select', 'n-button', 'n-table', 'n-timeline', 'n-steps', 'n-breadcrumb']))
  // Only stylesheets: home draws no table, select or dialog of its own.
  expect(await page.locator('.n-data-table, .n-pagination, .n-base-selection').count()).toBe(0)
  const before = await stylesheets()
  await page.getByRole('navigation').getByRole('link', { name: '整改台账' }).click()
  await page.locator('.n-data-table-tbody .n-data-table-tr').first().waitFor()
  await expect.poll(() => page.locator('.n-spin-body').count()).toBe(0)
  expect((await stylesheets()).filter((id) => !before.includes(id))).toEqual([])
})
