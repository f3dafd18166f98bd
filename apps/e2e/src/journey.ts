import { mkdir, rm } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { expect } from 'vitest'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { launchBrowser } from './browser'
import { DEMO_PASSWORD } from './demo'

/** Screenshots land in apps/e2e/test-results/<journey>/ (gitignored). */
export const RESULTS_DIR = fileURLToPath(new URL('../test-results/', import.meta.url))

/** Per-action budget: the machines running this are loaded, pages are lazy chunks. */
export const STEP_TIMEOUT = 60_000

export interface Session {
  context: BrowserContext
  page: Page
  /** Uncaught errors and console errors of the page, for failure messages. */
  errors: string[]
}

/**
 * One journey: a browser, its sessions (one per person, each its own context and cookie jar) and a
 * numbered screenshot folder. Every screenshot is also taken on failure of a `step`.
 */
export class Journey {
  private shots = 0
  private readonly sessions: Session[] = []

  private constructor(
    readonly name: string,
    readonly baseUrl: string,
    readonly browser: Browser,
    readonly dir: string,
  ) {}

  static async open(name: string, baseUrl: string): Promise<Journey> {
    const dir = `${RESULTS_DIR}${name}/`
    await rm(dir, { recursive: true, force: true })
    await mkdir(dir, { recursive: true })
    return new Journey(name, baseUrl, await launchBrowser(), dir)
  }

  /** A fresh browser context (own cookies) in Chinese, signed in as `username` through the UI. */
  async signIn(username: string): Promise<Page> {
    const page = await this.newPage()
    await signIn(page, this.baseUrl, username)
    return page
  }

  async newPage(options: { acceptDownloads?: boolean } = {}): Promise<Page> {
    const context = await this.browser.newContext({
      baseURL: this.baseUrl,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1440, height: 900 },
      acceptDownloads: options.acceptDownloads ?? true,
    })
    context.setDefaultTimeout(STEP_TIMEOUT)
    context.setDefaultNavigationTimeout(STEP_TIMEOUT)
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text().split('\n')[0] ?? '')
    })
    this.sessions.push({ context, page, errors })
    return page
  }

  async shot(page: Page, label: string, options: { fullPage?: boolean } = {}): Promise<string> {
    // Let refetch spinners settle so the picture shows what the user reads.
    await page
      .getByText('加载中…')
      .first()
      .waitFor({ state: 'hidden', timeout: 10_000 })
      .catch(() => undefined)
    this.shots++
    const path = `${this.dir}${String(this.shots).padStart(2, '0')}-${label}.png`
    await page
      .screenshot({ path, fullPage: options.fullPage ?? true, timeout: STEP_TIMEOUT })
      .catch(() => undefined)
    return path
  }

  /** Runs one step; on failure, screenshots every open page before rethrowing with the step name. */
  async step<T>(label: string, run: () => Promise<T>): Promise<T> {
    const started = Date.now()
    try {
      const result = await run()
      // Where a slow run spends its time (a figure to read, never an assertion).
      console.log(`[${this.name}] ${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`)
      return result
    } catch (error) {
      for (const [i, { page }] of this.sessions.entries()) {
        if (!page.isClosed()) await this.shot(page, `FAILED-${label}-session${i + 1}`)
      }
      const message = error instanceof Error ? error.message : String(error)
      const pageErrors = this.sessions.flatMap((s, i) =>
        s.errors.slice(-5).map((e) => `  session ${i + 1}: ${e}`),
      )
      throw new Error(
        `[${this.name}] step “${label}” failed: ${message}` +
          (pageErrors.length ? `\nBrowser errors:\n${pageErrors.join('\n')}` : ''),
        { cause: error },
      )
    }
  }

  async close() {
    await this.browser.close().catch(() => undefined)
  }
}

/** Signs in through the sign-in page, as a person would. */
export async function signIn(
  page: Page,
  baseUrl: string,
  username: string,
  password = DEMO_PASSWORD,
) {
  await page.goto(`${baseUrl}/sign-in`)
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码', { exact: true }).fill(password)
  await page.getByRole('button', { name: '登录' }).click()
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'))
}

/** Waits until the element's visible text matches (the UI updates asynchronously). */
export async function waitForText(
  locator: Locator,
  pattern: RegExp | string,
  timeout = STEP_TIMEOUT,
): Promise<string> {
  const started = Date.now()
  let last = ''
  for (;;) {
    last = await locator
      .innerText({ timeout: Math.max(1, timeout - (Date.now() - started)) })
      .catch(() => last)
    const ok = typeof pattern === 'string' ? last.includes(pattern) : pattern.test(last)
    if (ok) return last
    if (Date.now() - started > timeout) {
      throw new Error(
        `Expected text ${String(pattern)} within ${timeout} ms; last seen: ${JSON.stringify(last.slice(0, 500))}`,
      )
    }
    await new Promise((r) => setTimeout(r, 250))
  }
}

/** Reads a number (two decimals, the product's format) from a text. */
export function numberIn(text: string): number {
  const match = /-?\d+(?:\.\d+)?/.exec(text)
  if (!match) throw new Error(`No number in ${JSON.stringify(text)}`)
  return Number(match[0])
}

/**
 * A naive-ui text input by its label. NInput puts `aria-label` on its wrapper, not on the <input>
 * (so `getByRole('textbox', { name })` finds nothing); this matches either place.
 */
export function inputLabelled(scope: Page | Locator, label: string): Locator {
  return scope.locator(`input[aria-label="${label}"], [aria-label="${label}"] input`)
}

/** Chooses `option` in the naive-ui select labelled `label` (aria-label on the select's root). */
export async function pick(scope: Page, label: string, option: string | RegExp) {
  await scope.locator(`[aria-label="${label}"]`).first().click()
  await chooseInOpenMenu(scope, option)
}

/** The side menu's entry for a page, by its title (the layout's menu is a list of links). */
export function menuEntry(scope: Page, title: string): Locator {
  return scope.getByTestId('side-nav').getByRole('link', { name: title, exact: true })
}

/** Clicks `option` in the select menu that opened last. */
async function chooseInOpenMenu(page: Page, option: string | RegExp) {
  const menu = page.locator('.n-base-select-menu').last()
  await menu.waitFor()
  await menu.locator('.n-base-select-option').filter({ hasText: option }).first().click()
}

/**
 * Opens a filterable naive-ui select, types `search` into its own input and chooses `option`.
 * Types into the input rather than the page's keyboard: on a loaded machine the select focuses its
 * input a moment after the click, and keystrokes sent before that can be lost — the menu then shows
 * its first (virtualised) options only and the wanted one never renders (seen in CI). Waiting
 * for the select to focus its input instead was flaky too (it did not always within a second).
 */
export async function searchAndPick(
  page: Page,
  select: Locator,
  search: string,
  option: string | RegExp,
) {
  await select.click()
  const input = select.locator('input').first()
  // fill focuses the input itself before it types; the value is checked, not assumed. The select
  // may clear its input as its menu opens after the fill, so an emptied input is filled again.
  await input.fill(search)
  const filled = async () => {
    if ((await input.inputValue()) === '') await input.fill(search)
    return input.inputValue()
  }
  await expect.poll(filled, { timeout: 10_000 }).toBe(search)
  await chooseInOpenMenu(page, option)
}
